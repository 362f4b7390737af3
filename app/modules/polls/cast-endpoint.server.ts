import type { AppContext } from "~/utils/context.server";
import { CommitOutcomeUnknown } from "~/utils/commit-outcome.server";
import { principalOf } from "~/utils/auth.server";
import { isDatabaseUnavailable } from "~/utils/database-unavailable";
import { describeFailure } from "~/utils/errors";
import { isAllowed } from "~/utils/permissions";
import { ballotBoxFor, type BoxResult } from "./ballot-box.server";
import { noteCastSent, noteCastStored } from "~/utils/cast-record";
import type { CastAnswer } from "./cast-endpoint";
import { ballotProblemMessages } from "./messages";
import { parseBallotForm } from "./parse-ballot-form";

/**
 * POST /polls/:pollId/ballot: casts the ballot of the signed-in member, sent as the ballot page's
 * form fields (`choice`, or `rank-<position>`), and answers JSON with the receipt or the reason it
 * was refused. It is served by the app server itself, ahead of Remix (server.ts), behind the
 * same origin check and session lookup as every page: a ballot costs one session look-up and a
 * share of a ballot-box transaction, not a page's rendering and routing (decision 025). The page
 * falls back to its own action without JavaScript, which casts through the same ballot box.
 */
export async function castFromEndpoint(context: AppContext, pollId: string, form: Pick<FormData, "get">): Promise<{ status: number; body: CastAnswer }> {
  if (!context.auth) return refused(401, "signed_out", ballotProblemMessages.signed_out);
  if (!isAllowed(principalOf(context), "poll.vote")) return refused(403, "not_allowed", ballotProblemMessages.not_allowed);
  // The poll's page says whether its reader has voted.
  const checkAt = `/polls/${pollId}`;
  let result: BoxResult;
  try {
    noteCastSent(context.casts, checkAt);
    result = await ballotBoxFor(context.db).cast({ pollId, userId: context.auth.user.id, read: (rules) => parseBallotForm(rules, form) });
  } catch (error) {
    // Never the error itself: a failed statement's message carries its parameters, here voters'
    // ids or ballots with their receipts, and no ballot is ever logged (decision 007).
    // Lost at the commit: the ballot may be in, so the voter is never told to vote again blind.
    const unknown = error instanceof CommitOutcomeUnknown;
    console.error(`ballot endpoint: ${unknown ? "the ballot's commit got no answer" : "the ballot's transaction failed"} (${describeFailure(error)})`);
    // A lost commit says to look before voting again (500: a load balancer must not resend it).
    // A failed transaction stored nothing, and the answer says voting again is safe: 503 when the
    // database is gone (the front door adds when to try again), 500 for any other fault.
    if (unknown) return { status: 500, body: castOutcomeUnknown };
    return { status: isDatabaseUnavailable(error) ? 503 : 500, body: castServerError };
  }
  if (result.ok) {
    noteCastStored(context.casts, { receipts: [result.receipt], checkAt });
    return { status: 200, body: { ok: true, receipt: result.receipt } };
  }
  return refused(statusOf(result.code), result.code, ballotProblemMessages[result.code]);
}

function statusOf(code: Extract<BoxResult, { ok: false }>["code"]): number {
  if (code === "not_found") return 404;
  if (code === "not_open" || code === "cancelled" || code === "already_voted" || code === "not_on_roll" || code === "on_clause_ballot") return 409;
  return 400;
}

function refused(status: number, code: string, message: string): { status: number; body: CastAnswer } {
  return { status, body: { ok: false, code, message } };
}

/** The answer when the ballot's transaction failed: nothing of it was stored, so voting again is safe. */
const castServerError: CastAnswer = { ok: false, code: "server_error", message: ballotProblemMessages.server_error };
/** The answer when the commit itself got no answer: the ballot may or may not be stored. */
const castOutcomeUnknown: CastAnswer = { ok: false, code: "outcome_unknown", message: ballotProblemMessages.outcome_unknown };
