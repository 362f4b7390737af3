import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { BELENIOS_2048, RFC_3526_2048 } from "../../app/modules/belenios/group";
import { serializePartialDecryption, serializeTrusteePublicKey } from "../../app/modules/belenios/serialize";
import { computePartialDecryption, generateTrusteeKey } from "../../app/modules/belenios/trustee";
import type { TrusteeKeyPair } from "../../app/modules/belenios/types";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import {
  castClauseBallot,
  closeRound,
  openAdoptionVote,
  openRound,
  roundItems,
  settleAdoption,
  standingOrdersAdopted,
} from "../../app/modules/constitution/round.server";
import { openStandingOrdersVote } from "../../app/modules/founding/founding.server";
import { dueOwners } from "../../app/modules/road/poll-owners.server";
import { closedPollRecord, electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { decryptableTally, trusteeProgressOf } from "../../app/modules/polls/encrypted/poll-trustees.server";
import { scopeSets } from "../../app/modules/polls/encrypted/scope-trustees.server";
import { giveSetKey } from "../../app/modules/polls/encrypted/trustee-sets.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { submitTrusteeShare } from "../../app/modules/polls/trustee-count.server";
import { financialSchemeState } from "../../app/modules/registration/financial-scheme.server";
import { openFinancialSchemeVote, settleFinancialSchemeVote } from "../../app/modules/registration/financial-scheme-vote.server";
import { grantRole } from "../../app/modules/users/users.server";
import { constitutionDrafts, movement, polls, trusteeSets } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { beleniosVerify, hasBeleniosTool } from "../support/belenios-tool";
import { foundingMembersReady } from "../support/constitution-fixture";
import { ballotCloses } from "../support/periods";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 17, item 1 (decision 048): the returning officer names trustees on the Trustees page for
 * the standing orders vote, the financial scheme and the constitution's votes (each round's
 * questions and the adoption vote), which then open only once their keys
 * are made and are held by them, not by the server. At the closing time voting stops; the
 * standing orders are adopted, and the round decided, only once the trustees have decrypted every
 * question; the poll closer does it after the last share. belenios-tool accepts the records.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
let emails: string[] = [];
let roCookie = "";
let memberCookie = "";
const ro = { id: null, label: "ro@example.org" };
// Founders 1 and 2 hold the keys.
const trustee = (t: number) => ({ id: ids[t]!, label: emails[t]! });
const keys: Record<string, TrusteeKeyPair[]> = { [BELENIOS_2048.name]: [generateTrusteeKey(BELENIOS_2048), generateTrusteeKey(BELENIOS_2048)] };
const post = (cookie: string, form: Record<string, string>) => app.request("/trustees", { form, cookie });

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids, emails } = await foundingMembersReady(database.db, 6, { adoptStandingOrders: false }));
  await grantRole(database.db, { email: ro.label, displayName: "Rhian Roberts", role: "returning_officer", actor: systemActor() });
  app = await createTestApp(database.db);
  roCookie = await cookieFor(database.db, ro.label);
  memberCookie = await cookieFor(database.db, emails[5]!);
}, 120_000);
afterAll(() => database.drop());

async function statusOf(pollId: string) {
  return (await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]!;
}

async function decryptBy(t: number, pollId: string, groupName: string) {
  const pollElection = await electionOf(database.db, pollId);
  const progress = (await trusteeProgressOf(database.db, pollId, pollElection!.election))!;
  const share = serializePartialDecryption(computePartialDecryption(progress.election, decryptableTally(progress), keys[groupName]![t]!.privateKey));
  return submitTrusteeShare(database.db, trustee(t), pollId, "decryption", share);
}

async function giveKeys(scope: "standing_orders" | "constitution") {
  for (const { groupName, setId } of await scopeSets(database.db, scope)) {
    keys[groupName] ??= [generateTrusteeKey(RFC_3526_2048), generateTrusteeKey(RFC_3526_2048)];
    for (const t of [0, 1])
      expect(await giveSetKey(database.db, trustee(t), setId, serializeTrusteePublicKey(keys[groupName]![t]!.publicKey))).toMatchObject({ ok: true });
  }
}

function checkRecord(fileName: string, bytes: Uint8Array) {
  if (!hasBeleniosTool) return;
  const tool = beleniosVerify(fileName, bytes);
  expect(tool.status, tool.output).toBe(0);
}

