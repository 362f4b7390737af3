import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { verifyElectionArchive } from "../../app/modules/belenios/record";
import { electionOf, closedPollRecord, pollArchive } from "../../app/modules/polls/encrypted/poll-elections.server";
import { countPoll } from "../../app/modules/polls/ballot-rules";
import { castBallot } from "../../app/modules/polls/casting.server";
import { checkReceipt } from "../../app/modules/polls/publication.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { loadRules } from "../../app/modules/polls/poll-rules.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { grantRole } from "../../app/modules/users/users.server";
import { ballots, pollElections } from "../../db/schema";
import { createTestApp } from "../support/app-harness";
import { beleniosVerify, hasBeleniosTool } from "../support/belenios-tool";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 17, for Yes/No polls: each ballot is a Belenios ballot encrypted with the member's
 * credential, the database holds no choice, only the total is decrypted, and the poll's record is
 * accepted by Debian's belenios-tool, and refused once tampered with.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const actor = systemActor("test");
const members: string[] = [];
let pollId = "";
const receipts: string[] = [];
const choices = ["yes", "yes", "no", "abstain", "yes"] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  for (let i = 1; i <= 7; i++) {
    const granted = await grantRole(database.db, { email: `voter${i}@example.org`, displayName: `Voter ${i}`, role: "member", actor });
    if (!granted.ok) throw new Error("member not made");
    members.push(granted.userId);
  }
  const created = await createPoll(database.db, actor, {
    title: "Adopt the campaign statement",
    description: "Do you agree?",
    method: "yes-no",
    options: [],
    quorum: { numerator: 1, denominator: 2 },
    majority: "simple",
    closesAt: new Date(Date.now() + 3600_000),
  });
  if (!created.ok) throw new Error(created.code);
  pollId = created.pollId;
  const opened = await openPoll(database.db, actor, pollId, members);
  expect(opened.ok).toBe(true);
}, 120_000);
afterAll(() => database.drop());

describe("an encrypted Yes/No poll", () => {
  it("publishes one public credential per member of the roll, and no private one", async () => {
    const pollElection = await electionOf(database.db, pollId);
    expect(pollElection).not.toBeNull();
    expect(JSON.parse(pollElection!.credentialsRaw)).toHaveLength(members.length);
    expect(pollElection!.election.params.questions[0]?.answers).toEqual(["Yes", "No", "Abstain"]);
    const [row] = await database.db.select().from(pollElections).where(eq(pollElections.pollId, pollId));
    expect(JSON.stringify(row)).not.toMatch(/[1-9A-HJ-NP-Za-km-z]{3}-[1-9A-HJ-NP-Za-km-z]{3}-[1-9A-HJ-NP-Za-km-z]{3}/);
  });

  it("stores each ballot encrypted, its tracker as its receipt, and no choice", async () => {
    for (const [i, choice] of choices.entries()) {
      const cast = await castBallot(database.db, { pollId, userId: members[i]!, choice });
      expect(cast.ok).toBe(true);
      if (cast.ok) receipts.push(cast.receipt);
    }
    const again = await castBallot(database.db, { pollId, userId: members[0]!, choice: "no" });
    expect(again).toEqual({ ok: false, code: "already_voted" });
    const rows = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId));
    expect(rows).toHaveLength(choices.length);
    for (const row of rows) {
      expect(Object.keys(row.content)).toEqual(["belenios"]);
      expect(JSON.stringify(row.content)).not.toMatch(/"choice"|"yes"|"no"|"abstain"/);
    }
    expect(rows.map((r) => r.receipt).sort()).toEqual([...receipts].sort());
  });

  it("has no record to download while open", async () => {
    expect((await app.request(`/polls/${pollId}/record.bel`)).status).toBe(404);
    expect(await closedPollRecord(database.db, pollId)).toBeNull();
  });

  it("decrypts only the total at the close, and counts it by the poll's rules", async () => {
    const closed = await closePoll(database.db, actor, pollId);
    expect(closed.ok).toBe(true);
    if (!closed.ok || closed.result?.kind !== "yes-no") throw new Error("not counted");
    expect(closed.result.result).toMatchObject({ tally: { yes: 3, no: 1, abstain: 1, roll: members.length }, passed: true });
    const check = await checkReceipt(database.db, pollId, receipts[2]!);
    expect(check).toEqual({ status: "counted", content: null });
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: choices.length });
  });

  it("offers its record, which our verifier and belenios-tool both accept", async () => {
    const response = await app.request(`/polls/${pollId}/record.bel`);
    expect(response.status).toBe(200);
    const pollElection = await electionOf(database.db, pollId);
    const fileName = `${pollElection!.election.params.uuid}.bel`;
    expect(response.headers.get("content-disposition")).toContain(fileName);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const ours = verifyElectionArchive(bytes);
    expect(ours).toMatchObject({ ok: true, numTallied: choices.length });
    if (ours.ok) expect(ours.result).toEqual([[3n, 1n, 1n]]);
    if (hasBeleniosTool) {
      const tool = beleniosVerify(fileName, bytes);
      expect(tool.status, tool.output).toBe(0);
    }
  });

  it("is refused by both verifiers when its result or its ballots are tampered with", async () => {
    const pollElection = (await electionOf(database.db, pollId))!;
    const rows = await database.db.select().from(ballots).where(eq(ballots.pollId, pollId));
    const raws = rows.map((r) => ("belenios" in r.content ? r.content.belenios : "")).sort();
    const fileName = `${pollElection.election.params.uuid}.bel`;
    const swapped = { ...pollElection, tally: { ...pollElection.tally!, resultRaw: JSON.stringify({ result: [[1, 3, 1]] }) } };
    const dropped = raws.slice(1);
    for (const tampered of [pollArchive(swapped, raws), pollArchive(pollElection, dropped)]) {
      expect(verifyElectionArchive(tampered).ok).toBe(false);
      if (hasBeleniosTool) expect(beleniosVerify(fileName, tampered).status).not.toBe(0);
    }
    // The database's copy changed: poll:verify names the record as the problem.
    const [first] = rows;
    await database.db.delete(ballots).where(eq(ballots.receipt, first!.receipt));
    const verified = await verifyPoll(database.db, pollId);
    expect(verified.ok).toBe(false);
  });
});

