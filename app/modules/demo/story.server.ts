import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { openDecisionBallot, settleDecision } from "~/modules/campaign/decision.server";
import { regionForPostcode } from "~/modules/pledges/regions";
import { addComment, originalDocument, proposeAmendment, setRecommendation, setSupport, startDraft } from "~/modules/constitution/drafting.server";
import { castClauseBallot, closeRound, openAdoptionVote, openRound, roundItems, settleAdoption } from "~/modules/constitution/round.server";
import { hashText } from "~/modules/constitution/text/hash";
import { answerQuestion, askQuestion } from "~/modules/elections/hustings.server";
import { countElection } from "~/modules/elections/count.server";
import { createElection } from "~/modules/elections/setup.server";
import { currentElection, listPositions } from "~/modules/elections/current-election.server";
import { declare } from "~/modules/elections/declaring.server";
import { openBallots } from "~/modules/elections/ballots.server";
import { setSeconding, stand } from "~/modules/elections/nominations.server";
import { acceptInvitation, openStandingOrdersVote, sendInvitations, setLeavingDay } from "~/modules/founding/founding.server";
import { rebuildCounts } from "~/modules/pledges/counts.server";
import { closePoll } from "~/modules/polls/closing.server";
import { createPoll, openPoll } from "~/modules/polls/creation.server";
import { loadRulesOfPolls } from "~/modules/polls/poll-rules.server";
import { prepareBallot, writeBallots } from "~/modules/polls/casting.server";
import { grantRole } from "~/modules/users/users.server";
import { saveDraftSection, saveOfficerDetails } from "~/modules/registration/registration.server";
import type { Db } from "~/utils/db.server";
import { londonDay } from "~/utils/london-time";
import {
  amendments,
  candidacies,
  demands,
  foundingMembers,
  hustingsQuestions,
  movement,
  pledges,
  pollOptions,
  pollRoll,
  polls,
  users,
  votingRounds,
  type Relation,
} from "../../../db/schema";
import { demoDemands, demoMovement, demoPeople, demoPledgers, demoStory, firstNames, lastNames, sampleOutwardCodes } from "./demo-data";
import { demoPhases, type DemoPhase } from "~/utils/demo-phases";
import { letTimePass } from "./story-clock.server";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** The standing orders' shortest ballot (7 days) and nominations (14 days), with an hour to spare. */
const BALLOT_OPEN = WEEK + HOUR;
const NOMINATIONS_OPEN = 2 * WEEK + HOUR;
/** Founding members besides the six demo members, in the phases after founding. */
const OTHER_FOUNDERS = 44;

type Person = { id: string; email: string };

/** What the steps share: the people, the clock's total so far and the demo's fixed randomness. */
export interface Story {
  db: Db;
  appUrl: string;
  random: () => number;
  organiser: Actor & { id: string };
  returningOfficer: Actor & { id: string };
  /** Amira, Bill, Ceri, Dev, Erin and Fraser: the people a visitor signs in as. */
  members: Person[];
  /** Other founding members, who act in the background (filled at founding). */
  others: Person[];
  /** How far the story's clock has moved. */
  elapsedMs: number;
  pledgeCount: number;
}

/** Each phase: what happens before a visitor arrives at it, and what completes it for the next. */
interface Step {
  arrive(story: Story): Promise<void>;
  complete(story: Story): Promise<void>;
}

async function pass(story: Story, ms: number) {
  await letTimePass(story.db, ms);
  story.elapsedMs += ms;
}

const as = (p: Person) => ({ id: p.id, email: p.email });
const actorOf = (p: Person): Actor & { id: string } => ({ id: p.id, label: p.email });

