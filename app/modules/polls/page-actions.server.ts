/**
 * What the poll page's buttons do (routes/polls.$pollId._index.tsx), once the page has checked
 * who may press them: correcting a poll (cancel, extend), running it (open, close) and casting a
 * ballot from the page. Each answers what the page shows next and the HTTP status to send it with.
 */
import type { FieldErrors } from "~/components/forms";
import type { Actor } from "~/modules/audit/audit.server";
import type { CastRecord } from "~/utils/cast-record";
import { noteCastSent, noteCastStored } from "~/utils/cast-record";
import type { Db, DbOrTx } from "~/utils/db.server";
import type { Action } from "~/utils/permissions";
import { MAX_OFFICIAL_REASON_LENGTH } from "~/utils/input-limits";
import { formatLondonLong, fromLondonLocal } from "~/utils/london-time";
import { plural } from "~/utils/plural";
import { textLimitProblem } from "~/utils/text-limits";
import { ballotBoxFor } from "./ballot-box.server";
import type { PollPageAnswer } from "./components/poll-page/answer";
import { countedTogether } from "./counted-together";
import { correctionPermission } from "./corrections";
import { cancelPoll, extendPollClosing } from "./corrections.server";
import { ballotProblemMessages, correctionProblemMessages, pollPageText, pollTextMessages } from "./messages";
import { ballotFormValues, parseBallotForm } from "./parse-ballot-form";
import { closePoll } from "./closing.server";
import { openPoll } from "./creation.server";
import { loadRules, PAGE_READ, type LoadedRules } from "./poll-rules.server";
import { listRollCandidates } from "./roll.server";
import { pollTrusteeText } from "./trustee-messages";
import type { ActionAnswer } from "~/utils/action-answer.server";

export type PageAnswer = ActionAnswer<PollPageAnswer>;

const answer = (a: PollPageAnswer, status = 200): PageAnswer => ({ answer: a, status });

/** What the page needs from the phases to correct a poll: whether the standing orders bind, and the words for a period too short. */
export interface CorrectionContext {
  appUrl: string;
  standingOrdersAdopted: (tx: DbOrTx) => Promise<boolean>;
  periodRefusal: (earliest: Date | undefined, fallback: string) => Promise<string>;
}

/** Cancels the poll or moves its closing time later, with the reason given (decision 028). */
export async function correctFromPage(
  db: Db,
  actor: Actor,
  pollId: string,
  intent: "cancel" | "extend",
  values: { reason: string; closesAt: string },
  phases: CorrectionContext,
): Promise<PageAnswer> {
  const fail = (errors: FieldErrors, status = 400) => answer({ stage: "correction-error", intent, errors, values }, status);
  // A reason's own problems belong beside the reason; any other refusal beside the form's heading or the time.
  const field = (code: string, other: string) => (code.startsWith("reason") ? `${intent}-reason` : other);
  const status = (code: string) => (code.startsWith("reason") ? 400 : 409);
  if (intent === "cancel") {
    const r = await cancelPoll(db, actor, { pollId, reason: values.reason, appUrl: phases.appUrl });
    if (!r.ok) return fail({ [field(r.code, "cancel-form")]: correctionProblemMessages[r.code] }, status(r.code));
    return answer({ stage: "managed", message: pollPageText.cancelled });
  }
  const closesAt = fromLondonLocal(values.closesAt);
  if (!closesAt) return fail({ "extend-closesAt": pollPageText.closingTimeMissing });
  const r = await extendPollClosing(db, actor, { pollId, closesAt, reason: values.reason }, phases.standingOrdersAdopted);
  if (!r.ok) {
    const message =
      r.code === "period_too_short" ? await phases.periodRefusal(r.earliest, correctionProblemMessages[r.code]) : correctionProblemMessages[r.code];
    return fail({ [field(r.code, "extend-closesAt")]: message }, status(r.code));
  }
  return answer({ stage: "managed", message: pollPageText.extended(formatLondonLong(closesAt)) });
}

/** Opens a draft poll on the roll as it stands now. */
export async function openFromPage(db: Db, actor: Actor, pollId: string): Promise<PageAnswer> {
  const opened = await openPoll(db, actor, pollId, await listRollCandidates(db));
  if (opened.ok) return answer({ stage: "managed", message: pollPageText.opened(plural(opened.rollSize, "person is", "people are")) });
  return answer({ stage: "managed", message: opened.code === "trustee_keys_missing" ? pollTrusteeText.keysMissing : pollPageText.notADraft }, 409);
}

