import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor, type Actor } from "../../app/modules/audit/audit.server";
import { BELENIOS_2048, RFC_3526_2048 } from "../../app/modules/belenios/group";
import { verifyElectionArchive } from "../../app/modules/belenios/record";
import { serializePartialDecryption, serializeShuffle, serializeTrusteePublicKey } from "../../app/modules/belenios/serialize";
import { shuffleTally } from "../../app/modules/belenios/tally";
import { computePartialDecryption, generateTrusteeKey } from "../../app/modules/belenios/trustee";
import type { TrusteeKeyPair } from "../../app/modules/belenios/types";
import { countPoll } from "../../app/modules/polls/ballot-rules";
import { closedPollRecord, electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import {
  ciphertextsToShuffle,
  decryptableTally,
  giveTrusteeKey,
  trusteeProgressOf,
  type TrusteeProgress,
} from "../../app/modules/polls/encrypted/poll-trustees.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { closePoll } from "../../app/modules/polls/closing.server";
import { createPoll, openPoll } from "../../app/modules/polls/creation.server";
import { loadRules } from "../../app/modules/polls/poll-rules.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { finishStalledDecryptions, submitTrusteeShare } from "../../app/modules/polls/trustee-count.server";
import { grantRole } from "../../app/modules/users/users.server";
import { pollElections, polls } from "../../db/schema";
import { beleniosVerify, hasBeleniosTool } from "../support/belenios-tool";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 17, item 1 (decision 045): the returning officer names trustees among the members; each
 * gives only a public key; the poll opens only when every key is in; at the close nothing is
 * decrypted until every trustee has shuffled (a ranking) and sent a partial decryption, each
 * checked before it is kept. The record is then accepted by belenios-tool.
 */
let database: TestDatabase;
const officer = systemActor("returning officer");
const members: (Actor & { id: string })[] = [];
const [ada, ben, cy] = [0, 1, 2];

beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 6; i++) {
    const granted = await grantRole(database.db, { email: `trustee-test-${i}@example.org`, displayName: `Member ${i}`, role: "member", actor: officer });
    if (!granted.ok) throw new Error("member not made");
    members.push({ id: granted.userId, label: `trustee-test-${i}@example.org` });
  }
}, 60_000);
afterAll(() => database.drop());

const roll = () => members.map((m) => m.id);
const keyText = (pair: TrusteeKeyPair) => serializeTrusteePublicKey(pair.publicKey);

async function pollWithTrustees(method: "yes-no" | "irv", trustees: number[]) {
  const created = await createPoll(database.db, officer, {
    title: method === "yes-no" ? "Adopt the statement" : "Convener",
    method,
    options: method === "irv" ? [{ label: "Ada" }, { label: "Ben" }, { label: "Cy" }] : [],
    closesAt: new Date(Date.now() + 3_600_000),
    trustees: trustees.map((i) => members[i]!.id),
  });
  if (!created.ok) throw new Error(created.code);
  return created.pollId;
}

async function progressOf(pollId: string): Promise<TrusteeProgress> {
  const pollElection = await electionOf(database.db, pollId);
  const progress = await trusteeProgressOf(database.db, pollId, pollElection!.election);
  if (!progress) throw new Error("no progress");
  return progress;
}

async function decryptionBy(pollId: string, pair: TrusteeKeyPair): Promise<string> {
  const progress = await progressOf(pollId);
  return serializePartialDecryption(computePartialDecryption(progress.election, decryptableTally(progress), pair.privateKey));
}

async function statusOf(pollId: string) {
  const [poll] = await database.db.select().from(polls).where(eq(polls.id, pollId));
  return poll!;
}

async function checkRecord(pollId: string, tallied: number) {
  expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: tallied });
  const record = await closedPollRecord(database.db, pollId);
  expect(record).not.toBeNull();
  expect(verifyElectionArchive(record!.bytes)).toMatchObject({ ok: true, numTallied: tallied });
  if (hasBeleniosTool) {
    const tool = beleniosVerify(record!.fileName, record!.bytes);
    expect(tool.status, tool.output).toBe(0);
  }
}