function check<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`demo: ${what} refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

/**
 * Many members' ballots at once, as the ballot box writes those arriving together (checked one by
 * one, written a few hundred to a transaction): the demo's crowd votes in seconds, not minutes.
 */
async function castMany(story: Story, ballots: readonly { pollId: string; userId: string; choice?: string; ranking?: readonly number[] }[]) {
  const loaded = await loadRulesOfPolls(story.db, [...new Set(ballots.map((b) => b.pollId))]);
  const ready = (await Promise.all(ballots.map((b) => prepareBallot(loaded.get(b.pollId) ?? null, b)))).map((prepared) => check("ballot", prepared).ballot);
  for (let i = 0; i < ready.length; i += 250) {
    const results = await story.db.transaction((tx) => writeBallots(tx, ready.slice(i, i + 250)));
    for (const r of results) check("ballot", r);
  }
}

// ---------------------------------------------------------------------------------------------
// Campaign: demands, a deadline, 340 pledges over six weeks, and the people who run things.

async function createPeople(story: Story, deadline: Date) {
  const { db, random } = story;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const now = Date.now();
  await db.transaction(async (tx) => {
    await tx.insert(movement).values({ ...demoMovement, deadline });
    await tx.insert(demands).values(demoDemands.map((d, i) => ({ ...d, position: i + 1 })));
    const rows = [];
    for (let i = 0; i < story.pledgeCount; i += 1) {
      const outward = pick(sampleOutwardCodes);
      const postcode = `${outward} ${1 + Math.floor(random() * 9)}${pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}${pick("ABDEFGHJLNPQRSTUWXYZ".split(""))}`;
      const r = random();
      const relation: Relation = r < 0.62 ? "member" : r < 0.85 ? "former_member" : "supporter";
      // Over the six weeks before today, none in the last two hours (their confirmation follows).
      const createdAt = new Date(now - 2 * HOUR - Math.floor(random() * 45 * DAY));
      const confirmed = random() < 0.9;
      const withdrawn = confirmed && random() < 0.03 && createdAt.getTime() < now - 2 * DAY;
      rows.push(
        pledgeRow(
          { name: `${pick(firstNames)} ${pick(lastNames)}`, email: `pledger${i + 1}@demo.breakaway.test`, postcode, relation },
          random,
          createdAt,
          confirmed,
          withdrawn,
        ),
      );
    }
    for (const [i, person] of demoPeople.members.entries()) {
      const details = demoPledgers[person.email];
      if (!details) continue;
      rows.push(pledgeRow({ name: person.displayName, email: person.email, ...details }, random, new Date(now - (40 - i * 3) * DAY), true, false));
    }
    await tx.insert(pledges).values(rows);
    await rebuildCounts(tx);
    await appendAudit(tx, {
      actor: story.organiser,
      action: "demo.seeded",
      subjectType: "movement",
      subjectId: "1",
      details: { pledges: story.pledgeCount, demands: demoDemands.length },
    });
  });
}

function pledgeRow(
  p: { name: string; email: string; postcode: string; relation: Relation },
  random: () => number,
  createdAt: Date,
  confirmed: boolean,
  withdrawn: boolean,
) {
  const region = regionForPostcode(p.postcode);
  const member = p.relation === "member";
  return {
    name: p.name,
    email: p.email,
    postcode: p.postcode,
    region: region.ok ? region.region : "Unknown",
    relation: p.relation,
    membershipNumber: member ? `CP${100000 + Math.floor(random() * 800000)}` : null,
    monthlySubscriptionPence: member ? [400, 500, 800, 1000, 1500, 2000][Math.floor(random() * 6)]! : null,
    consentContact: random() < 0.8,
    consentDataUse: true,
    consentVersion: "2026-11-demo",
    createdAt,
    confirmedAt: confirmed ? new Date(createdAt.getTime() + HOUR) : null,
    withdrawnAt: withdrawn ? new Date(createdAt.getTime() + DAY) : null,
  };
}

/**
 * The campaign's own polls, among the pledgers with accounts: the steering committee they
 * elected (closed, with its count) and a vote on the campaign statement that is still open.
 */
async function campaignPolls(story: Story) {
  const { db, organiser } = story;
  const voterEmails = Array.from({ length: CAMPAIGN_VOTERS }, (_, i) => `pledger${i + 1}@demo.breakaway.test`);
  const pledgers = await db
    .select({ email: pledges.email, name: pledges.name })
    .from(pledges)
    .where(and(isNotNull(pledges.confirmedAt), isNull(pledges.withdrawnAt)));
  const voters: string[] = [];
  for (const p of pledgers.filter((x) => voterEmails.includes(x.email))) {
    voters.push(check("account", await grantRole(db, { email: p.email, displayName: p.name, role: "member", actor: organiser })).userId);
  }
  const everyone = (await db.select({ id: users.id }).from(users)).map((u) => u.id);
  const committee = check(
    "committee poll",
    await createPoll(db, organiser, {
      title: "Interim steering committee (3 seats)",
      description: "Members elected three people to steer the campaign until the deadline.",
      method: "scottish-stv",
      seats: 3,
      options: [
        ...["Aisha Khan", "Ben Murray", "Catrin Evans", "Daniel Walker", "Eilidh Campbell"].map((label) => ({ label })),
        { label: "Re-open nominations", isRon: true },
      ],
      publication: "separate-lists",
      closesAt: new Date(Date.now() + BALLOT_OPEN),
    }),
  );
  check("committee poll", await openPoll(db, organiser, committee.pollId, everyone));
  // Preferences with a shape: two popular candidates, a close race for the third seat.
  const patterns = [[0, 2, 1], [0, 1], [1, 3, 0], [1, 0, 4], [2, 4, 3], [4, 2], [3, 1], [0, 4, 2, 1], [2, 0], [5]];
  const weights = [7, 5, 6, 4, 3, 3, 3, 2, 2, 1];
  await castMany(
    story,
    voters.map((userId, v) => ({ pollId: committee.pollId, userId, ranking: patterns[weightedIndex(weights, v)]! })),
  );
  await pass(story, BALLOT_OPEN + HOUR);
  check("committee count", await closePoll(db, organiser, committee.pollId));
  const statement = check(
    "statement poll",
    await createPoll(db, organiser, {
      title: "Adopt the campaign statement",
      description: "Do you agree that the statement on the home page speaks for the movement?",
      method: "yes-no",
      options: [],
      quorum: { numerator: 1, denominator: 4 },
      majority: "simple",
      closesAt: new Date(Date.now() + 2 * WEEK),
    }),
  );
  check("statement poll", await openPoll(db, organiser, statement.pollId, everyone));
  await castMany(
    story,
    voters.slice(0, 12).map((userId, i) => ({ pollId: statement.pollId, userId, choice: i % 6 === 5 ? "no" : i % 10 === 9 ? "abstain" : "yes" })),
  );
  await pass(story, 2 * DAY);
  return statement.pollId;
}

const CAMPAIGN_VOTERS = 36;

const campaign: Step = {
  async arrive(story) {
    // The campaign is running: the deadline is a month away.
    await createPeople(story, new Date(Date.now() + 39 * DAY));
    await campaignPolls(story);
  },
  async complete(story) {
    const { db } = story;
    // The statement vote closes at its closing time, before the deadline.
    const [open] = await db.select({ id: polls.id, closesAt: polls.closesAt }).from(polls).where(eq(polls.status, "open"));
    if (open) {
      await pass(story, open.closesAt.getTime() - Date.now() + HOUR);
      check("statement count", await closePoll(db, story.organiser, open.id));
    }
    // Later phases: the deadline passed just now, with no answer from the party.
    await db.update(movement).set({ deadline: new Date(Date.now() - 60_000) });
  },
};

// ---------------------------------------------------------------------------------------------
// The members' decision at the deadline: a ranked ballot of every pledger.

async function decisionRoll(story: Story): Promise<{ pollId: string; voters: string[] }> {
  const [m] = await story.db.select().from(movement);
  const pollId = m?.decisionPollId ?? "";
  const demoIds = new Set(story.members.map((p) => p.id));
  const roll = (await story.db.select({ userId: pollRoll.userId }).from(pollRoll).where(eq(pollRoll.pollId, pollId))).map((r) => r.userId);
  return { pollId, voters: roll.filter((id) => !demoIds.has(id)) };
}

const decision: Step = {
  async arrive(story) {
    check("decision ballot", await openDecisionBallot(story.db, story.organiser, { closesAt: new Date(Date.now() + BALLOT_OPEN), appUrl: story.appUrl }));
    const { pollId, voters } = await decisionRoll(story);
    // Options: 0 stay, 1 join another party, 2 found a new one. Most want a new party.
    const patterns = [[2, 1], [2], [2, 1, 0], [1, 2], [2, 0], [1], [0, 2]];
    const weights = [40, 20, 10, 14, 6, 6, 4];
    const turnout = Math.floor(voters.length * 0.7);
    await castMany(
      story,
      voters.slice(0, turnout).map((userId, i) => ({ pollId, userId, ranking: patterns[weightedIndex(weights, (i * 37) % 100)]! })),
    );
    await pass(story, 3 * DAY);
  },
  async complete(story) {
    const { pollId } = await decisionRoll(story);
    await castMany(
      story,
      story.members.map((p) => ({ pollId, userId: p.id, ranking: [2, 1] })),
    );
    // The ballot closes at its closing time, and the count moves the movement on.
    await pass(story, BALLOT_OPEN - 3 * DAY + HOUR);
    const settled = check("decision", await settleDecision(story.db, story.organiser));
    if (settled.phase !== "founding") throw new Error(`demo: the decision went to ${settled.phase}`);
  },
};

function weightedIndex(weights: readonly number[], n: number): number {
  let left = n;
  for (const [i, w] of weights.entries()) {
    if (left < w) return i;
    left -= w;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Founding: invitations, acceptances over a few days, the standing orders vote.

const founding: Step = {
  async arrive(story) {
    const { db } = story;
    check("invitations", await sendInvitations(db, story.organiser, story.appUrl));
    const invited = await db
      .select({ id: users.id, email: users.email })
      .from(foundingMembers)
      .innerJoin(users, eq(users.id, foundingMembers.userId))
      .where(isNull(foundingMembers.acceptedAt))
      .orderBy(users.email);
    const demoIds = new Set(story.members.map((p) => p.id));
    const others = invited.filter((p) => !demoIds.has(p.id)).slice(0, OTHER_FOUNDERS);
    const accept = async (p: Person) => check(`acceptance of ${p.email}`, await acceptInvitation(db, as(p), { acceptStatement: true, consent: true }));
    // The first to answer: five of the six demo members and two thirds of the others.
    for (const p of story.members.slice(0, 5)) await accept(p);
    for (const p of others.slice(0, 30)) await accept(p);
    await pass(story, 2 * DAY);
    for (const p of others.slice(30)) await accept(p);
    story.others = others;
    check("leaving day", await setLeavingDay(db, story.organiser, londonDay(new Date(Date.now() + LEAVING_AFTER))));
    await pass(story, DAY);
    const opened = check(
      "standing orders vote",
      await openStandingOrdersVote(db, story.organiser, { closesAt: new Date(Date.now() + BALLOT_OPEN), quorumPercent: 20, majority: "simple" }),
    );
    await castMany(
      story,
      others.slice(0, 30).map((p, i) => ({ pollId: opened.pollId, userId: p.id, choice: i % 10 === 9 ? "no" : "yes" })),
    );
    await pass(story, 2 * DAY);
  },
  async complete(story) {
    const { db } = story;
    const fraser = story.members[5]!;
    check("acceptance", await acceptInvitation(db, as(fraser), { acceptStatement: true, consent: true }));
    const [m] = await db.select().from(movement);
    const pollId = m?.standingOrdersPollId ?? "";
    await castMany(
      story,
      [...story.members.slice(0, 5), ...story.others.slice(30)].map((p) => ({ pollId, userId: p.id, choice: "yes" })),
    );
    // Opened two days ago: it closes at its closing time.
    await pass(story, BALLOT_OPEN - 2 * DAY + HOUR);
    check("standing orders count", await closePoll(db, story.returningOfficer, pollId));
  },
};

/** The leaving day, after the invitations: the day members of the old party resign together. */
const LEAVING_AFTER = 28 * DAY;

// ---------------------------------------------------------------------------------------------
// Drafting: the model constitution, two amendments (one with enough supporters), a comment
// thread and the committee's recommendation.

async function amendmentIds(story: Story): Promise<string[]> {
  return (await story.db.select({ id: amendments.id }).from(amendments).orderBy(amendments.number)).map((a) => a.id);
}

const drafting: Step = {
  async arrive(story) {
    const { db } = story;
    const started = check("draft", await startDraft(db, story.organiser, { kind: "model" }));
    await pass(story, 2 * DAY);
    const doc = await originalDocument(db, started.draftId);
    const [amira, bill, ceri, dev, erin, fraser] = story.members as [Person, Person, Person, Person, Person, Person];
    const proposers = [amira, fraser];
    const ids: string[] = [];
    for (const [i, a] of demoStory.amendments.entries()) {
      const text = doc.clauses.find((c) => c.id === a.clauseId)?.text ?? "";
      const proposed = check(
        "amendment",
        await proposeAmendment(
          db,
          { ...as(proposers[i]!), isOrganiser: false },
          { operation: { kind: "replaceText", clauseId: a.clauseId, baseHash: hashText(text), text: `${text}\n\n${a.addition}` }, reason: a.reason },
        ),
      );
      ids.push(proposed.amendmentId);
    }
    // The first has its five supporters and goes to the vote; the second needs two more.
    for (const p of [bill, ceri, dev, erin, story.others[0]!]) check("support", await setSupport(db, as(p), ids[0]!, true));
    for (const p of story.others.slice(1, 4)) check("support", await setSupport(db, as(p), ids[1]!, true));
    const comment = check(
      "comment",
      await addComment(
        db,
        { ...as(story.others[5]!), isOrganiser: false },
        { clauseId: demoStory.amendments[0]!.clauseId, amendmentId: ids[0]!, parentId: null, body: demoStory.comment },
      ),
    );
    check(
      "reply",
      await addComment(
        db,
        { ...as(amira), isOrganiser: false },
        { clauseId: demoStory.amendments[0]!.clauseId, amendmentId: ids[0]!, parentId: comment.commentId, body: demoStory.reply },
      ),
    );
    check(
      "recommendation",
      await setRecommendation(db, story.organiser, { amendmentId: ids[0]!, kind: "accept", reasons: demoStory.recommendation, compromiseText: "" }),
    );
    await pass(story, DAY);
  },
  async complete(story) {
    const [, second] = await amendmentIds(story);
    for (const p of [story.members[0]!, story.others[4]!]) check("support", await setSupport(story.db, as(p), second!, true));
    // The amendment window stays open at least 14 days (standing orders 7.3).
    await pass(story, 12 * DAY);
  },
};

// ---------------------------------------------------------------------------------------------
// Clause voting: a round with a question on every clause and amendment, then the adoption vote.

async function voteOnClauses(story: Story, roundId: string, voter: Person, share = 1) {
  const items = await roundItems(story.db, roundId);
  const clauses = [...new Set(items.map((i) => i.clauseId))];
  for (const clauseId of clauses.slice(0, Math.ceil(clauses.length * share))) {
    const answers = items
      .filter((i) => i.clauseId === clauseId)
      .map((i) => (i.kind === "competing" ? { pollId: i.pollId, ranking: [0] } : { pollId: i.pollId, choice: "yes" }));
    const cast = await castClauseBallot(story.db, voter.id, clauseId, answers);
    if (!cast.ok && cast.code !== "already_voted") check(`clause ballot on ${clauseId}`, cast);
  }
}

async function openRoundId(story: Story): Promise<string> {
  const [round] = await story.db.select({ id: votingRounds.id }).from(votingRounds).where(isNull(votingRounds.closedAt));
  return round?.id ?? "";
}

const clauseVoting: Step = {
  async arrive(story) {
    const opened = check("voting round", await openRound(story.db, story.organiser, { closesAt: new Date(Date.now() + BALLOT_OPEN) }));
    const items = await roundItems(story.db, opened.roundId);
    await castMany(
      story,
      story.others
        .slice(0, 24)
        .flatMap((p) =>
          items.map((i) => (i.kind === "competing" ? { pollId: i.pollId, userId: p.id, ranking: [0] } : { pollId: i.pollId, userId: p.id, choice: "yes" })),
        ),
    );
    // Bill is half way through; the others have not started.
    await voteOnClauses(story, opened.roundId, story.members[1]!, 0.5);
    await pass(story, 2 * DAY);
  },
  async complete(story) {
    const { db } = story;
    const roundId = await openRoundId(story);
    const items = await roundItems(db, roundId);
    const [amira, bill, ...rest] = story.members as [Person, Person, ...Person[]];
    await castMany(
      story,
      [amira, ...rest].flatMap((p) =>
        items.map((i) => (i.kind === "competing" ? { pollId: i.pollId, userId: p.id, ranking: [0] } : { pollId: i.pollId, userId: p.id, choice: "yes" })),
      ),
    );
    // Bill finishes what he started.
    await voteOnClauses(story, roundId, bill);
    await pass(story, BALLOT_OPEN - 2 * DAY + HOUR);
    check("round count", await closeRound(db, story.organiser));
    const vote = check("adoption vote", await openAdoptionVote(db, story.organiser, { closesAt: new Date(Date.now() + BALLOT_OPEN) }));
    await castMany(
      story,
      [...story.members, ...story.others.slice(0, 30)].map((p, i) => ({ pollId: vote.pollId, userId: p.id, choice: i % 12 === 11 ? "no" : "yes" })),
    );
    await pass(story, BALLOT_OPEN + HOUR);
    const settled = check("adoption", await settleAdoption(db, story.organiser));
    if (!settled.adopted) throw new Error("demo: the constitution was not adopted");
    await pass(story, DAY);
  },
};

// ---------------------------------------------------------------------------------------------
// Nominations for the interim officers, then ranked ballots.

const COMMITTEE_SEATS = 5;

async function positionsByTitle(story: Story) {
  const election = await currentElection(story.db);
  if (!election) throw new Error("demo: no election");
  const list = await listPositions(story.db, election.id);
  return (title: string) => {
    const found = list.find((p) => (title === "committee" ? p.registeredRole === null : p.title === title));
    if (!found) throw new Error(`demo: no position ${title}`);
    return found;
  };
}

const nominations: Step = {
  async arrive(story) {
    const { db } = story;
    check(
      "election",
      await createElection(db, story.returningOfficer, {
        title: "Election of the interim officers",
        nominationsOpenAt: new Date(Date.now() - 60_000),
        nominationsCloseAt: new Date(Date.now() + NOMINATIONS_OPEN),
        campaignsOfficer: false,
        committeeSeats: COMMITTEE_SEATS,
      }),
    );
    const position = await positionsByTitle(story);
    const seconders = story.others.slice(10, 22);
    const candidacies: string[] = [];
    const stands = [
      ...demoStory.stands.map((s) => ({ who: story.members[s.member]!, title: s.title, statement: s.statement })),
      ...story.others.slice(6, 10).map((who) => ({ who, title: "committee", statement: demoStory.committeeStatement })),
    ];
    for (const [i, s] of stands.entries()) {
      const stood = check(
        `${s.who.email} standing`,
        await stand(db, as(s.who), position(s.title).id, { statement: s.statement, consent: true, registeredOfficer: true, treasurerEligible: true }),
      );
      candidacies.push(stood.candidacyId);
      // Two seconders each, but Fraser has only one so far.
      const needed = s.who.id === story.members[5]!.id ? 1 : 2;
      for (let k = 0; k < needed; k += 1) check("seconding", await setSeconding(db, as(seconders[(i * 2 + k) % seconders.length]!), stood.candidacyId, true));
    }
    const [amira, , , , erin] = story.members as Person[];
    check("question", await askQuestion(db, as(erin!), candidacies[0]!, demoStory.question));
    const [asked] = await db.select({ id: hustingsQuestions.id }).from(hustingsQuestions);
    check("answer", await answerQuestion(db, as(amira!), asked!.id, demoStory.answer));
    check("question", await askQuestion(db, as(story.others[12]!), candidacies[1]!, demoStory.openQuestion));
    await pass(story, 3 * DAY);
  },
  async complete(story) {
    const position = await positionsByTitle(story);
    const [fraser] = await story.db
      .select({ id: candidacies.id })
      .from(candidacies)
      .where(and(eq(candidacies.positionId, position("committee").id), eq(candidacies.userId, story.members[5]!.id)));
    check("seconding", await setSeconding(story.db, as(story.members[0]!), fraser!.id, true));
    // Nominations close at their closing time.
    await pass(story, NOMINATIONS_OPEN - 3 * DAY + HOUR);
  },
};

/** A voter's ranking on one ballot: the options by label, in the order given, RON left out. */
async function rankingFor(story: Story, pollId: string, preferred: readonly string[]): Promise<number[]> {
  const options = await story.db.select().from(pollOptions).where(eq(pollOptions.pollId, pollId));
  return preferred.flatMap((label) => options.filter((o) => o.label === label).map((o) => o.position));
}

async function castElectionBallots(story: Story, voters: readonly Person[], order: (voter: number) => Record<string, string[]>) {
  const position = await positionsByTitle(story);
  const ballots = [];
  for (const [v, voter] of voters.entries()) {
    for (const [title, preferred] of Object.entries(order(v))) {
      const pollId = position(title).pollId;
      if (!pollId) continue;
      const ranking = await rankingFor(story, pollId, preferred);
      if (ranking.length > 0) ballots.push({ pollId, userId: voter.id, ranking });
    }
  }
  await castMany(story, ballots);
}

function electionPreferences(story: Story, names: Map<string, string>) {
  const name = (p: Person) => names.get(p.id) ?? "";
  const [amira, bill, ceri, dev, erin, fraser] = story.members.map(name) as string[];
  const committee = [erin!, fraser!, ...story.others.slice(6, 10).map(name)];
  return (v: number): Record<string, string[]> => ({
    Leader: v % 5 < 3 ? [amira!, bill!] : [bill!, amira!],
    Treasurer: [ceri!],
    "Nominating officer": [dev!],
    committee: committee.map((_, k) => committee[(k + v) % committee.length]!).slice(0, 4),
  });
}

async function displayNames(story: Story): Promise<Map<string, string>> {
  return new Map((await story.db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
}

const elections: Step = {
  async arrive(story) {
    check("ballots", await openBallots(story.db, story.returningOfficer, { closesAt: new Date(Date.now() + BALLOT_OPEN) }));
    await castElectionBallots(story, story.others.slice(0, 30), electionPreferences(story, await displayNames(story)));
    await pass(story, 2 * DAY);
  },
  async complete(story) {
    await castElectionBallots(story, story.members, electionPreferences(story, await displayNames(story)));
    await pass(story, BALLOT_OPEN - 2 * DAY + HOUR);
    check("count", await countElection(story.db, story.returningOfficer));
    const election = await currentElection(story.db);
    for (const p of await listPositions(story.db, election!.id)) check(`declaration of ${p.title}`, await declare(story.db, story.returningOfficer, p.id));
    await pass(story, DAY);
  },
};

// ---------------------------------------------------------------------------------------------
// Registration: some of the application filled in, two of the three officers' details given.

const registration: Step = {
  async arrive(story) {
    const { db, organiser } = story;
    check("register", await saveDraftSection(db, organiser, "register", { register: "GB", nations: ["england", "scotland", "wales"] }));
    check("party type", await saveDraftSection(db, organiser, "party-type", { partyType: "full", intendsToContest: true }));
    check("name", await saveDraftSection(db, organiser, "name", { name: "Grassroots Democratic Party" }));
    check(
      "headquarters",
      await saveDraftSection(db, organiser, "headquarters", {
        headquarters: { line1: "PO Box 1234", town: "Glasgow", postcode: "G12 8QQ" },
        headquartersIsHome: false,
        contactEmail: "hello@grassroots.example.org",
      }),
    );
    // The treasurer and the nominating officer have given their details; the leader has not yet.
    for (const [p, role, address] of [
      [story.members[2]!, "treasurer", "12 Cathedral Road, Cardiff CF11 9LL"],
      [story.members[3]!, "nominating-officer", "4 London Road, Leicester LE2 1TU"],
    ] as const) {
      const names = await displayNames(story);
      check(
        "officer details",
        await saveOfficerDetails(db, actorOf(p), { fullName: names.get(p.id) ?? "", homeAddress: address, email: p.email, confirm: [role] }),
      );
    }
    await pass(story, DAY);
  },
  async complete() {},
};

const steps: Record<DemoPhase, Step> = {
  campaign,
  decision,
  founding,
  drafting,
  "clause-voting": clauseVoting,
  nominations,
  elections,
  registration,
};

/**
 * Walks the road from the campaign up to `phase`, stopping where a visitor arrives. `passing`, if
 * given, is called where a visitor would arrive at each earlier phase, before the story moves on:
 * the story up to there is exactly what seeding that phase makes, so a test can copy the database
 * there instead of walking the same road again for every phase (tests/integration/demo-phases).
 */
export async function tellStory(story: Story, phase: DemoPhase, passing?: (earlier: DemoPhase) => Promise<void>): Promise<void> {
  for (const step of demoPhases) {
    await steps[step].arrive(story);
    if (step === phase) break;
    await passing?.(step);
    await steps[step].complete(story);
  }
  await settleStoryDays(story.db);
}

/**
 * Dates without a time follow the story's clock: the leaving day four weeks after the
 * invitations went out, the daily pledge counts from the pledges' moved times.
 */
export async function settleStoryDays(db: Db): Promise<void> {
  const [first] = await db.select({ at: sql<string | null>`min(${foundingMembers.invitedAt})` }).from(foundingMembers);
  if (first?.at) await db.update(movement).set({ leavingDay: londonDay(new Date(new Date(first.at).getTime() + LEAVING_AFTER)) });
  await rebuildCounts(db);
}
