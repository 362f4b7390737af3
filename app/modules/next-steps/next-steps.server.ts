/**
 * The facts steps.ts decides from, read from the database for one person: the same reads the
 * pages they link to make, so home never says something the page it links to contradicts.
 */
import { and, eq, sql } from "drizzle-orm";
import { loadSitting } from "~/modules/constitution/ballot.server";
import { currentDraft, listAmendments } from "~/modules/constitution/drafting.server";
import { latestVersion, pendingClauses, openRoundOf } from "~/modules/constitution/round.server";
import { ballotTimes } from "~/modules/elections/ballots.server";
import { currentElection, listPositions } from "~/modules/elections/current-election.server";
import { listCandidates } from "~/modules/elections/candidates.server";
import { pendingNominations } from "~/modules/elections/nominations.server";
import { vacancies } from "~/modules/elections/recovery.server";
import { getFoundingMembership } from "~/modules/founding/founding.server";
import { isFoundingMember } from "~/modules/founding/roll.server";
import { foundingInvited } from "~/modules/founding/totals.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { pollIdsOnRoll } from "~/modules/polls/roll.server";
import { loadReadiness } from "~/modules/registration/readiness.server";
import { officerCompletion } from "~/modules/registration/registration.server";
import { returningOfficerName } from "~/modules/roles/roles.server";
import type { DbOrTx } from "~/utils/db.server";
import type { Principal } from "~/utils/permissions";
import { demands, movement, polls, pollRoll, pollVoters, voteItems } from "../../../db/schema";
import { personalSteps, roadStep, type PersonalFacts, type PollFact, type RoadFacts, type RoadStep, type PersonalStep } from "./steps";

type PollRow = typeof polls.$inferSelect;

function pollFact(p: PollRow): PollFact & { id: string } {
  const result = p.result as PollResult | null;
  return {
    id: p.id,
    status: p.status,
    closesAt: p.closesAt,
    ...(p.status === "closed" && result?.kind === "yes-no" ? { passed: result.result.passed } : {}),
  };
}

async function pollById(db: DbOrTx, id: string | null): Promise<PollRow | null> {
  if (!id) return null;
  const [row] = await db.select().from(polls).where(eq(polls.id, id));
  return row ?? null;
}

/** Open polls voted on at /polls/:id with this person on the roll, and whether they have voted. */
async function openPollsOnRoll(db: DbOrTx, userId: string) {
  return db
    .select({ id: polls.id, title: polls.title, closesAt: polls.closesAt, voted: sql<boolean>`${pollVoters.userId} is not null` })
    .from(polls)
    .innerJoin(pollRoll, and(eq(pollRoll.pollId, polls.id), eq(pollRoll.userId, userId)))
    .leftJoin(pollVoters, and(eq(pollVoters.pollId, polls.id), eq(pollVoters.userId, userId)))
    .where(and(eq(polls.status, "open"), sql`not exists (select 1 from ${voteItems} v where v.poll_id = ${polls.id})`))
    .orderBy(polls.closesAt);
}

async function clauseRoundFacts(db: DbOrTx, userId: string, overview: Awaited<ReturnType<typeof loadSitting>>): Promise<PersonalFacts["clauseRound"]> {
  if (!overview) return null;
  const firstItem = await db.select({ pollId: voteItems.pollId }).from(voteItems).where(eq(voteItems.roundId, overview.round.id)).limit(1);
  const onRoll = firstItem[0] ? (await pollIdsOnRoll(db, userId, [firstItem[0].pollId])).size > 0 : false;
  return onRoll
    ? { number: overview.round.number, closesAt: overview.round.closesAt, clauses: overview.clauses.map((c) => ({ id: c.id, voted: c.voted })) }
    : null;
}

async function draftingFacts(db: DbOrTx, draft: NonNullable<Awaited<ReturnType<typeof currentDraft>>>): Promise<PersonalFacts["drafting"]> {
  const list = await listAmendments(db, draft.id);
  return { waitingForSupport: list.filter((a) => a.status === "open" && !a.byCommittee && a.supporters < draft.supportersNeeded).length };
}