/**
 * Whether pressing "Close the poll and count" now would close it early, which needs its own
 * permission (the page checks it) and a reason. A ballot closed only with its owner's others is
 * refused before that question arises.
 */
export function closesEarly(loaded: LoadedRules, now = new Date()): boolean {
  return countedTogether(loaded.poll.owner) === null && loaded.poll.closesAt.getTime() > now.getTime();
}

/** Closes and counts the poll; before its closing time only with a reason. */
export async function closeFromPage(db: Db, actor: Actor, loaded: LoadedRules, reasonGiven: string): Promise<PageAnswer> {
  const together = countedTogether(loaded.poll.owner);
  if (together) return answer({ stage: "manage-error", message: pollPageText.countedWith(together.what) }, 409);
  const early = closesEarly(loaded);
  const reason = reasonGiven.trim();
  if (early) {
    if (!reason) return answer({ stage: "manage-error", message: pollPageText.closeReasonMissing }, 400);
    const problem = textLimitProblem(reason, MAX_OFFICIAL_REASON_LENGTH);
    if (problem) return answer({ stage: "manage-error", message: pollTextMessages.closeReason[problem] }, 400);
  }
  const closed = await closePoll(db, actor, loaded.poll.id, early ? { reason } : {});
  return closed.ok ? answer({ stage: "managed", message: pollPageText.closed }) : answer({ stage: "managed", message: pollPageText.notOpen }, 409);
}

/**
 * The ballot form without JavaScript: change it, check it, or cast it. A cast is noted in the
 * request's record, so that the receipt is shown even if drawing the page after the commit fails
 * (the front door answers from it; decision 041).
 */
export async function ballotFromPage(db: Db, casts: CastRecord, userId: string, loaded: LoadedRules, intent: string, form: FormData): Promise<PageAnswer> {
  if (loaded.clauseId) return answer({ stage: "errors", message: ballotProblemMessages.on_clause_ballot, values: {} }, 409);
  const values = ballotFormValues(form);
  if (intent === "edit") return answer({ stage: "edit", values });
  const parsed = parseBallotForm(loaded.rules, form);
  if (!parsed.ok) return answer({ stage: "errors", message: ballotProblemMessages[parsed.code], values }, 400);
  if (intent === "review") return answer({ stage: "review", values, choice: parsed.choice, ranking: parsed.ranking });
  const checkAt = `/polls/${loaded.poll.id}`;
  noteCastSent(casts, checkAt);
  const cast = await ballotBoxFor(db).cast({ pollId: loaded.poll.id, userId, loaded, read: () => parsed });
  if (!cast.ok) return answer({ stage: "errors", message: ballotProblemMessages[cast.code], values }, 409);
  noteCastStored(casts, { receipts: [cast.receipt], checkAt });
  return answer({ stage: "cast", receipt: cast.receipt });
}

/** What the page's buttons need from the route: the phases' part in a correction, and the checks that depend on the poll. */
export interface PageActionContext extends CorrectionContext {
  /** Refuses (throws) unless the person may also do this: what a poll's owner asks of a correction, or closing early. */
  authorise: (permission: Action) => void;
}

/**
 * The answer to one of the poll page's buttons, pressed by someone the route has let act on
 * `intent`; null when there is no such poll. A correction or an early close is checked again
 * against what this poll asks for.
 */
export async function pollPageAction(
  db: Db,
  casts: CastRecord,
  actor: Actor & { id: string },
  pollId: string,
  intent: string,
  form: FormData,
  context: PageActionContext,
): Promise<PageAnswer | null> {
  const loaded = await loadRules(db, pollId, PAGE_READ);
  if (!loaded) return null;
  const reason = String(form.get("reason") ?? "");
  if (intent === "cancel" || intent === "extend") {
    context.authorise(correctionPermission(loaded.poll.owner));
    return correctFromPage(db, actor, loaded.poll.id, intent, { reason, closesAt: String(form.get("closesAt") ?? "") }, context);
  }
  if (intent === "open") return openFromPage(db, actor, loaded.poll.id);
  if (intent === "close") {
    if (closesEarly(loaded)) context.authorise("poll.close_early");
    return closeFromPage(db, actor, loaded, reason);
  }
  return ballotFromPage(db, casts, actor.id, loaded, intent, form);
}
