import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RankedCountReport } from "../../app/modules/ballots";
import { RFC_3526_2048 } from "../../app/modules/belenios/group";
import { serializePartialDecryption, serializeShuffle, signedMsgOf } from "../../app/modules/belenios/serialize";
import { shuffleTally } from "../../app/modules/belenios/tally";
import {
  openDecryptionKey,
  parseVInput,
  serializePolynomial,
  serializeSignedMsg,
  serializeVOutput,
  thresholdStep1,
  thresholdStep3,
  thresholdStep5,
} from "../../app/modules/belenios/threshold";
import { computePartialDecryption } from "../../app/modules/belenios/trustee";
import { nameElectionTrustees } from "../../app/modules/elections/election-trustees.server";
import { countElection } from "../../app/modules/elections/count.server";
import { createElection } from "../../app/modules/elections/setup.server";
import { currentElection, listPositions, type Position } from "../../app/modules/elections/current-election.server";
import { listCandidates } from "../../app/modules/elections/candidates.server";
import { openBallots } from "../../app/modules/elections/ballots.server";
import { setSeconding, stand, withdrawCandidacy } from "../../app/modules/elections/nominations.server";
import type { PollResult } from "../../app/modules/polls/ballot-rules";
import { dueOwners } from "../../app/modules/road/poll-owners.server";
import { closedPollRecord, electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { ciphertextsToShuffle, decryptableTally, trusteeProgressOf, trusteesOf } from "../../app/modules/polls/encrypted/poll-trustees.server";
import { certificatesFile, vinputFile } from "../../app/modules/polls/encrypted/threshold-ceremony.server";
import { giveSetKey, setMembersOf } from "../../app/modules/polls/encrypted/trustee-sets.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { submitTrusteeShare } from "../../app/modules/polls/trustee-count.server";
import { elections, polls } from "../../db/schema";
import { beleniosVerify, hasBeleniosTool } from "../support/belenios-tool";
import { foundingMembersReady } from "../support/constitution-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 17, item 1 (decision 047): the returning officer names an officer election's trustees;
 * three of them, any two decrypting, make one key together before the ballots open; every ballot
 * of the election is held by that key. At the closing time voting stops and the ballots wait for
 * the trustees; the count still follows standing order 11.8: the committee, even if decrypted
 * first, is counted only after every office, without the offices' winners. The poll closer picks
 * up what the trustees decrypted, and every ballot's record is accepted by belenios-tool.
 */
let database: TestDatabase;
let ids: string[] = [];
const ro = { id: null, label: "returning.officer@example.org" };
const who = (i: number) => ({ id: ids[i]!, email: `founder${i + 1}@example.org`, label: `founder${i + 1}@example.org` });
const agree = { statement: "I will serve.", consent: true, registeredOfficer: true, treasurerEligible: true };
const trusteeIndexes = [9, 10, 11];
const G = RFC_3526_2048;
const seeds = trusteeIndexes.map(() => thresholdStep1(G));

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids } = await foundingMembersReady(database.db, 12, { adoptStandingOrders: false }));
  const created = await createElection(database.db, ro, {
    title: "Interim officers",
    nominationsOpenAt: new Date(Date.now() - 60_000),
    nominationsCloseAt: new Date(Date.now() + 3600_000),
    campaignsOfficer: false,
    committeeSeats: 2,
  });
  expect(created.ok).toBe(true);
  for (const [i, title] of [
    [0, "Leader"],
    [1, "Leader"],
    [2, "Nominating officer"],
    [3, "Treasurer"],
    [0, "Interim committee (2 seats)"],
    [5, "Interim committee (2 seats)"],
    [6, "Interim committee (2 seats)"],
    [7, "Interim committee (2 seats)"],
  ] as const) {
    const r = await stand(database.db, who(i), (await position(title)).id, agree);
    if (!r.ok) throw new Error(`${i} for ${title}: ${r.code}`);
    for (const s of [8, 9]) expect((await setSeconding(database.db, who(s), r.candidacyId, true)).ok).toBe(true);
  }
}, 120_000);
afterAll(() => database.drop());

async function position(title: string): Promise<Position> {
  const election = (await currentElection(database.db))!;
  return (await listPositions(database.db, election.id)).find((p) => p.title === title)!;
}

const certsOf = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => signedMsgOf(JSON.parse(l), "cert"));
const dkeys: string[] = [];

async function progressOf(pollId: string) {
  const pollElection = await electionOf(database.db, pollId);
  return (await trusteeProgressOf(database.db, pollId, pollElection!.election))!;
}