async function nominationFacts(
  db: DbOrTx,
  user: { id: string; role: Principal },
  member: boolean,
  election: Awaited<ReturnType<typeof currentElection>>,
  now: Date,
): Promise<{ nominations: PersonalFacts["nominations"]; nominatedFor: PersonalFacts["nominatedFor"]; candidacies: NonNullable<PersonalFacts["candidacies"]> }> {
  const t = now.getTime();
  if (!(election && election.phase === "nominations" && election.nominationsOpenAt.getTime() <= t && t < election.nominationsCloseAt.getTime())) {
    return { nominations: null, nominatedFor: [], candidacies: [] };
  }
  // The returning officer runs the election and takes no part in it.
  const nominations = member && user.role !== "returning_officer" ? { closesAt: election.nominationsCloseAt } : null;
  const [pending, positions] = await Promise.all([pendingNominations(db, { electionId: election.id, nomineeId: user.id }), listPositions(db, election.id)]);
  const candidates = await Promise.all(positions.map((position) => listCandidates(db, position)));
  const candidacies: NonNullable<PersonalFacts["candidacies"]> = [];
  positions.forEach((position, i) => {
    const own = candidates[i]?.find((c) => c.userId === user.id && c.status === "standing");
    if (!own) return;
    candidacies.push({
      positionId: position.id,
      title: position.title,
      secondersShort: Math.max(0, own.secondersRequired - own.seconders.length),
      declarationMissing: own.problems.includes("no_declaration"),
      eligibilityMissing: own.problems.includes("no_eligibility"),
      closesAt: election.nominationsCloseAt,
    });
  });
  return { nominations, nominatedFor: pending.map((n) => ({ positionId: n.positionId, title: n.positionTitle })), candidacies };
}

export async function personalFacts(db: DbOrTx, user: { id: string; role: Principal }, now = new Date()): Promise<PersonalFacts> {
  // Every fact is its own round trip to the database: they are asked together, and what depends on
  // an answer is asked as soon as that answer is in (decision 043: no page waits on a queue of queries).
  const [[m], invitation, member, pollRows, overview, draft, election, completion] = await Promise.all([
    db.select().from(movement).where(eq(movement.id, 1)),
    getFoundingMembership(db, user.id),
    isFoundingMember(db, user.id),
    openPollsOnRoll(db, user.id),
    loadSitting(db, user.id),
    currentDraft(db),
    currentElection(db),
    officerCompletion(db),
  ]);
  const [clauseRound, drafting, standing] = await Promise.all([
    clauseRoundFacts(db, user.id, overview),
    member && draft?.phase === "drafting" ? draftingFacts(db, draft) : null,
    nominationFacts(db, user, member, election, now),
  ]);
  const { nominations, nominatedFor, candidacies } = standing;
  const mine = completion.filter((o) => o.userId === user.id);
  const officer: PersonalFacts["officer"] =
    mine.length > 0
      ? {
          roles: mine.map((o) => o.role),
          detailsComplete: mine.every((o) => o.detailsComplete),
          unconfirmed: mine.filter((o) => !o.confirmed).map((o) => o.role),
        }
      : null;

  return {
    now,
    founding: invitation
      ? {
          accepted: invitation.acceptedAt !== null,
          left: invitation.leftAt !== null,
          mustResign: invitation.mustResign,
          resigned: invitation.resignedAt !== null,
        }
      : null,
    partyName: m?.partyName ?? null,
    leavingDay: m?.leavingDay ?? null,
    polls: pollRows.map((p) => ({ id: p.id, title: p.title, closesAt: p.closesAt, voted: Boolean(p.voted) })),
    clauseRound,
    drafting,
    nominations,
    nominatedFor,
    candidacies,
    officer,
  };
}

