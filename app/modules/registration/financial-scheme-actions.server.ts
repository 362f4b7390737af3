/**
 * The forms of the Financial scheme page (routes/registration.financial-scheme.tsx): saving the
 * scheme or going back to the generated one, and opening and recording the founding members' ballot on it.
 */
import { staleFieldErrors } from "~/components/stale-edit";
import type { Actor } from "~/modules/audit/audit.server";
import { periodRefusal } from "~/modules/constitution/periods.server";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { refused, type ActionAnswer } from "~/utils/action-answer.server";
import { formatDateTime } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { fromLondonLocal } from "~/utils/london-time";
import { editVersion, staleChanges, type StaleChange, type StaleSave } from "~/utils/stale-edit";
import { financialSchemeState, resetFinancialScheme, saveFinancialScheme } from "./financial-scheme.server";
import { schemePageText as text } from "./financial-scheme-messages";
import { openFinancialSchemeVote, settleFinancialSchemeVote } from "./financial-scheme-vote.server";
import { schemeTextMessages, schemeVoteMessages as v } from "./messages";

export interface SchemeAnswer {
  errors: FieldErrors;
  /** The scheme as typed, kept on a scheme error. */
  value?: string;
  closesAt?: string;
  /** Saved by someone else since the page was loaded: the scheme as saved now. */
  stale?: StaleChange[];
  /** The version the scheme's form carries from now on: the one it was sent with, or the saved one after a stale save. */
  version?: string;
}

type Answer = ActionAnswer<SchemeAnswer>;

/**
 * The answer to one of the page's forms: where to go once done, or the form again with its
 * problems; null for anything the page's buttons do not send (a file where text belongs, an
 * unknown intent), which saves nothing.
 */
export async function financialSchemeAction(db: Db, actor: Actor, values: Record<string, string>): Promise<{ goTo: string } | Answer | null> {
  const intent = values.intent;
  const scheme = values.scheme;
  if (intent === "open-vote") {
    const closesAtText = values.closesAt ?? "";
    const closesAt = fromLondonLocal(closesAtText);
    if (!closesAt) return refused({ errors: { closesAt: v.closesAtInvalid }, closesAt: closesAtText });
    const opened = await openFinancialSchemeVote(db, actor, { closesAt });
    if (!opened.ok) {
      const message = opened.code === "period_too_short" ? await periodRefusal("ballot", opened.earliest, v.problems[opened.code]) : v.problems[opened.code];
      const field = opened.code === "closes_in_past" || opened.code === "period_too_short" ? "closesAt" : "vote";
      return refused({ errors: { [field]: message }, closesAt: closesAtText });
    }
    return { goTo: "/registration/financial-scheme?done=opened" };
  }
  if (intent === "record-vote") {
    const state = await financialSchemeState(db);
    const poll = state.ballot ? (await loadRules(db, state.ballot.pollId, PAGE_READ))?.poll : null;
    // Before its closing time a ballot is closed only by the returning officer, on the poll's page.
    if (poll && poll.status === "open" && poll.closesAt.getTime() > Date.now())
      return refused({ errors: { vote: v.openNow(formatDateTime(poll.closesAt), poll.ballotCount, poll.rollSize) } });
    const settled = await settleFinancialSchemeVote(db, actor);
    if (!settled.ok) return refused({ errors: { vote: v.problems[settled.code] } });
    return { goTo: `/registration/financial-scheme?done=${settled.adopted ? "adopted" : "not-adopted"}` };
  }
  if ((intent !== "save" && intent !== "reset") || (intent === "save" && scheme === undefined)) return null;
  const version = values.version ?? "";
  if (intent === "reset") {
    const reset = await resetFinancialScheme(db, actor, version);
    if (!reset.ok && reset.code === "stale") return staleReply(reset);
    if (!reset.ok) return refused({ errors: { scheme: v.frozen } });
    return { goTo: "/registration/financial-scheme?done=reset" };
  }
  const value = scheme ?? "";
  const saved = await saveFinancialScheme(db, actor, value, version);
  if (!saved.ok && saved.code === "stale") return staleReply(saved, value);
  if (!saved.ok)
    return refused({
      errors: { scheme: saved.code === "empty" ? text.empty : saved.code === "ballot_open" ? v.frozen : schemeTextMessages[saved.code] },
      value,
      version,
    });
  return { goTo: "/registration/financial-scheme?done=saved" };
}

/** A save or reset from a stale page: 409, the text as typed kept, the saved one shown. */
function staleReply(result: StaleSave, value?: string): Answer {
  const stale = staleChanges(result.changed, result.current, () => text.label);
  return refused({ errors: staleFieldErrors(stale), value, stale, version: editVersion(result.current) }, 409);
}
