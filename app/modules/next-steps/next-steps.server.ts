/**
 * The facts steps.ts decides from, read from the database for one person: the same reads the
 * pages they link to make, so home never says something the page it links to contradicts.
 */
import { and, eq, sql } from "drizzle-orm";
import { loadSitting } from "~/modules/constitution/ballot.server";
import { currentDraft, listAmendments } from "~/modules/constitution/drafting.server";
import { latestVersion, pendingClauses, openRoundOf } from "~/modules/constitution/round.server";
import { ballotTimes, currentElection, listCandidates, listPositions, pendingNominations } from "~/modules/elections/elections.server";
import { vacancies } from "~/modules/elections/recovery.server";
import { getFoundingMembership } from "~/modules/founding/founding.server";
import { isFoundingMember } from "~/modules/founding/roll.server";
import { foundingInvited } from "~/modules/founding/totals.server";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { pollIdsOnRoll } from "~/modules/polls/polls.server";
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

export async function personalFacts(db: DbOrTx, user: { id: string; role: Principal }, now = new Date()): Promise<PersonalFacts> {
  const [m] = await db.select().from(movement).where(eq(movement.id, 1));
  const invitation = await getFoundingMembership(db, user.id);
  const member = await isFoundingMember(db, user.id);
  const pollRows = await openPollsOnRoll(db, user.id);

  let clauseRound: PersonalFacts["clauseRound"] = null;
  const overview = await loadSitting(db, user.id);
  if (overview) {
    const firstItem = await db.select({ pollId: voteItems.pollId }).from(voteItems).where(eq(voteItems.roundId, overview.round.id)).limit(1);
    const onRoll = firstItem[0] ? (await pollIdsOnRoll(db, user.id, [firstItem[0].pollId])).size > 0 : false;
    if (onRoll) clauseRound = { number: overview.round.number, closesAt: overview.round.closesAt, clauses: overview.clauses.map((c) => ({ id: c.id, voted: c.voted })) };
  }

  let drafting: PersonalFacts["drafting"] = null;
  const draft = await currentDraft(db);
  if (member && draft?.phase === "drafting") {
    const list = await listAmendments(db, draft.id);
    drafting = { waitingForSupport: list.filter((a) => a.status === "open" && !a.byCommittee && a.supporters < draft.supportersNeeded).length };
  }

  let nominations: PersonalFacts["nominations"] = null;
  let nominatedFor: PersonalFacts["nominatedFor"] = [];
  const candidacies: NonNullable<PersonalFacts["candidacies"]> = [];
  const election = await currentElection(db);
  const t = now.getTime();
  if (election && election.phase === "nominations" && election.nominationsOpenAt.getTime() <= t && t < election.nominationsCloseAt.getTime()) {
    // The returning officer runs the election and takes no part in it.
    if (member && user.role !== "returning_officer") nominations = { closesAt: election.nominationsCloseAt };
    nominatedFor = (await pendingNominations(db, { electionId: election.id, nomineeId: user.id })).map((n) => ({ positionId: n.positionId, title: n.positionTitle }));
    for (const position of await listPositions(db, election.id)) {
      const own = (await listCandidates(db, position)).find((c) => c.userId === user.id && c.status === "standing");
      if (!own) continue;
      candidacies.push({
        positionId: position.id,
        title: position.title,
        secondersShort: Math.max(0, own.secondersRequired - own.seconders.length),
        declarationMissing: own.problems.includes("no_declaration"),
        eligibilityMissing: own.problems.includes("no_eligibility"),
        closesAt: election.nominationsCloseAt,
      });
    }
  }

  const mine = (await officerCompletion(db)).filter((o) => o.userId === user.id);
  const officer: PersonalFacts["officer"] =
    mine.length > 0 ? { roles: mine.map((o) => o.role), detailsComplete: mine.every((o) => o.detailsComplete), unconfirmed: mine.filter((o) => !o.confirmed).map((o) => o.role) } : null;

  return {
    now,
    founding: invitation
      ? { accepted: invitation.acceptedAt !== null, left: invitation.leftAt !== null, mustResign: invitation.mustResign, resigned: invitation.resignedAt !== null }
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

export async function roadFacts(db: DbOrTx, viewer: { role: Principal }, now = new Date()): Promise<RoadFacts> {
  const [m] = await db.select().from(movement).where(eq(movement.id, 1));
  const demandRows = m ? await db.select({ response: demands.response }).from(demands) : [];
  const decision = m ? await pollById(db, m.decisionPollId) : null;
  const standingOrders = m ? await pollById(db, m.standingOrdersPollId) : null;
  const invited = { n: await foundingInvited(db) };
  const returningOfficer = await returningOfficerName(db);

  const version = await latestVersion(db);
  const draft = await currentDraft(db);
  let draftFacts: RoadFacts["constitution"]["draft"] = null;
  if (draft && draft.adoptedVersion === null) {
    const list = await listAmendments(db, draft.id);
    const round = await openRoundOf(db, draft.id);
    const adoption = await pollById(db, draft.adoptionPollId);
    draftFacts = {
      phase: draft.phase,
      amendments: list.length,
      readyForVote: list.filter((a) => a.status === "open" && (a.byCommittee || a.supporters >= draft.supportersNeeded)).length,
      pending: (await pendingClauses(db, draft.id)).length,
      round: round ? { number: round.number, closesAt: round.closesAt } : null,
      adoptionPoll: adoption ? pollFact(adoption) : null,
    };
  }

  let electionFacts: RoadFacts["election"] = null;
  let registration: RoadFacts["registration"] = null;
  const election = await currentElection(db);
  if (election) {
    const list = await listPositions(db, election.id);
    const undeclared = list.filter((p) => p.pollId && !p.declaredAt).length;
    const seats = await vacancies(db);
    const ballots = election.phase === "ballot" ? await ballotTimes(db, election.id) : { lastClose: null, due: false };
    electionFacts = {
      phase: election.phase,
      nominationsCloseAt: election.nominationsCloseAt,
      ballotsCloseAt: ballots.lastClose,
      ballotsDue: ballots.due,
      undeclared,
      vacantSeats: seats.settled ? seats.positions.reduce((n, p) => n + p.seats.length, 0) : 0,
    };
    if (election.phase === "counted" && undeclared === 0 && (await officerCompletion(db)).length > 0) {
      const checks = await loadReadiness(db);
      registration = { fails: checks.filter((c) => c.status === "fail").length, warnings: checks.filter((c) => c.status === "warning").length };
    }
  }

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
  const personal = personalSteps(await personalFacts(db, user, now));
  const road = user.role === "organiser" || user.role === "returning_officer" ? roadStep(await roadFacts(db, user, now)) : null;
  return { personal, road };
}