describe("a Yes/No poll held by two named trustees", () => {
  const keys: TrusteeKeyPair[] = [generateTrusteeKey(BELENIOS_2048), generateTrusteeKey(BELENIOS_2048)];
  let pollId = "";

  beforeAll(async () => {
    pollId = await pollWithTrustees("yes-no", [ada, ben]);
  });

  it("does not open until every trustee has given a key", async () => {
    expect(await openPoll(database.db, officer, pollId, roll())).toEqual({ ok: false, code: "trustee_keys_missing" });
  });

  it("takes a key only from a named trustee, only in the poll's group, only with its proof", async () => {
    expect(await giveTrusteeKey(database.db, members[cy]!, pollId, keyText(keys[0]!))).toEqual({ ok: false, code: "not_trustee" });
    expect(await giveTrusteeKey(database.db, members[ada]!, pollId, "not a key")).toEqual({ ok: false, code: "key_unreadable" });
    const forged = { ...keys[0]!.publicKey, pok: { ...keys[0]!.publicKey.pok, response: keys[0]!.publicKey.pok.response + 1n } };
    expect(await giveTrusteeKey(database.db, members[ada]!, pollId, serializeTrusteePublicKey(forged))).toEqual({ ok: false, code: "key_invalid" });
    // A key of the other group (a ranked poll's) does not prove itself in this one.
    const otherGroup = generateTrusteeKey(RFC_3526_2048);
    expect(await giveTrusteeKey(database.db, members[ada]!, pollId, keyText(otherGroup))).toEqual({ ok: false, code: "key_invalid" });
    expect(await giveTrusteeKey(database.db, members[ada]!, pollId, keyText(keys[0]!))).toMatchObject({ ok: true, position: 1 });
    expect(await giveTrusteeKey(database.db, members[ben]!, pollId, keyText(keys[0]!))).toEqual({ ok: false, code: "key_reused" });
    expect(await giveTrusteeKey(database.db, members[ben]!, pollId, keyText(keys[1]!))).toMatchObject({ ok: true, position: 2 });
  });

  it("opens with the trustees' keys, and the server holds no key of its own", async () => {
    expect(await openPoll(database.db, officer, pollId, roll())).toMatchObject({ ok: true });
    const pollElection = await electionOf(database.db, pollId);
    expect(pollElection?.trusteeKind).toBe("members");
    expect(pollElection?.trusteesRaw).not.toContain("Breakaway server");
    expect(JSON.parse(pollElection!.trusteesRaw)).toHaveLength(2);
    expect(await giveTrusteeKey(database.db, members[ada]!, pollId, keyText(keys[1]!))).toEqual({ ok: false, code: "not_draft" });
  });

  it("closes to voting without a result, until every trustee has decrypted", async () => {
    for (const [i, choice] of (["yes", "yes", "no", "abstain", "yes"] as const).entries()) {
      expect((await castBallot(database.db, { pollId, userId: members[i]!.id, choice })).ok).toBe(true);
    }
    const closed = await closePoll(database.db, officer, pollId);
    expect(closed).toEqual({ ok: true, result: null });
    expect(await statusOf(pollId)).toMatchObject({ status: "decrypting", result: null, ballotCount: 5 });
    // No ballot goes in once voting has closed.
    expect((await castBallot(database.db, { pollId, userId: members[5]!.id, choice: "no" })).ok).toBe(false);
    // Yes/No: nothing to shuffle.
    expect(await submitTrusteeShare(database.db, members[ada]!, pollId, "shuffle", "{}")).toEqual({ ok: false, code: "not_your_turn" });
  });

  it("keeps only a partial decryption that proves itself, from a trustee, once", async () => {
    const good = await decryptionBy(pollId, keys[0]!);
    expect(await submitTrusteeShare(database.db, members[cy]!, pollId, "decryption", good)).toEqual({ ok: false, code: "not_trustee" });
    // Ben's share made with Ada's key: its proofs do not hold for Ben's public key.
    expect(await submitTrusteeShare(database.db, members[ben]!, pollId, "decryption", good)).toEqual({ ok: false, code: "share_invalid" });
    expect(await submitTrusteeShare(database.db, members[ada]!, pollId, "decryption", "{")).toEqual({ ok: false, code: "share_unreadable" });
    expect(await submitTrusteeShare(database.db, members[ada]!, pollId, "decryption", good)).toEqual({ ok: true, counted: false });
    expect(await submitTrusteeShare(database.db, members[ada]!, pollId, "decryption", good)).toEqual({ ok: false, code: "already_done" });
    expect((await statusOf(pollId)).status).toBe("decrypting");
  });

  it("counts with the last trustee's share, and the record checks out", async () => {
    expect(await submitTrusteeShare(database.db, members[ben]!, pollId, "decryption", await decryptionBy(pollId, keys[1]!))).toEqual({
      ok: true,
      counted: true,
    });
    const poll = await statusOf(pollId);
    expect(poll.status).toBe("closed");
    expect(poll.result).toMatchObject({ kind: "yes-no", result: { tally: { yes: 3, no: 1, abstain: 1 } } });
    await checkRecord(pollId, 5);
  });
});