async function draftRoadFacts(db: DbOrTx, draft: NonNullable<Awaited<ReturnType<typeof currentDraft>>>): Promise<RoadFacts["constitution"]["draft"]> {
  const [list, round, adoption, pending] = await Promise.all([
    listAmendments(db, draft.id),
    openRoundOf(db, draft.id),
    pollById(db, draft.adoptionPollId),
    pendingClauses(db, draft.id),
  ]);
  // Questions closed to voting and waiting for the constitution's trustees (decision 048).
  const [waiting] = round
    ? await db
        .select({ n: sql<number>`count(*)::int` })
        .from(voteItems)
        .innerJoin(polls, eq(polls.id, voteItems.pollId))
        .where(and(eq(voteItems.roundId, round.id), eq(polls.status, "decrypting")))
    : [];
  return {
    phase: draft.phase,
    amendments: list.length,
    readyForVote: list.filter((a) => a.status === "open" && (a.byCommittee || a.supporters >= draft.supportersNeeded)).length,
    pending: pending.length,
    round: round ? { number: round.number, closesAt: round.closesAt, decrypting: waiting?.n ?? 0, preparing: round.preparing } : null,
    adoptionPoll: adoption ? pollFact(adoption) : null,
  };
}

async function electionRoadFacts(
  db: DbOrTx,
  election: Awaited<ReturnType<typeof currentElection>>,
): Promise<{ electionFacts: RoadFacts["election"]; registration: RoadFacts["registration"] }> {
  if (!election) return { electionFacts: null, registration: null };
  const [list, seats, ballots] = await Promise.all([
    listPositions(db, election.id),
    vacancies(db),
    election.phase === "ballot" ? ballotTimes(db, election.id) : { lastClose: null, due: false, decrypting: 0 },
  ]);
  const undeclared = list.filter((p) => p.pollId && !p.declaredAt).length;
  const electionFacts = {
    phase: election.phase,
    nominationsCloseAt: election.nominationsCloseAt,
    ballotsCloseAt: ballots.lastClose,
    ballotsDue: ballots.due,
    ballotsDecrypting: ballots.decrypting,
    undeclared,
    vacantSeats: seats.settled ? seats.positions.reduce((n, p) => n + p.seats.length, 0) : 0,
  };
  let registration: RoadFacts["registration"] = null;
  if (election.phase === "counted" && undeclared === 0 && (await officerCompletion(db)).length > 0) {
    const checks = await loadReadiness(db);
    registration = { fails: checks.filter((c) => c.status === "fail").length, warnings: checks.filter((c) => c.status === "warning").length };
  }
  return { electionFacts, registration };
}

export async function roadFacts(db: DbOrTx, viewer: { role: Principal }, now = new Date()): Promise<RoadFacts> {
  // Asked together, as in personalFacts.
  const [[m], demandRows, invitedCount, returningOfficer, version, draft, election] = await Promise.all([
    db.select().from(movement).where(eq(movement.id, 1)),
    db.select({ response: demands.response }).from(demands),
    foundingInvited(db),
    returningOfficerName(db),
    latestVersion(db),
    currentDraft(db),
    currentElection(db),
  ]);
  const [decision, standingOrders, draftFacts, { electionFacts, registration }] = await Promise.all([
    m ? pollById(db, m.decisionPollId) : null,
    m ? pollById(db, m.standingOrdersPollId) : null,
    draft && draft.adoptedVersion === null ? draftRoadFacts(db, draft) : null,
    electionRoadFacts(db, election),
  ]);
  const invited = { n: invitedCount };

  return {
    now,
    movement: m
      ? {
          phase: m.phase,
          deadline: m.deadline,
          demands: demandRows.length,
          demandsAnswered: demandRows.filter((d) => d.response !== null).length,
          decisionPoll: decision ? pollFact(decision) : null,
        }
      : null,
    invited: invited?.n ?? 0,
    roles: { returningOfficer, viewerIsReturningOfficer: viewer.role === "returning_officer" },
    standingOrders: standingOrders ? pollFact(standingOrders) : null,
    constitution: { adopted: version !== null && version !== undefined, draft: version ? null : draftFacts },
    election: electionFacts,
    registration,
  };
}

export interface NextSteps {
  personal: PersonalStep[];
  /** For organisers and the returning officer: the next step of the road. */
  road: RoadStep | null;
}

export async function nextStepsFor(db: DbOrTx, user: { id: string; role: Principal }, now = new Date()): Promise<NextSteps> {
  const runsTheRoad = user.role === "organiser" || user.role === "returning_officer";
  const [personal, road] = await Promise.all([personalFacts(db, user, now), runsTheRoad ? roadFacts(db, user, now) : null]);
  return { personal: personalSteps(personal), road: road ? roadStep(road) : null };
}
