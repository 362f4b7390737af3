import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { encryptBallotInBrowser } from "../../app/modules/belenios/browser/encrypt-ballot";
import { verifyElectionArchive } from "../../app/modules/belenios/record";
import { memberCredential } from "../../app/modules/polls/encrypted/ballot-keys.server";
import { MAX_BROWSER_BALLOT_CHARS } from "../../app/modules/polls/encrypted/browser-ballots.server";
import { closedPollRecord, electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { ranksOf } from "../../app/modules/polls/encrypted/ranked-answers";
import { countPoll } from "../../app/modules/polls/ballot-rules";
import { ballotProblemMessages } from "../../app/modules/polls/messages";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { hasVoted } from "../../app/modules/polls/turnout.server";
import { loadRules } from "../../app/modules/polls/poll-rules.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { grantRole } from "../../app/modules/users/users.server";
import { ballots } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { beleniosVerify, hasBeleniosTool } from "../support/belenios-tool";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 17, casting: with JavaScript the member's browser encrypts the ballot with the private
 * credential the poll page gave them alone, and the ballot endpoint stores the ballot only if it
 * verifies, is for this poll's election and is signed with the sender's own credential.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const actor = systemActor("test");
const members: { id: string; email: string; cookie: string }[] = [];
let pollId = "";
let otherPollId = "";
let rankedPollId = "";
const candidates = [{ label: "Ada" }, { label: "Ben" }, { label: "Cy" }, { label: "Re-open nominations", isRon: true }];

async function yesNoPoll(title: string): Promise<string> {
  const created = await createPoll(database.db, actor, {
    title,
    description: "Do you agree?",
    method: "yes-no",
    options: [],
    quorum: { numerator: 1, denominator: 2 },
    majority: "simple",
    closesAt: new Date(Date.now() + 3600_000),
  });
  if (!created.ok) throw new Error(created.code);
  expect(
    (
      await openPoll(
        database.db,
        actor,
        created.pollId,
        members.map((m) => m.id),
      )
    ).ok,
  ).toBe(true);
  return created.pollId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  for (let i = 0; i < 4; i++) {
    const email = `browser${i}@example.org`;
    const granted = await grantRole(database.db, { email, displayName: `Browser ${i}`, role: "member", actor });
    if (!granted.ok) throw new Error("member not made");
    members.push({ id: granted.userId, email, cookie: await cookieFor(database.db, email) });
  }
  pollId = await yesNoPoll("Adopt the campaign statement");
  otherPollId = await yesNoPoll("Another statement");
  const ranked = await createPoll(database.db, actor, { title: "Convener", method: "irv", options: candidates, closesAt: new Date(Date.now() + 3600_000) });
  if (!ranked.ok) throw new Error(ranked.code);
  rankedPollId = ranked.pollId;
  expect(
    (
      await openPoll(
        database.db,
        actor,
        rankedPollId,
        members.map((m) => m.id),
      )
    ).ok,
  ).toBe(true);
}, 120_000);
afterAll(() => database.drop());

async function keyFor(poll: string, userId: string) {
  const pollElection = (await electionOf(database.db, poll))!;
  return { election: pollElection.election, credential: memberCredential(pollElection.election.params.uuid, userId) };
}

/** [yes, no, abstain] as the question's plaintext. */
const YES = [[1, 0, 0]];
const NO = [[0, 1, 0]];

async function send(poll: string, cookie: string, belenios: string) {
  const response = await app.request(`/polls/${poll}/ballot`, { form: { belenios }, cookie });
  return { status: response.status, body: (await response.json()) as { ok: boolean; code?: string; receipt?: string; message?: string } };
}

const storedIn = async (poll: string) => database.db.select().from(ballots).where(eq(ballots.pollId, poll));

describe("the member's credential on the poll page", () => {
  it("is given to the member on the roll who has not voted, on a page nobody may keep", async () => {
    const [m0, m1] = members;
    const page = await app.request(`/polls/${pollId}`, { cookie: m0!.cookie });
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const text = await html(page);
    const { credential, election } = await keyFor(pollId, m0!.id);
    expect(text).toContain(credential);
    // Nobody else's credential, and not this member's credential for another poll.
    expect(text).not.toContain((await keyFor(pollId, m1!.id)).credential);
    expect(text).not.toContain((await keyFor(otherPollId, m0!.id)).credential);
    expect(election.raw.length).toBeGreaterThan(0);
  });

  it("is not given to someone signed out, nor to a member who is not on the roll", async () => {
    const latecomer = await grantRole(database.db, { email: "latecomer@example.org", displayName: "Late", role: "member", actor });
    if (!latecomer.ok) throw new Error("member not made");
    const theirs = await html(await app.request(`/polls/${pollId}`, { cookie: await cookieFor(database.db, "latecomer@example.org") }));
    expect(theirs).not.toContain((await keyFor(pollId, latecomer.userId)).credential);
    const anonymous = await app.request(`/polls/${pollId}`);
    const text = anonymous.status === 200 ? await html(anonymous) : "";
    for (const m of members) expect(text).not.toContain((await keyFor(pollId, m.id)).credential);
  });
});