describe("an encrypted ranked poll", () => {
  const rankings = [[0, 1], [1, 0, 2], [2], [0, 2, 1], [1], [0]];
  let rankedId = "";
  const options = [{ label: "Ada" }, { label: "Ben" }, { label: "Cy" }, { label: "Re-open nominations", isRon: true }];

  it("stores rankings encrypted, shuffles them at the close, and counts the decrypted rankings as plain ones would be", async () => {
    const created = await createPoll(database.db, actor, { title: "Convener", method: "irv", options, closesAt: new Date(Date.now() + 3600_000) });
    if (!created.ok) throw new Error(created.code);
    rankedId = created.pollId;
    expect((await openPoll(database.db, actor, rankedId, members)).ok).toBe(true);
    const pollElection = await electionOf(database.db, rankedId);
    // A ranking is non-homomorphic: the group Belenios 2.0 prescribes for it.
    expect(pollElection?.election.params.group).toBe("RFC-3526-2048");
    for (const [i, ranking] of rankings.entries()) expect((await castBallot(database.db, { pollId: rankedId, userId: members[i]!, ranking })).ok).toBe(true);
    const rows = await database.db.select().from(ballots).where(eq(ballots.pollId, rankedId));
    for (const row of rows) expect(Object.keys(row.content)).toEqual(["belenios"]);

    const closed = await closePoll(database.db, actor, rankedId);
    if (!closed.ok) throw new Error(closed.code);
    const plain = countPoll(
      {
        title: "Convener",
        method: "irv",
        seats: 1,
        quorum: { numerator: 0, denominator: 1 },
        majority: "simple",
        lotSeed: (await loadRules(database.db, rankedId))!.poll.lotSeed,
        options: options.map((o, position) => ({ position, label: o.label, isRon: Boolean(o.isRon), withdrawn: false })),
      },
      rankings.map((ranking) => ({ ranking })),
      members.length,
    );
    expect(closed.result).toEqual(plain);
    expect(await verifyPoll(database.db, rankedId)).toMatchObject({ ok: true, ballots: rankings.length });
  });

  it("publishes the decrypted rankings in a BLT file, and a record with the shuffle that belenios-tool accepts", async () => {
    const blt = await (await app.request(`/polls/${rankedId}/ballots.blt`)).text();
    expect(blt).toContain('"Ada"');
    const record = await closedPollRecord(database.db, rankedId);
    const ours = verifyElectionArchive(record!.bytes);
    expect(ours.ok).toBe(true);
    if (ours.ok) expect(ours.numTallied).toBe(rankings.length);
    if (hasBeleniosTool) {
      const tool = beleniosVerify(record!.fileName, record!.bytes);
      expect(tool.status, tool.output).toBe(0);
    }
  });
});