describe("the Trustees page", () => {
  it("says who holds each vote's key, to anyone; the forms are the returning officer's alone", async () => {
    const visitor = await html(await app.request("/trustees"));
    expect(visitor).toContain("No trustees are named: the server holds the key of the vote on the standing orders");
    expect(visitor).toContain("No trustees are named: the server holds the key of every vote on the constitution");
    expect(visitor).not.toContain("Name the trustees");
    expect(await html(await app.request("/trustees", { cookie: roCookie }))).toContain("Name the trustees");
    const refused = await post(memberCookie, { scope: "constitution", trustees: emails[0]! });
    expect(refused.status).toBe(403);
    expect(await scopeSets(database.db, "constitution")).toEqual([]);
  });

  it("refuses an address nobody has, with the summary linking to that part's field, and the decision's trustees here", async () => {
    const unknown = await post(roCookie, { scope: "standing_orders", trustees: `${emails[0]}\nnobody@example.org`, trusteeThreshold: "" });
    expect(unknown.status).toBe(400);
    const page = await html(unknown);
    expect(page).toContain('href="#trustees-standing_orders"');
    expect(page).toContain('id="trustees-standing_orders"');
    expect(page).toContain("nobody@example.org");
    // The decision is named on Manage the campaign, by the organisers: not here.
    expect((await post(roCookie, { scope: "decision", trustees: emails[0]! })).status).toBe(400);
    expect(await scopeSets(database.db, "standing_orders")).toEqual([]);
  });

  it("names two trustees for the standing orders, and the same two for the constitution: one key per kind of question", async () => {
    const named = await post(roCookie, { scope: "standing_orders", trustees: `${emails[0]}\n${emails[1]}`, trusteeThreshold: "" });
    expect(named.status).toBe(200);
    expect(await html(named)).toContain("2 trustees are named");
    expect(await scopeSets(database.db, "standing_orders")).toEqual([{ groupName: "BELENIOS-2048", setId: expect.any(String) }]);
    expect((await post(roCookie, { scope: "constitution", trustees: `${emails[0]}\n${emails[1]}`, trusteeThreshold: "" })).status).toBe(200);
    expect((await scopeSets(database.db, "constitution")).map((s) => s.groupName)).toEqual(["BELENIOS-2048", "RFC-3526-2048"]);
    const page = await html(await app.request("/trustees", { cookie: await cookieFor(database.db, emails[0]!) }));
    expect(page).toContain("Key for the Yes/No questions: 0 of 2 trustees have made their key.");
    expect(page).toContain("Key for the questions that rank or choose between wordings: 0 of 2 trustees have made their key.");
    expect(page).toContain("Go to your trustee page");
    // The Polls page lists each set's key among their tasks, named by its part of the road, not as an election's.
    const tasks = await html(await app.request("/polls", { cookie: await cookieFor(database.db, emails[0]!) }));
    expect(tasks).toContain("The standing orders vote</a>: make your key before the vote can open");
    expect(tasks).toContain("The constitution&#x27;s votes: key for the yes/no questions</a>: make your key before the vote can open");
    expect(tasks).toContain(
      "The constitution&#x27;s votes: key for the questions that rank or choose between wordings</a>: make your key before the vote can open",
    );
    expect(tasks).not.toContain("An election&#x27;s ballots");
  });
});

