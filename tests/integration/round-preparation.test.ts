import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { BELENIOS_2048, RFC_3526_2048 } from "../../app/modules/belenios/group";
import { serializeTrusteePublicKey } from "../../app/modules/belenios/serialize";
import { generateTrusteeKey } from "../../app/modules/belenios/trustee";
import { startDraft } from "../../app/modules/constitution/drafting.server";
import { prepareInBackground, ROUND_CREDENTIALS_AT_ONCE } from "../../app/modules/constitution/round-preparation";
import { prepareRounds, roundPreparation } from "../../app/modules/constitution/round-preparation.server";
import { castClauseBallot, closeRound, openRound, roundItems } from "../../app/modules/constitution/round.server";
import { electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { nameScopeTrustees, scopeSets } from "../../app/modules/polls/encrypted/scope-trustees.server";
import { giveSetKey } from "../../app/modules/polls/encrypted/trustee-sets.server";
import { auditLog, pollElections, polls, votingRounds } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { foundingMembersReady } from "../support/constitution-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Decision 049: a large constitution round is not made inside the organiser's request. Its
 * questions are created as drafts on the frozen roll; a background job gives each its election
 * (a credential per member) and then opens them all at once. Meanwhile nobody can vote or close
 * it, and the voting page shows how far it has got. Two servers running the job at once store
 * one election per question and open the round once. Trustees named for the constitution hold
 * every question's key all the same.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let ids: string[] = [];
let emails: string[] = [];
let roundId = "";
let pollIds: string[] = [];
let clauseId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  ({ ids, emails } = await foundingMembersReady(database.db, 4));
  app = await createTestApp(database.db);
  // One trustee holds the constitution's keys.
  const named = await database.db.transaction((tx) =>
    nameScopeTrustees(tx, systemActor(), "constitution", [BELENIOS_2048.name, RFC_3526_2048.name], { userIds: [ids[3]!] }),
  );
  expect(named.ok).toBe(true);
  const [yesNo, ranked] = await scopeSets(database.db, "constitution");
  const who = { id: ids[3]!, label: emails[3]! };
  expect(await giveSetKey(database.db, who, yesNo!.setId, serializeTrusteePublicKey(generateTrusteeKey(BELENIOS_2048).publicKey))).toMatchObject({ ok: true });
  expect(await giveSetKey(database.db, who, ranked!.setId, serializeTrusteePublicKey(generateTrusteeKey(RFC_3526_2048).publicKey))).toMatchObject({ ok: true });
  await startDraft(database.db, systemActor(), { kind: "model" });
}, 120_000);
afterAll(() => database.drop());

describe("which rounds are prepared in the background", () => {
  it("only those with more credentials to derive than a request should wait for", () => {
    expect(prepareInBackground(60, 100)).toBe(false);
    expect(prepareInBackground(60, Math.ceil(ROUND_CREDENTIALS_AT_ONCE / 60) + 1)).toBe(true);
    expect(prepareInBackground(204, 10_000)).toBe(true);
  });
});

describe("a round prepared in the background", () => {
  it("is created with its questions as drafts on the frozen roll, without their elections", async () => {
    const opened = await openRound(database.db, systemActor(), { closesAt: new Date(Date.now() + 8 * 86_400_000), inBackground: true });
    if (!opened.ok) throw new Error(opened.code);
    expect(opened.preparing).toBe(true);
    roundId = opened.roundId;
    const items = await roundItems(database.db, roundId);
    pollIds = items.map((i) => i.pollId);
    clauseId = items[0]!.clauseId;
    const questions = await database.db.select().from(polls).where(inArray(polls.id, pollIds));
    expect(questions.every((q) => q.status === "draft" && q.openedAt === null && q.rollSize === 4)).toBe(true);
    expect(await database.db.select().from(pollElections).where(inArray(pollElections.pollId, pollIds))).toEqual([]);
    expect(await roundPreparation(database.db, roundId)).toEqual({ ready: 0, total: pollIds.length });
  });

  it("takes no ballot and cannot be closed meanwhile; the pages say it opens soon", async () => {
    const answers = (await roundItems(database.db, roundId, clauseId)).map((i) => ({ pollId: i.pollId, choice: "yes" }));
    expect(await castClauseBallot(database.db, ids[0]!, clauseId, answers)).toEqual({ ok: false, code: "preparing" });
    expect(await closeRound(database.db, systemActor(), { reason: "Test: closing early." })).toEqual({ ok: false, code: "preparing" });
    const founder = await cookieFor(database.db, emails[0]!);
    const page = await html(await app.request("/constitution/vote", { cookie: founder }));
    expect(page).toContain("round 1 opens soon");
    expect(page).toContain(`0 of ${pollIds.length} questions ready.`);
    expect(page).not.toContain("Start voting");
    const ballot = await app.request(`/constitution/vote/${clauseId}`, { cookie: founder });
    expect(ballot.status).toBe(302);
    expect(ballot.headers.get("Location")).toBe("/constitution/vote");
  });

  it("is made ready by the background job, run by two servers at once: one election per question, opened once", async () => {
    const [first, second] = await Promise.all([prepareRounds(database.db), prepareRounds(database.db)]);
    expect(first + second).toBe(1);
    expect(await prepareRounds(database.db)).toBe(0);
    const elections = await database.db
      .select({ pollId: pollElections.pollId, trusteeKind: pollElections.trusteeKind })
      .from(pollElections)
      .where(inArray(pollElections.pollId, pollIds));
    expect(elections).toHaveLength(pollIds.length);
    // The constitution's trustee holds every question's key, not the server.
    expect(elections.every((e) => e.trusteeKind === "members")).toBe(true);
    const questions = await database.db.select().from(polls).where(inArray(polls.id, pollIds));
    expect(questions.every((q) => q.status === "open" && q.openedAt !== null)).toBe(true);
    expect((await database.db.select().from(votingRounds).where(eq(votingRounds.id, roundId)))[0]!.preparing).toBe(false);
    expect(
      await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "constitution.round_ready"))),
    ).toHaveLength(1);
    // Each question's election is on the frozen roll: one public credential per member.
    const election = await electionOf(database.db, pollIds[0]!);
    expect(JSON.parse(election!.credentialsRaw)).toHaveLength(4);
  }, 120_000);

  it("then takes ballots as any round does", async () => {
    const answers = (await roundItems(database.db, roundId, clauseId)).map((i) => ({ pollId: i.pollId, choice: "yes" }));
    expect(await castClauseBallot(database.db, ids[0]!, clauseId, answers)).toMatchObject({ ok: true });
    expect(await html(await app.request("/constitution/vote", { cookie: await cookieFor(database.db, emails[1]!) }))).toContain("Start voting");
  });
});