describe("a ranked poll held by two named trustees", () => {
  const keys: TrusteeKeyPair[] = [generateTrusteeKey(RFC_3526_2048), generateTrusteeKey(RFC_3526_2048)];
  const rankings = [[0, 1], [2], [1, 0, 2]];
  let pollId = "";

  async function nextShuffle() {
    const progress = await progressOf(pollId);
    return serializeShuffle(shuffleTally(progress.election, ciphertextsToShuffle(progress)));
  }

  beforeAll(async () => {
    pollId = await pollWithTrustees("irv", [ada, ben]);
    expect(await giveTrusteeKey(database.db, members[ada]!, pollId, keyText(keys[0]!))).toMatchObject({ ok: true });
    expect(await giveTrusteeKey(database.db, members[ben]!, pollId, keyText(keys[1]!))).toMatchObject({ ok: true });
    expect(await openPoll(database.db, officer, pollId, roll())).toMatchObject({ ok: true });
    for (const [i, ranking] of rankings.entries()) expect((await castBallot(database.db, { pollId, userId: members[i]!.id, ranking })).ok).toBe(true);
    expect(await closePoll(database.db, officer, pollId)).toEqual({ ok: true, result: null });
  }, 120_000);

  it("takes the shuffles in the trustees' order, each checked against the one before", async () => {
    expect(await submitTrusteeShare(database.db, members[ben]!, pollId, "shuffle", await nextShuffle())).toEqual({ ok: false, code: "not_your_turn" });
    expect(await submitTrusteeShare(database.db, members[ada]!, pollId, "decryption", "{}")).toEqual({ ok: false, code: "not_your_turn" });
    expect(await submitTrusteeShare(database.db, members[ada]!, pollId, "shuffle", await nextShuffle())).toEqual({ ok: true, counted: false });
    // A shuffle of the tally rather than of Ada's shuffle does not follow on from hers.
    const progress = await progressOf(pollId);
    const stale = serializeShuffle(shuffleTally(progress.election, ciphertextsToShuffle({ ...progress, shuffles: [] })));
    expect(await submitTrusteeShare(database.db, members[ben]!, pollId, "shuffle", stale)).toEqual({ ok: false, code: "share_invalid" });
    expect(await submitTrusteeShare(database.db, members[ben]!, pollId, "shuffle", await nextShuffle())).toEqual({ ok: true, counted: false });
  }, 120_000);

  it("then decrypts the last shuffle, counts the rankings, and the record checks out", async () => {
    expect(await submitTrusteeShare(database.db, members[ben]!, pollId, "decryption", await decryptionBy(pollId, keys[1]!))).toEqual({
      ok: true,
      counted: false,
    });
    expect(await submitTrusteeShare(database.db, members[ada]!, pollId, "decryption", await decryptionBy(pollId, keys[0]!))).toEqual({
      ok: true,
      counted: true,
    });
    const poll = await statusOf(pollId);
    const loaded = await loadRules(database.db, pollId);
    expect(poll.status).toBe("closed");
    expect(poll.result).toEqual(
      countPoll(
        loaded!.rules,
        rankings.map((ranking) => ({ ranking })),
        poll.rollSize,
      ),
    );
    await checkRecord(pollId, rankings.length);
  }, 120_000);
});