describe("the standing orders vote held by two trustees", () => {
  let pollId = "";

  it("does not open until both keys are in", async () => {
    const input = { closesAt: new Date(Date.now() + 3600_000), quorumPercent: 20, majority: "simple" as const };
    expect(await openStandingOrdersVote(database.db, ro, input)).toEqual({ ok: false, code: "trustee_keys_missing" });
    expect(await database.db.select().from(polls).where(eq(polls.owner, "standing_orders"))).toEqual([]);
    await giveKeys("standing_orders");
    const opened = await openStandingOrdersVote(database.db, ro, input);
    if (!opened.ok) throw new Error(opened.code);
    pollId = opened.pollId;
    expect((await statusOf(pollId)).trusteeSetId).toBe((await scopeSets(database.db, "standing_orders"))[0]!.setId);
    expect((await electionOf(database.db, pollId))!.trusteeKind).toBe("members");
  });

  it("closes to voting at its closing time; the standing orders are adopted only once the trustees have decrypted it", async () => {
    for (const id of ids) expect((await castBallot(database.db, { pollId, userId: id, choice: "yes" })).ok).toBe(true);
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    await closeDuePolls(database.db, dueOwners);
    expect(await statusOf(pollId)).toMatchObject({ status: "decrypting", result: null });
    expect(await standingOrdersAdopted(database.db)).toBe(false);
    expect(await decryptBy(0, pollId, BELENIOS_2048.name)).toEqual({ ok: true, counted: false });
    expect(await decryptBy(1, pollId, BELENIOS_2048.name)).toEqual({ ok: true, counted: false, owner: "standing_orders" });
    expect(await closeDuePolls(database.db, dueOwners)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(pollId)).toMatchObject({
      status: "closed",
      result: { kind: "yes-no", result: { passed: true, tally: { yes: 6, no: 0, abstain: 0 } } },
    });
    expect(await standingOrdersAdopted(database.db)).toBe(true);
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 6 });
    const record = await closedPollRecord(database.db, pollId);
    checkRecord(record!.fileName, record!.bytes);
  }, 120_000);
});

describe("the financial scheme's vote held by its trustees", () => {
  it("opens only with their keys, and adopts the scheme only once they have decrypted it", async () => {
    expect((await post(roCookie, { scope: "financial_scheme", trustees: `${emails[1]}\n${emails[0]}`, trusteeThreshold: "" })).status).toBe(200);
    expect(await openFinancialSchemeVote(database.db, ro, { closesAt: ballotCloses() })).toEqual({ ok: false, code: "trustee_keys_missing" });
    expect((await financialSchemeState(database.db)).ballot).toBeNull();
    // Named in the other order: founder 2 is trustee 1 of this vote.
    const setId = (await scopeSets(database.db, "financial_scheme"))[0]!.setId;
    const schemeKeys = [generateTrusteeKey(BELENIOS_2048), generateTrusteeKey(BELENIOS_2048)];
    for (const t of [0, 1])
      expect(await giveSetKey(database.db, trustee(t), setId, serializeTrusteePublicKey(schemeKeys[t]!.publicKey))).toMatchObject({ ok: true });
    const opened = await openFinancialSchemeVote(database.db, ro, { closesAt: ballotCloses() });
    if (!opened.ok) throw new Error(opened.code);
    for (const id of ids) expect((await castBallot(database.db, { pollId: opened.pollId, userId: id, choice: "yes" })).ok).toBe(true);
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, opened.pollId));
    await closeDuePolls(database.db, dueOwners);
    expect(await statusOf(opened.pollId)).toMatchObject({ status: "decrypting", result: null });
    expect(await settleFinancialSchemeVote(database.db, ro)).toEqual({ ok: false, code: "decrypting" });
    expect((await financialSchemeState(database.db)).adopted).toBe(false);
    keys.scheme = schemeKeys;
    expect(await decryptBy(1, opened.pollId, "scheme")).toEqual({ ok: true, counted: false });
    expect(await decryptBy(0, opened.pollId, "scheme")).toEqual({ ok: true, counted: false, owner: "financial_scheme" });
    expect(await closeDuePolls(database.db, dueOwners)).toBeGreaterThanOrEqual(1);
    expect((await financialSchemeState(database.db)).adopted).toBe(true);
    expect(await verifyPoll(database.db, opened.pollId)).toMatchObject({ ok: true, ballots: 6 });
  }, 120_000);
});