describe("the ballot endpoint with a ballot encrypted in the browser", () => {
  it("refuses a ballot whose proof was tampered with, and stores nothing", async () => {
    const m = members[1]!;
    const { election, credential } = await keyFor(pollId, m.id);
    const { raw } = await encryptBallotInBrowser(election.raw, credential, YES);
    const ballot = JSON.parse(raw) as { answers: { individual_proofs: { response: string }[][] }[] };
    const proof = ballot.answers[0]!.individual_proofs[0]![0]!;
    proof.response = proof.response === "1" ? "2" : "1";
    const answer = await send(pollId, m.cookie, JSON.stringify(ballot));
    expect(answer).toEqual({ status: 400, body: { ok: false, code: "ballot_refused", message: ballotProblemMessages.ballot_refused } });
    expect(await storedIn(pollId)).toHaveLength(0);
    expect(await hasVoted(database.db, pollId, m.id)).toBe(false);
  });

  it("refuses a ballot signed with another member's credential", async () => {
    const { election, credential } = await keyFor(pollId, members[2]!.id);
    const { raw } = await encryptBallotInBrowser(election.raw, credential, NO);
    expect((await send(pollId, members[1]!.cookie, raw)).status).toBe(400);
    expect(await storedIn(pollId)).toHaveLength(0);
  });

  it("refuses a ballot for another poll's election, even with the sender's own credential for it", async () => {
    const m = members[1]!;
    const { election, credential } = await keyFor(otherPollId, m.id);
    const { raw } = await encryptBallotInBrowser(election.raw, credential, YES);
    expect((await send(pollId, m.cookie, raw)).status).toBe(400);
    expect(await storedIn(pollId)).toHaveLength(0);
  });

  it("refuses garbage and a huge text with 400", async () => {
    const m = members[1]!;
    for (const garbage of [
      "",
      "not a ballot",
      "{}",
      '{"election_uuid":1}',
      "[".repeat(5000),
      `"${"9".repeat(MAX_BROWSER_BALLOT_CHARS)}"`,
      "x".repeat(500_000),
    ]) {
      const answer = await send(pollId, m.cookie, garbage);
      expect(answer.status, garbage.slice(0, 20)).toBe(400);
      expect(answer.body.code).toBe("ballot_refused");
    }
    expect(await storedIn(pollId)).toHaveLength(0);
    expect(await hasVoted(database.db, pollId, m.id)).toBe(false);
  });

  it("stores a good ballot exactly as sent, with its tracker as the receipt, and refuses a second", async () => {
    const m = members[1]!;
    const { election, credential } = await keyFor(pollId, m.id);
    const { raw, tracker } = await encryptBallotInBrowser(election.raw, credential, NO);
    const answer = await send(pollId, m.cookie, raw);
    expect(answer).toEqual({ status: 200, body: { ok: true, receipt: tracker } });
    expect((await storedIn(pollId)).map((b) => ({ content: b.content, receipt: b.receipt }))).toEqual([{ content: { belenios: raw }, receipt: tracker }]);
    // The page no longer carries the credential once they have voted.
    expect(await html(await app.request(`/polls/${pollId}`, { cookie: m.cookie }))).not.toContain(credential);
    const again = await encryptBallotInBrowser(election.raw, credential, YES);
    const second = await send(pollId, m.cookie, again.raw);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("already_voted");
    expect(await storedIn(pollId)).toHaveLength(1);
  });

  it("counts browser and server ballots together, in a record both verifiers accept", async () => {
    // Member 0 votes Yes from the browser, member 2 without JavaScript (the server encrypts).
    const { election, credential } = await keyFor(pollId, members[0]!.id);
    expect((await send(pollId, members[0]!.cookie, (await encryptBallotInBrowser(election.raw, credential, YES)).raw)).status).toBe(200);
    const plain = await app.request(`/polls/${pollId}/ballot`, { form: { choice: "yes" }, cookie: members[2]!.cookie });
    expect(plain.status).toBe(200);
    expect((await closePoll(database.db, actor, pollId)).ok).toBe(true);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 3 });
    const record = (await closedPollRecord(database.db, pollId))!;
    const ours = verifyElectionArchive(record.bytes);
    expect(ours.ok ? ours.result : ours.problem).toEqual([[2n, 1n, 0n]]);
    if (hasBeleniosTool) {
      const tool = beleniosVerify(record.fileName, record.bytes);
      expect(tool.status, tool.output).toBe(0);
    }
  }, 60_000);
});

