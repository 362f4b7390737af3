import { systemActor } from "../../app/modules/audit/audit.server";
import { startDraft, type DraftSource } from "../../app/modules/constitution/drafting.server";
import { closeRound, openAdoptionVote, openRound, roundItems, settleAdoption } from "../../app/modules/constitution/round.server";
import { countElection } from "../../app/modules/elections/count.server";
import { currentElection, listPositions } from "../../app/modules/elections/current-election.server";
import { declare } from "../../app/modules/elections/declaring.server";
import { openBallots } from "../../app/modules/elections/ballots.server";
import { setSeconding, stand } from "../../app/modules/elections/nominations.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import type { Db } from "../../app/utils/db.server";
import { foundingMembersReady } from "./constitution-fixture";
import { electionOpenForNominations } from "./election-fixture";
import { ballotCloses, nominationsClose } from "./periods";

/**
 * Where the registration pack starts: founding members who adopted the standing orders and a
 * constitution (the model, or the clauses given), and declared registered officers. Reached
 * through the same server code the pages call (drafting, the voting round, the adoption vote,
 * nominations, ballots, the count and the declarations), quickly: every member votes yes and
 * ranks the one candidate.
 */
export const OFFICERS = [
  { role: "leader", title: "Leader", member: 0 },
  { role: "nominating-officer", title: "Nominating officer", member: 1 },
  { role: "treasurer", title: "Treasurer", member: 2 },
] as const;

export async function adoptedConstitution(db: Db, ids: readonly string[], source: DraftSource = { kind: "model" }): Promise<void> {
  const organiser = systemActor();
  const started = await startDraft(db, organiser, source);
  if (!started.ok) throw new Error(`draft: ${started.code}`);
  const round = await openRound(db, organiser, { closesAt: ballotCloses() });
  if (!round.ok) throw new Error(`round: ${round.code}`);
  const items = await roundItems(db, round.roundId);
  for (const userId of ids) for (const item of items) await castBallot(db, { pollId: item.pollId, userId, choice: "yes" });
  const closed = await closeRound(db, organiser);
  if (!closed.ok) throw new Error(`close round: ${closed.code}`);
  const vote = await openAdoptionVote(db, organiser, { closesAt: ballotCloses() });
  if (!vote.ok) throw new Error(`adoption vote: ${vote.code}`);
  for (const userId of ids) await castBallot(db, { pollId: vote.pollId, userId, choice: "yes" });
  const adopted = await settleAdoption(db, organiser);
  if (!adopted.ok || !adopted.adopted) throw new Error("constitution not adopted");
}

export async function declaredOfficersElected(db: Db, ids: readonly string[], emails: readonly string[]): Promise<void> {
  const ro = systemActor();
  await electionOpenForNominations(db, { actor: ro, nominationsCloseAt: nominationsClose(new Date(Date.now() - 60_000)) });
  const election = await currentElection(db);
  const positions = await listPositions(db, election!.id);
  const who = (i: number) => ({ id: ids[i]!, email: emails[i]! });
  for (const officer of OFFICERS) {
    const position = positions.find((p) => p.title === officer.title)!;
    const stood = await stand(db, who(officer.member), position.id, {
      statement: "I will serve.",
      consent: true,
      registeredOfficer: true,
      treasurerEligible: true,
    });
    if (!stood.ok) throw new Error(`stand: ${stood.code}`);
    // Two seconders who are not the candidate.
    for (const s of [3, 4]) await setSeconding(db, who(s), stood.candidacyId, true);
  }
  const opened = await openBallots(db, ro, { closesAt: ballotCloses(), reason: "Everyone has stood who means to." });
  if (!opened.ok) throw new Error(`ballots: ${opened.code}`);
  const withPolls = await listPositions(db, election!.id);
  for (const p of withPolls) for (const userId of ids) if (p.pollId) await castBallot(db, { pollId: p.pollId, userId, ranking: [0] });
  const counted = await countElection(db, ro, { reason: "Every member has voted." });
  if (!counted.ok) throw new Error(`count: ${counted.code}`);
  for (const p of withPolls) {
    const declared = await declare(db, ro, p.id);
    if (!declared.ok) throw new Error(`declare: ${declared.code}`);
  }
}

/** Five founding members, the model constitution adopted, and the three registered officers declared. */
export async function adoptedAndDeclared(db: Db, options: { source?: DraftSource; members?: number } = {}) {
  const { ids, emails } = await foundingMembersReady(db, options.members ?? 5);
  await adoptedConstitution(db, ids, options.source);
  await declaredOfficersElected(db, ids, emails);
  return { ids, emails };
}
