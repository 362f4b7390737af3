/**
 * What the page of one position in the officer elections shows (routes/elections.positions.$positionId.tsx),
 * for the person looking: the position, its candidates with their seconders and hustings, the
 * nominations waiting for an answer (founding members only), what the viewer may do there, and,
 * once counted, the result with its check and recounts. Null when there is no such position.
 */
import { countSheetWords } from "~/modules/ballots/messages";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { ukDateTime } from "~/modules/documents/format";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { verificationProblemMessages } from "~/modules/polls/messages";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { verifyPoll } from "~/modules/polls/verification.server";
import { takingPartRefusal } from "~/modules/roles/messages";
import { conflictsFor } from "~/modules/roles/role-rules";
import { waitingNoticeFor } from "~/modules/roles/roles.server";
import { electionWaiting } from "~/modules/roles/waiting-for";
import type { Db, DbOrTx } from "~/utils/db.server";
import { MAX_LOOKUP_LENGTH } from "~/utils/input-limits";
import { isAllowed, type Principal } from "~/utils/permissions";
import { plural } from "~/utils/plural";
import type { Role } from "../../../db/schema";
import { findNominees, NOMINEE_SEARCH_LIMIT, pendingNominations } from "./nominations.server";
import { hustingsFor } from "./hustings.server";
import { isFoundingMember } from "~/modules/founding/roll.server";
import { listCandidates, registeredCandidacies, secondedBy } from "./candidates.server";
import { positionById } from "./current-election.server";
import { RON_LABEL } from "~/modules/ballots/ron";
import { winners } from "./count.server";
import { positionPageText } from "./messages";
import { standingProblems, type Holding, type RegisteredRole } from "./officer-rules";
import { officerProblemMessages, roleLabels } from "./officer-rules-messages";
import { recountsOf } from "./recovery.server";
import { formerMemberName } from "~/modules/users/messages";

export interface PositionViewer {
  principal: Principal;
  userId: string | null;
  role: Role | null;
}