/** Trustee t (0-based among the three) shuffles, then later decrypts, one ballot. */
async function shuffleBy(t: number, pollId: string) {
  const progress = await progressOf(pollId);
  const shuffle = serializeShuffle(shuffleTally(progress.election, ciphertextsToShuffle(progress)));
  return submitTrusteeShare(database.db, who(trusteeIndexes[t]!), pollId, "shuffle", shuffle, progress.shuffles.length);
}
async function decryptBy(t: number, pollId: string) {
  const progress = await progressOf(pollId);
  const x = openDecryptionKey(G, seeds[t]!.seed, dkeys[t]!);
  return submitTrusteeShare(
    database.db,
    who(trusteeIndexes[t]!),
    pollId,
    "decryption",
    serializePartialDecryption(computePartialDecryption(progress.election, decryptableTally(progress), x)),
  );
}

describe("an officer election held by three trustees, any two decrypting", () => {
  let setId = "";

  it("names them while nominations are open; the ballots cannot open until their key is made", async () => {
    expect(await nameElectionTrustees(database.db, ro, { userIds: trusteeIndexes.map((i) => ids[i]!), threshold: 1 })).toEqual({
      ok: false,
      code: "trustees_invalid",
    });
    expect(await nameElectionTrustees(database.db, ro, { userIds: trusteeIndexes.map((i) => ids[i]!) })).toEqual({ ok: true, trustees: 3, threshold: 2 });
    const [election] = await database.db.select().from(elections);
    setId = election!.trusteeSetId!;
    expect(setId).toBeTruthy();
    expect(await openBallots(database.db, ro, { closesAt: new Date(Date.now() + 3600_000), reason: "Test: nominations are complete." })).toEqual({
      ok: false,
      code: "trustee_keys_missing",
    });
    // Nothing was opened by the refused attempt.
    expect((await position("Leader")).pollId).toBeNull();
  });

  it("takes the three steps of the ceremony from each trustee, for the whole election", async () => {
    for (const [t, i] of trusteeIndexes.entries())
      expect(await giveSetKey(database.db, who(i), setId, serializeSignedMsg(seeds[t]!.cert))).toMatchObject({ ok: true, step: "certificate" });
    expect(await giveSetKey(database.db, who(0), setId, serializeSignedMsg(seeds[0]!.cert))).toEqual({ ok: false, code: "not_trustee" });
    const certs = certificatesFile(await setMembersOf(database.db, setId))!;
    for (const [t, i] of trusteeIndexes.entries())
      expect(await giveSetKey(database.db, who(i), setId, serializePolynomial(thresholdStep3(G, certsOf(certs), seeds[t]!.seed, 2)))).toMatchObject({
        ok: true,
        step: "polynomial",
      });
    for (const [t, i] of trusteeIndexes.entries()) {
      const vinput = vinputFile(G, await setMembersOf(database.db, setId), t + 1)!;
      const voutput = thresholdStep5(G, certsOf(certs), seeds[t]!.seed, parseVInput(vinput.trim()));
      dkeys.push(voutput.privateKey);
      expect(await giveSetKey(database.db, who(i), setId, serializeVOutput(voutput))).toMatchObject({ ok: true, step: "key_share" });
    }
  }, 120_000);

  it("opens every ballot with the trustees' key; the key cannot change from then on", async () => {
    expect(await openBallots(database.db, ro, { closesAt: new Date(Date.now() + 3600_000), reason: "Test: nominations are complete." })).toMatchObject({
      ok: true,
    });
    for (const title of ["Leader", "Nominating officer", "Treasurer", "Interim committee (2 seats)"]) {
      const pollId = (await position(title)).pollId!;
      expect((await trusteesOf(database.db, pollId)).map((t) => t.userId)).toEqual(trusteeIndexes.map((i) => ids[i]));
      expect((await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]!.trusteeThreshold).toBe(2);
      const trustees = JSON.parse((await electionOf(database.db, pollId))!.trusteesRaw) as [string, unknown][];
      expect(trustees.map((t) => t[0])).toEqual(["Pedersen"]);
    }
    expect(await giveSetKey(database.db, who(9), setId, serializeSignedMsg(seeds[0]!.cert))).toEqual({ ok: false, code: "not_draft" });
    expect(await nameElectionTrustees(database.db, ro, { userIds: [] })).toEqual({ ok: false, code: "wrong_phase" });
  }, 120_000);

  it("stops voting at the closing time, waits for the trustees, and counts the committee only after the offices (11.8)", async () => {
    const leader = await position("Leader");
    const treasurer = await position("Treasurer");
    const no = await position("Nominating officer");
    const committee = await position("Interim committee (2 seats)");
    for (let i = 0; i < 12; i += 1) {
      // Leader: Founder 1 wins 7 to 5. Committee (Founder 1, 6, 7, 8, RON): Founder 1 everyone's first.
      expect((await castBallot(database.db, { pollId: leader.pollId!, userId: ids[i]!, ranking: i < 7 ? [0, 1] : [1, 0] })).ok).toBe(true);
      expect((await castBallot(database.db, { pollId: treasurer.pollId!, userId: ids[i]!, ranking: [0] })).ok).toBe(true);
      expect((await castBallot(database.db, { pollId: no.pollId!, userId: ids[i]!, ranking: [0] })).ok).toBe(true);
      expect((await castBallot(database.db, { pollId: committee.pollId!, userId: ids[i]!, ranking: i % 2 === 0 ? [0, 1, 2] : [0, 2, 3] })).ok).toBe(true);
    }
    const ballotIds = [leader, treasurer, no, committee].map((p) => p.pollId!);
    for (const id of ballotIds)
      await database.db
        .update(polls)
        .set({ closesAt: new Date(Date.now() - 1000) })
        .where(eq(polls.id, id));
    await closeDuePolls(database.db, dueOwners);
    for (const id of ballotIds)
      expect((await database.db.select().from(polls).where(eq(polls.id, id)))[0]).toMatchObject({ status: "decrypting", result: null });
    expect((await currentElection(database.db))!.phase).toBe("ballot");
    expect(await countElection(database.db, ro)).toEqual({ ok: false, code: "decrypting" });
    // Voting has closed: a withdrawal would change the rules of a closed vote, so it is refused.
    const founder7 = (await listCandidates(database.db, committee)).find((c) => c.name === "Founder 7")!;
    expect(await withdrawCandidacy(database.db, who(6), founder7.id)).toEqual({ ok: false, code: "wrong_phase" });

    // Trustees 1 and 3 shuffle and decrypt the committee first: decrypted, not counted.
    expect(await shuffleBy(0, committee.pollId!)).toEqual({ ok: true, counted: false });
    expect(await shuffleBy(2, committee.pollId!)).toEqual({ ok: true, counted: false });
    expect(await decryptBy(0, committee.pollId!)).toEqual({ ok: true, counted: false });
    expect(await decryptBy(2, committee.pollId!)).toEqual({ ok: true, counted: false, owner: "election" });
    await closeDuePolls(database.db, dueOwners);
    expect((await database.db.select().from(polls).where(eq(polls.id, committee.pollId!)))[0]).toMatchObject({ status: "decrypting", result: null });

    // Then the offices, by trustees 2 and 3; the poll closer counts the whole election.
    for (const id of [leader, treasurer, no].map((p) => p.pollId!)) {
      expect(await shuffleBy(1, id)).toMatchObject({ ok: true });
      expect(await shuffleBy(2, id)).toMatchObject({ ok: true });
      expect(await decryptBy(1, id)).toMatchObject({ ok: true });
      expect(await decryptBy(2, id)).toMatchObject({ ok: true, owner: "election" });
    }
    expect(await closeDuePolls(database.db, dueOwners)).toBeGreaterThanOrEqual(1);
    expect((await currentElection(database.db))!.phase).toBe("counted");
    const [row] = await database.db.select().from(polls).where(eq(polls.id, committee.pollId!));
    expect(row!.status).toBe("closed");
    const report = (row!.result as PollResult & { kind: "ranked" }).report as RankedCountReport;
    expect(report.withdrawn).toContain("Founder 1");
    expect(report.elected).toHaveLength(2);
    expect(report.elected).not.toContain("Founder 1");
    const [leaderRow] = await database.db.select().from(polls).where(eq(polls.id, leader.pollId!));
    expect((leaderRow!.result as PollResult & { kind: "ranked" }).report.elected).toEqual(["Founder 1"]);

    for (const id of ballotIds) {
      expect(await verifyPoll(database.db, id)).toMatchObject({ ok: true, ballots: 12 });
      if (!hasBeleniosTool) continue;
      const record = await closedPollRecord(database.db, id);
      const tool = beleniosVerify(record!.fileName, record!.bytes);
      expect(tool.status, tool.output).toBe(0);
    }
  }, 300_000);
});