describe("a ranked poll's ballot encrypted in the browser", () => {
  /** A ranking (option positions, first choice first) as the browser encrypts it with the member's key. */
  async function rankedBallot(member: { id: string }, ranking: readonly number[], poll = rankedPollId) {
    const { election, credential } = await keyFor(poll, member.id);
    return encryptBallotInBrowser(election.raw, credential, [ranksOf(ranking, candidates.length)]);
  }

  it("is made with the key the ranked poll's page gives the member alone, on a page nobody may keep", async () => {
    const [m0, m1] = members;
    const page = await app.request(`/polls/${rankedPollId}`, { cookie: m0!.cookie });
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    const text = await html(page);
    expect(text).toContain((await keyFor(rankedPollId, m0!.id)).credential);
    expect(text).not.toContain((await keyFor(rankedPollId, m1!.id)).credential);
  });

  it("is refused when tampered with, signed with another member's credential, or a Yes/No ballot, and nothing is stored", async () => {
    const m = members[1]!;
    const { raw } = await rankedBallot(m, [0, 1]);
    const ballot = JSON.parse(raw) as { answers: { proof: { response: string } }[] };
    const proof = ballot.answers[0]!.proof;
    proof.response = proof.response === "1" ? "2" : "1";
    const refused = await send(rankedPollId, m.cookie, JSON.stringify(ballot));
    expect(refused).toEqual({ status: 400, body: { ok: false, code: "ballot_refused", message: ballotProblemMessages.ballot_refused } });
    expect((await send(rankedPollId, m.cookie, (await rankedBallot(members[2]!, [0, 1])).raw)).status).toBe(400);
    const { election, credential } = await keyFor(otherPollId, m.id);
    expect((await send(rankedPollId, m.cookie, (await encryptBallotInBrowser(election.raw, credential, YES)).raw)).status).toBe(400);
    expect(await storedIn(rankedPollId)).toHaveLength(0);
    expect(await hasVoted(database.db, rankedPollId, m.id)).toBe(false);
  });

  it("is stored as sent with its tracker as the receipt, and counted with rankings the server encrypted, in a record both verifiers accept", async () => {
    // A partial ranking from the browser; a ranking of one option without JavaScript; a full one from the browser.
    const [m0, m1, m2] = members;
    const first = await rankedBallot(m0!, [2, 0]);
    expect(await send(rankedPollId, m0!.cookie, first.raw)).toEqual({ status: 200, body: { ok: true, receipt: first.tracker } });
    expect((await storedIn(rankedPollId)).map((b) => ({ content: b.content, receipt: b.receipt }))).toEqual([
      { content: { belenios: first.raw }, receipt: first.tracker },
    ]);
    const plain = await app.request(`/polls/${rankedPollId}/ballot`, { form: { "rank-1": "1" }, cookie: m1!.cookie });
    expect(plain.status).toBe(200);
    expect((await send(rankedPollId, m2!.cookie, (await rankedBallot(m2!, [1, 3, 0, 2])).raw)).status).toBe(200);
    const rankings = [[2, 0], [1], [1, 3, 0, 2]];

    const closed = await closePoll(database.db, actor, rankedPollId);
    if (!closed.ok) throw new Error(closed.code);
    const { poll } = (await loadRules(database.db, rankedPollId))!;
    const rules = {
      title: "Convener",
      method: "irv" as const,
      seats: 1,
      quorum: { numerator: 0, denominator: 1 },
      majority: "simple" as const,
      lotSeed: poll.lotSeed,
    };
    const options = candidates.map((o, position) => ({ position, label: o.label, isRon: Boolean(o.isRon), withdrawn: false }));
    expect(closed.result).toEqual(
      countPoll(
        { ...rules, options },
        rankings.map((ranking) => ({ ranking })),
        members.length,
      ),
    );
    expect(await verifyPoll(database.db, rankedPollId)).toMatchObject({ ok: true, ballots: 3 });
    const record = (await closedPollRecord(database.db, rankedPollId))!;
    expect(verifyElectionArchive(record.bytes).ok).toBe(true);
    if (hasBeleniosTool) {
      const tool = beleniosVerify(record.fileName, record.bytes);
      expect(tool.status, tool.output).toBe(0);
    }
  }, 60_000);
});
