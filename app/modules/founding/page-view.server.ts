/**
 * What the Founding page shows (routes/founding._index.tsx): the invitation to accept, the
 * member's own standing on the roll, the roll's figures, and for organisers what to run next.
 */
import { getMovement } from "~/modules/campaign/campaign.server";
import { readConstitutionFile, sectionContaining } from "~/modules/content/constitution-files.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import type { Db } from "~/utils/db.server";
import { FOUNDING_CONSENT_VERSION, foundingFigures, getFoundingMembership } from "./founding.server";
import { standingOrdersVoteStatus } from "./status";

export async function foundingPageView(db: Db, userId: string, canManage: boolean, now: Date) {
  const [m, membership, figures, statement, consent] = await Promise.all([
    getMovement(db),
    getFoundingMembership(db, userId),
    foundingFigures(db),
    readConstitutionFile("founding-statement.md"),
    readConstitutionFile("consent.md"),
  ]);
  const vote = m?.standingOrdersPollId ? await loadRules(db, m.standingOrdersPollId, PAGE_READ) : null;
  const result = vote?.poll.result as PollResult | null | undefined;
  return {
    phase: m?.phase ?? null,
    // Where the standing orders vote stands, from its poll (decision 039).
    standingOrdersVote: vote
      ? standingOrdersVoteStatus(
          { status: vote.poll.status, closesAt: vote.poll.closesAt, passed: result?.kind === "yes-no" ? result.result.passed : null },
          now,
        )
      : null,
    leavingDay: m?.leavingDay ?? null,
    standingOrdersPollId: m?.standingOrdersPollId ?? null,
    membership: membership
      ? {
          accepted: Boolean(membership.acceptedAt),
          membershipNumber: membership.membershipNumber,
          mustResign: membership.mustResign,
          resigned: Boolean(membership.resignedAt),
          left: Boolean(membership.leftAt),
        }
      : null,
    figures,
    statement: statement?.body ?? null,
    consent: consent ? sectionContaining(consent.body, FOUNDING_CONSENT_VERSION) : null,
    canManage,
  };
}

export type FoundingPageView = Awaited<ReturnType<typeof foundingPageView>>;