describe("the closing time passing", () => {
  it("stops voting on a poll held by trustees, and leaves it waiting for them, not counted", async () => {
    const keys = [generateTrusteeKey(BELENIOS_2048)];
    const pollId = await pollWithTrustees("yes-no", [cy]);
    expect(await giveTrusteeKey(database.db, members[cy]!, pollId, keyText(keys[0]!))).toMatchObject({ ok: true });
    expect(await openPoll(database.db, officer, pollId, roll())).toMatchObject({ ok: true });
    expect((await castBallot(database.db, { pollId, userId: members[ada]!.id, choice: "yes" })).ok).toBe(true);
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    expect(await closeDuePolls(database.db)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(pollId)).toMatchObject({ status: "decrypting", result: null, ballotCount: 1 });
    // The closer leaves it alone from then on; the trustee's share counts it.
    await closeDuePolls(database.db);
    expect(await submitTrusteeShare(database.db, members[cy]!, pollId, "decryption", await decryptionBy(pollId, keys[0]!))).toEqual({
      ok: true,
      counted: true,
    });
    expect(await statusOf(pollId)).toMatchObject({ status: "closed", result: { kind: "yes-no", result: { tally: { yes: 1 } } } });
  });
});

describe("a server stopped between the last share and the count", () => {
  it("leaves the poll with its shares but no result; the poll closer finishes it", async () => {
    const keys = [generateTrusteeKey(BELENIOS_2048), generateTrusteeKey(BELENIOS_2048)];
    const pollId = await pollWithTrustees("yes-no", [ada, ben]);
    for (const [i, t] of [ada, ben].entries()) expect(await giveTrusteeKey(database.db, members[t]!, pollId, keyText(keys[i]!))).toMatchObject({ ok: true });
    expect(await openPoll(database.db, officer, pollId, roll())).toMatchObject({ ok: true });
    expect((await castBallot(database.db, { pollId, userId: members[cy]!.id, choice: "no" })).ok).toBe(true);
    expect(await closePoll(database.db, officer, pollId)).toEqual({ ok: true, result: null });
    expect(await submitTrusteeShare(database.db, members[ada]!, pollId, "decryption", await decryptionBy(pollId, keys[0]!))).toEqual({
      ok: true,
      counted: false,
    });
    // Ben's share kept, as the transaction that keeps it does, and the server gone before the count.
    const progress = await progressOf(pollId);
    await database.db
      .update(pollElections)
      .set({ partialDecryptions: [...progress.partialDecryptions, { owner: 2, pd: await decryptionBy(pollId, keys[1]!) }] })
      .where(eq(pollElections.pollId, pollId));
    expect((await statusOf(pollId)).status).toBe("decrypting");
    // Without the sweep nothing happens to it; with it, it is counted.
    await closeDuePolls(database.db);
    expect((await statusOf(pollId)).status).toBe("decrypting");
    expect(await closeDuePolls(database.db, {}, finishStalledDecryptions)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(pollId)).toMatchObject({ status: "closed", result: { kind: "yes-no", result: { tally: { no: 1 } } } });
    await checkRecord(pollId, 1);
  });
});

describe("naming trustees", () => {
  it("is refused for a poll owned by a part of the road, for too many, or for the same member twice", async () => {
    const base = { title: "T", method: "yes-no" as const, options: [], closesAt: new Date(Date.now() + 3_600_000) };
    expect(await createPoll(database.db, officer, { ...base, owner: "decision", trustees: [members[0]!.id] })).toEqual({ ok: false, code: "trustees_invalid" });
    expect(await createPoll(database.db, officer, { ...base, trustees: [members[0]!.id, members[0]!.id] })).toEqual({ ok: false, code: "trustees_invalid" });
    expect(await createPoll(database.db, officer, { ...base, trustees: Array.from({ length: 8 }, (_, i) => members[i % 6]!.id) })).toEqual({
      ok: false,
      code: "trustees_invalid",
    });
  });
});