describe("a constitution round held by the constitution's trustees", () => {
  let pollIds: string[] = [];

  it("does not open until every key of the constitution's trustees is in; then every question is theirs", async () => {
    await startDraft(database.db, systemActor(), { kind: "model" });
    const closesAt = new Date(Date.now() + 8 * 86_400_000);
    expect(await openRound(database.db, systemActor(), { closesAt })).toEqual({ ok: false, code: "trustee_keys_missing" });
    expect((await database.db.select().from(constitutionDrafts))[0]!.phase).not.toBe("voting");
    await giveKeys("constitution");
    const round = await openRound(database.db, systemActor(), { closesAt });
    if (!round.ok) throw new Error(round.code);
    const items = await roundItems(database.db, round.roundId);
    pollIds = items.map((i) => i.pollId);
    const [yesNoSet, rankedSet] = await scopeSets(database.db, "constitution");
    const questions = await database.db.select().from(polls).where(inArray(polls.id, pollIds));
    expect(questions.every((q) => q.trusteeSetId === yesNoSet!.setId && q.method === "yes-no")).toBe(true);
    // No question ranks, so the other key stays unused: it can still change.
    expect((await database.db.select().from(trusteeSets).where(eq(trusteeSets.id, rankedSet!.setId)))[0]!.usedAt).toBeNull();
    // Every founder votes yes to every clause, as the ballot page would send it.
    const clauses = [...new Set(items.map((i) => i.clauseId))];
    for (const id of ids)
      for (const clauseId of clauses) {
        const answers = items.filter((i) => i.clauseId === clauseId).map((i) => ({ pollId: i.pollId, choice: "yes" }));
        expect((await castClauseBallot(database.db, id, clauseId, answers)).ok).toBe(true);
      }
  }, 300_000);

  it("waits at the closing time for every question's decryption; the poll closer decides the round after the last", async () => {
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(inArray(polls.id, pollIds));
    await closeDuePolls(database.db, dueOwners);
    const waiting = await database.db
      .select()
      .from(polls)
      .where(and(inArray(polls.id, pollIds), eq(polls.status, "decrypting")));
    expect(waiting).toHaveLength(pollIds.length);
    expect(await closeRound(database.db, systemActor())).toEqual({ ok: false, code: "decrypting" });
    const [last, ...others] = pollIds;
    for (const id of others) {
      expect(await decryptBy(0, id, BELENIOS_2048.name)).toMatchObject({ ok: true });
      expect(await decryptBy(1, id, BELENIOS_2048.name)).toMatchObject({ ok: true, owner: "clause" });
    }
    // All but one decrypted: the round is not decided, whatever the closer does.
    await closeDuePolls(database.db, dueOwners);
    expect((await database.db.select().from(constitutionDrafts))[0]!.phase).toBe("voting");
    expect(await decryptBy(0, last!, BELENIOS_2048.name)).toMatchObject({ ok: true });
    expect(await decryptBy(1, last!, BELENIOS_2048.name)).toMatchObject({ ok: true, owner: "clause" });
    expect(await closeDuePolls(database.db, dueOwners)).toBeGreaterThanOrEqual(1);
    expect((await database.db.select().from(constitutionDrafts))[0]!.phase).toBe("closed");
    const counted = await database.db.select().from(polls).where(inArray(polls.id, pollIds));
    expect(counted.every((q) => q.status === "closed" && (q.result as { result: { passed: boolean } }).result.passed)).toBe(true);
    expect(await verifyPoll(database.db, last!)).toMatchObject({ ok: true, ballots: 6 });
    const record = await closedPollRecord(database.db, last!);
    checkRecord(record!.fileName, record!.bytes);
    // The movement went on as before: nothing here belongs to the campaign.
    expect((await database.db.select().from(movement))[0]!.phase).toBe("founding");
  }, 600_000);

  it("holds the adoption vote with the same key; the version is adopted only once it is decrypted", async () => {
    const opened = await openAdoptionVote(database.db, systemActor(), { closesAt: ballotCloses() });
    if (!opened.ok) throw new Error(opened.code);
    const [yesNoSet] = await scopeSets(database.db, "constitution");
    expect((await statusOf(opened.pollId)).trusteeSetId).toBe(yesNoSet!.setId);
    for (const id of ids) expect((await castBallot(database.db, { pollId: opened.pollId, userId: id, choice: "yes" })).ok).toBe(true);
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, opened.pollId));
    await closeDuePolls(database.db, dueOwners);
    expect(await settleAdoption(database.db, systemActor())).toEqual({ ok: false, code: "decrypting" });
    expect((await database.db.select().from(constitutionDrafts))[0]!.adoptedVersion).toBeNull();
    expect(await decryptBy(0, opened.pollId, BELENIOS_2048.name)).toMatchObject({ ok: true });
    expect(await decryptBy(1, opened.pollId, BELENIOS_2048.name)).toMatchObject({ ok: true, owner: "adoption" });
    expect(await closeDuePolls(database.db, dueOwners)).toBeGreaterThanOrEqual(1);
    expect((await database.db.select().from(constitutionDrafts))[0]!.adoptedVersion).toBe(1);
    const record = await closedPollRecord(database.db, opened.pollId);
    checkRecord(record!.fileName, record!.bytes);
  }, 300_000);
});
