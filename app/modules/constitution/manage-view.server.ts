/**
 * What the organisers' page for the constitution shows (routes/constitution.manage.tsx): the
 * draft and its phase, its amendments in sum, the open round or adoption vote, the clauses still
 * undecided, the latest version, and the hint for a ballot's closing time.
 */
import { periodHint } from "~/modules/constitution/periods.server";
import { waitingNoticeFor } from "~/modules/roles/roles.server";
import { earlyCloseWaiting } from "~/modules/roles/waiting-for";
import { formatDateTime } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { isAllowed, type Principal } from "~/utils/permissions";
import { amendmentsSummary } from "./amendments-status";
import { currentDraft, listAmendments } from "./drafting.server";
import { phaseLabels, undecidedSummary } from "./messages";
import { latestVersion, openRoundOf, pendingClauses, standingOrdersAdopted } from "./round.server";

export async function manageConstitutionView(db: Db, principal: Principal) {
  const draft = await currentDraft(db);
  const version = await latestVersion(db);
  const adoptedSO = await standingOrdersAdopted(db);
  if (!draft) return { draft: null, version: version?.number ?? null, standingOrdersAdopted: adoptedSO, waiting: null, closeHint: undefined };
  const amendments = await listAmendments(db, draft.id);
  const round = await openRoundOf(db, draft.id);
  const pending = await pendingClauses(db, draft.id);
  // A round closes by itself at its time; before then only the returning officer can close it.
  const waiting = round
    ? await waitingNoticeFor(db, principal, (roles) =>
        earlyCloseWaiting(
          { open: true, closesInFuture: round.closesAt.getTime() > Date.now() },
          { canCloseEarly: isAllowed(principal, "poll.close_early") },
          roles,
        ),
      )
    : null;
  return {
    waiting,
    draft: {
      phase: draft.phase,
      phaseLabel: phaseLabels[draft.phase],
      supportersNeeded: draft.supportersNeeded,
      source: draft.source,
      adopted: draft.adoptedVersion,
      adoptionPollId: draft.adoptionPollId,
      // Derived from each amendment's status, never stored (decision 039).
      amendmentsSummary: amendmentsSummary(draft.phase, amendments, draft.supportersNeeded),
      replaceable: draft.phase === "drafting" && amendments.length === 0 && draft.adoptedVersion === null,
      pending: pending.length,
      undecided: undecidedSummary(pending, new Map(amendments.map((a) => [a.id, a.number]))),
      lastAdoptionFailed: !draft.adoptionPollId && draft.adoptedVersion === null && draft.failedAdoptionPollIds.length > 0,
      round: round ? { number: round.number, closesAt: formatDateTime(round.closesAt) } : null,
    },
    version: version?.number ?? null,
    standingOrdersAdopted: adoptedSO,
    closeHint: await periodHint(db, "ballot"),
  };
}