export async function positionPageView(db: Db, viewer: PositionViewer, positionId: string, findText: string, at = new Date()) {
  const found = await positionById(db, positionId);
  if (!found) return null;
  const { position, election } = found;
  const { principal, userId } = viewer;
  // The returning officer takes no part in the election they run (role-rules.ts): no forms for them.
  const office = viewer.role && viewer.role !== "member" ? [viewer.role] : [];
  const excluded = conflictsFor("candidate", office)[0] ?? null;
  const foundingMember = userId ? await isFoundingMember(db, userId) : false;
  const mayNominate = foundingMember && !excluded;
  const candidates = await listCandidates(db, position);
  const questions = await hustingsFor(
    db,
    candidates.map((c) => c.id),
  );
  const mine = candidates.find((c) => c.userId === userId) ?? null;
  const now = at.getTime();
  const nominationsOpen = election.phase === "nominations" && election.nominationsOpenAt.getTime() <= now && now < election.nominationsCloseAt.getTime();
  // Nominations awaiting an answer: who was nominated and by whom is for founding members' eyes
  // (the nominee's among them), like the rest of the roll; once nominations close they lapse.
  const pending = foundingMember && nominationsOpen ? await pendingNominations(db, { positionId: position.id }) : [];
  const nominationForMe = pending.find((n) => n.nomineeId === userId) ?? null;
  const find = findText.slice(0, MAX_LOOKUP_LENGTH);
  const matches = mayNominate && nominationsOpen && userId && find.trim() ? await findNominees(db, userId, find) : null;

  // Warn a would-be candidate if standing here would make an unregistrable set (officer-rules.ts).
  const warnings = userId && position.registeredRole && !mine ? await standingWarnings(db, election.id, userId, position.registeredRole as RegisteredRole) : [];

  const loaded = position.pollId ? await loadRules(db, position.pollId, PAGE_READ) : null;
  const closed = loaded?.poll.status === "closed";
  const verification = closed && position.pollId ? await verifyPoll(db, position.pollId) : null;
  const elected = closed ? await winners(db, position) : [];
  const facts = {
    phase: election.phase,
    nominationsDue: election.nominationsCloseAt.getTime() <= now,
    // A ballot waiting for its trustees (decision 047) waits for them, not for a count.
    ballotsDue: Boolean(loaded && loaded.poll.status !== "decrypting" && (closed || loaded.poll.closesAt.getTime() <= now)),
    undeclared: position.pollId && position.declaredAt === null ? 1 : 0,
  };
  const recounted = await recountsOf(db, [position.id]);
  return {
    waiting: await waitingNoticeFor(db, principal, (roles) => electionWaiting(facts, roles)),
    excluded: excluded ? takingPartRefusal(excluded.reason) : null,
    position: {
      id: position.id,
      title: position.title,
      seats: position.seats,
      method: countSheetWords.methodInSentence[position.method] ?? position.method,
      role: position.registeredRole ? roleLabels[position.registeredRole as RegisteredRole] : null,
      isTreasurer: position.registeredRole === "treasurer",
      secondersRequired: position.secondersRequired,
      statementMaxWords: (await standingOrderRules()).candidateStatementMaxWords,
      eligibility: position.eligibility,
      pollId: position.pollId,
      declared: position.declaredAt !== null,
    },
    phase: election.phase,
    // Voting on this position's ballot: open, not only in the election's ballot phase.
    ballotOpen: loaded?.poll.status === "open" && loaded.poll.closesAt.getTime() > now,
    ballotDecrypting: loaded?.poll.status === "decrypting",
    nominationsOpen,
    viewer: {
      signedIn: userId !== null,
      foundingMember,
      mayNominate,
      userId,
      canRun: isAllowed(principal, "elections.run"),
    },
    mine: mine ? { id: mine.id, status: mine.status } : null,
    nominationForMe: nominationForMe ? { nominatorName: nominationForMe.nominatorName } : null,
    pending: pending.map((n) => ({ id: n.candidacyId, nomineeName: n.nomineeName, nominatorName: n.nominatorName })),
    search: { find, results: matches ? matches.slice(0, NOMINEE_SEARCH_LIMIT) : null, tooMany: (matches?.length ?? 0) > NOMINEE_SEARCH_LIMIT },
    warnings,
    // Whose nomination it was stays on the server: the page only needs to know if it was the viewer's.
    candidates: candidates.map(({ nominatedBy, ...c }) => ({
      ...c,
      nominatedByMe: userId !== null && nominatedBy === userId && c.userId !== userId,
      questions: questions
        .filter((q) => q.q.candidacyId === c.id)
        .map((q) => ({ id: q.q.id, asker: q.asker ?? formerMemberName, question: q.q.question, answer: q.q.answer })),
    })),
    mySeconds: userId
      ? await secondedBy(
          db,
          userId,
          candidates.map((c) => c.id),
        )
      : [],
    result: closed ? (loaded?.poll.result as PollResult) : null,
    verification: verification
      ? verification.ok
        ? { ok: true as const, text: positionPageText.verified(plural(verification.ballots, "ballot")) }
        : { ok: false as const, text: positionPageText.verificationFailed(verificationProblemMessages[verification.problem]) }
      : null,
    // Seats "Re-open nominations" won stay empty (11.14): only people are elected.
    elected: elected.filter((e) => !isRonSeat(e)).map((e) => e.name),
    unfilledByRon: elected.filter(isRonSeat).length,
    // Nobody validly nominated: no ballot, and the seats wait for nominations to re-open.
    noBallot: election.phase !== "nominations" && !position.pollId,
    recounts: recounted.map((r) => ({
      id: r.id,
      at: ukDateTime(r.recountedAt),
      reason: r.reason,
      corrected: r.outcome === "corrected",
      superseded: r.previousElected.filter((e) => !isRonSeat(e)).map((e) => e.name),
      beforeDeclaration: r.previousDeclaredAt === null,
    })),
  };
}

export type PositionPageView = NonNullable<Awaited<ReturnType<typeof positionPageView>>>;

export function isRonSeat(e: { userId: string | null; name: string }): boolean {
  return e.userId === null && e.name === RON_LABEL;
}

/**
 * What a would-be candidate is warned of before standing for a registered office: the sets of
 * officers the Electoral Commission would not register if they stood (officer-rules.ts).
 */
async function standingWarnings(db: DbOrTx, electionId: string, userId: string, role: RegisteredRole): Promise<string[]> {
  const standing = await registeredCandidacies(db, electionId);
  const holdings = new Map<string, Holding>();
  for (const s of standing) {
    const h = holdings.get(s.userId) ?? { person: s.userId, roles: [] };
    h.roles.push(s.role as RegisteredRole);
    holdings.set(s.userId, h);
  }
  return standingProblems(userId, role, [...holdings.values()], {
    partyKind: "major",
    onePerPerson: (await standingOrderRules()).onePerPerson,
  }).map((p) => officerProblemMessages[p.code](p, (id) => (id === userId ? "you" : id)));
}
