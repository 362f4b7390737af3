/**
 * What the Financial scheme page shows (routes/registration.financial-scheme.tsx): the scheme's
 * text and whether it is edited, the version its form carries, and where the founding members'
 * ballot on it stands.
 */
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { formatDateTime } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { editVersion } from "~/utils/stale-edit";
import { financialSchemeState, schemeShown } from "./financial-scheme.server";

export async function financialSchemePageView(db: Db) {
  const state = await financialSchemeState(db);
  const pollId = state.ballot?.pollId ?? state.lastPollId;
  const poll = pollId ? (await loadRules(db, pollId, PAGE_READ))?.poll : null;
  return {
    text: state.text,
    // What the scheme's form was loaded with (optimistic concurrency, app/utils/stale-edit.ts).
    version: editVersion(schemeShown(state)),
    edited: state.edited,
    treasurerName: state.treasurerName,
    adopted: state.adopted,
    editedSinceAdoption: !state.adopted && state.adoptedBefore,
    ballot:
      state.ballot && poll
        ? {
            pollId: poll.id,
            open: poll.status === "open",
            due: poll.closesAt.getTime() <= Date.now(),
            closesAt: formatDateTime(poll.closesAt),
            ballots: poll.ballotCount,
            rollSize: poll.rollSize,
          }
        : null,
    lastFailed: !state.ballot && !state.adopted && poll ? poll.id : null,
  };
}

export type FinancialSchemePageView = Awaited<ReturnType<typeof financialSchemePageView>>;
