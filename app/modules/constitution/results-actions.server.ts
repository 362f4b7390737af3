/**
 * The forms of Constitution votes and results (routes/constitution.results.tsx): closing and
 * counting a round or the adoption vote (early only by the returning officer, with a reason), and
 * moving an open round's closing time later (a correction under the standing orders).
 */
import type { Actor } from "~/modules/audit/audit.server";
import { correctionProblemMessages } from "~/modules/polls/messages";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import { formatDateTime } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { fromLondonLocal } from "~/utils/london-time";
import { MAX_OFFICIAL_REASON_LENGTH } from "~/utils/input-limits";
import { isAllowed, type Principal } from "~/utils/permissions";
import { textLimitProblem } from "~/utils/text-limits";
import { currentDraft } from "./drafting.server";
import { closeReasonMessages, roundProblemMessages } from "./messages";
import { periodRefusal } from "./periods.server";
import { resultsText as t } from "./results-messages";
import { extendRound } from "./round-extension.server";
import { closeRound, openRoundOf, settleAdoption } from "./round.server";

/** What the page shows after one of its forms. */
export interface ResultsAnswer {
  errors: FieldErrors;
  done?: string;
  values?: { closesAt: string; reason: string };
}

type Answer = ActionAnswer<ResultsAnswer>;

/** Moves the open round's closing time later: the caller has checked the returning officer's permission. */
export async function extendRoundFromPage(db: Db, actor: Actor, values: { closesAt: string; reason: string }): Promise<Answer | null> {
  if (!(await currentDraft(db))) return null;
  const fail = (errors: FieldErrors, status: number) => refused({ errors, values }, status);
  const newClosesAt = fromLondonLocal(values.closesAt);
  if (!newClosesAt) return fail({ "extend-closesAt": t.extend.closesAtMissing }, 400);
  const r = await extendRound(db, actor, { closesAt: newClosesAt, reason: values.reason });
  if (!r.ok) {
    if (r.code === "no_open_round") return fail({ "extend-closesAt": roundProblemMessages.no_open_round }, 409);
    const message =
      r.code === "period_too_short" ? await periodRefusal("ballot", r.earliest, correctionProblemMessages[r.code]) : correctionProblemMessages[r.code];
    return r.code.startsWith("reason") ? fail({ "extend-reason": message }, 400) : fail({ "extend-closesAt": message }, 409);
  }
  return succeeded({ errors: {}, done: t.extend.extended(r.roundNumber, formatDateTime(newClosesAt)) });
}

/**
 * Closes and counts the open round, or the adoption vote. Before its closing time only the
 * returning officer may, and must say why. `onAdopted` is told the version adopted, if any.
 */
export async function closeFromResults(
  db: Db,
  actor: Actor,
  role: Principal,
  what: "close-round" | "close-adoption",
  reasonGiven: string,
  onAdopted: (version: number) => void,
): Promise<Answer | null> {
  const draft = await currentDraft(db);
  if (!draft) return null;
  const reason = reasonGiven.trim();
  const closesAt =
    what === "close-round"
      ? (await openRoundOf(db, draft.id))?.closesAt
      : draft.adoptionPollId
        ? (await loadRules(db, draft.adoptionPollId, PAGE_READ))?.poll.closesAt
        : undefined;
  const early = closesAt ? closesAt.getTime() > Date.now() : false;
  if (early && !isAllowed(role, "poll.close_early")) return refused({ errors: { reason: t.close.onlyReturningOfficer } }, 403);
  if (early && !reason) return refused({ errors: { reason: t.close.reasonMissing } });
  const reasonProblem = early ? textLimitProblem(reason, MAX_OFFICIAL_REASON_LENGTH) : null;
  if (reasonProblem) return refused({ errors: { reason: closeReasonMessages[reasonProblem] } });
  if (what === "close-round") {
    const r = await closeRound(db, actor, early ? { reason } : {});
    if (!r.ok) return refused({ errors: { reason: roundProblemMessages[r.code] } });
    return succeeded({ errors: {}, done: t.close.roundClosed(r.roundNumber) });
  }
  const r = await settleAdoption(db, actor, early ? { reason } : {});
  if (!r.ok) return refused({ errors: { reason: roundProblemMessages[r.code] } });
  if (r.adopted && r.version !== null) onAdopted(r.version);
  return succeeded({ errors: {}, done: r.adopted ? t.close.adoptedAs(r.version) : t.close.notAdopted });
}
