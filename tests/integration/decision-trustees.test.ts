import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
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
import { nameDecisionTrustees } from "../../app/modules/campaign/decision-trustees.server";
import { openDecisionBallot, settleDecision } from "../../app/modules/campaign/decision.server";
import { dueOwners } from "../../app/modules/road/poll-owners.server";
import { closedPollRecord, electionOf } from "../../app/modules/polls/encrypted/poll-elections.server";
import { ciphertextsToShuffle, decryptableTally, trusteeProgressOf, trusteesOf } from "../../app/modules/polls/encrypted/poll-trustees.server";
import { scopeSets } from "../../app/modules/polls/encrypted/scope-trustees.server";
import { certificatesFile, vinputFile } from "../../app/modules/polls/encrypted/threshold-ceremony.server";
import { giveSetKey, setMembersOf } from "../../app/modules/polls/encrypted/trustee-sets.server";
import { castBallot } from "../../app/modules/polls/casting.server";
import { closeDuePolls } from "../../app/modules/polls/closer.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { submitTrusteeShare } from "../../app/modules/polls/trustee-count.server";
import { movement, pledges, polls, trusteeSets, users } from "../../db/schema";
import { cookieFor, createTestApp, html } from "../support/app-harness";
import { beleniosVerify, hasBeleniosTool } from "../support/belenios-tool";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Issue 17, item 1 (decision 048): the members' decision is held by trustees the organisers name
 * during the campaign, not by the server. The ballot does not open until their key is made; at its
 * closing time voting stops and the decision waits for them; once two of the three have shuffled
 * and decrypted, the poll closer records the decision, and belenios-tool accepts the record.
 * The organiser's page names them without JavaScript, with GOV.UK errors.
 */
let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiserCookie = "";
const trusteeEmails = ["ada@example.org", "bea@example.org", "cai@example.org"];
let trusteeIds: string[] = [];
const G = RFC_3526_2048;
const seeds = trusteeEmails.map(() => thresholdStep1(G));
const dkeys: string[] = [];
const actor = { id: null, label: "organiser@example.org" };
const trustee = (t: number) => ({ id: trusteeIds[t]!, label: trusteeEmails[t]! });
const post = (form: Record<string, string>) => app.request("/campaign/manage", { form, cookie: organiserCookie });

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.insert(movement).values({ name: "Test Movement", partyName: "the Old Party", statement: "", deadline: new Date(Date.now() - 3600_000) });
  await database.db
    .insert(users)
    .values([
      { email: "organiser@example.org", displayName: "Olive Organiser", role: "organiser" },
      ...trusteeEmails.map((email, i) => ({ email, displayName: `Trustee ${i + 1}` })),
    ]);
  trusteeIds = [];
  for (const email of trusteeEmails) trusteeIds.push((await database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id);
  await database.db.insert(pledges).values(
    Array.from({ length: 6 }, (_, i) => ({
      name: `Pledger ${i + 1}`,
      email: `pledger${i + 1}@example.org`,
      postcode: "EH1 1YZ",
      region: "Scotland",
      relation: "member" as const,
      membershipNumber: `OLD-${1000 + i}`,
      consentContact: true,
      consentDataUse: true,
      consentVersion: "test",
      confirmedAt: new Date(Date.now() - 86_400_000),
    })),
  );
  app = await createTestApp(database.db);
  organiserCookie = await cookieFor(database.db, "organiser@example.org");
}, 60_000);
afterAll(() => database.drop());

const certsOf = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => signedMsgOf(JSON.parse(l), "cert"));

async function progressOf(pollId: string) {
  const pollElection = await electionOf(database.db, pollId);
  return (await trusteeProgressOf(database.db, pollId, pollElection!.election))!;
}

async function decisionPollId(): Promise<string> {
  return (await database.db.select().from(movement))[0]!.decisionPollId!;
}

describe("the organiser's page names the decision's trustees, without JavaScript", () => {
  it("says the server holds the key until trustees are named", async () => {
    const page = await html(await app.request("/campaign/manage", { cookie: organiserCookie }));
    expect(page).toContain("No trustees are named: the server holds the key of the members&#x27; decision ballot");
    expect(page).toContain("Trustees&#x27; email addresses");
  });

  it("refuses an address nobody has, and a threshold out of range, with the fields kept and linked from the summary", async () => {
    const unknown = await post({ intent: "trustees", trustees: "ada@example.org\nnobody@example.org", trusteeThreshold: "" });
    expect(unknown.status).toBe(400);
    const page = await html(unknown);
    expect(page).toContain("There is a problem");
    expect(page).toContain('href="#trustees"');
    expect(page).toContain("nobody@example.org");
    const range = await post({ intent: "trustees", trustees: trusteeEmails.join("\n"), trusteeThreshold: "4" });
    expect(range.status).toBe(400);
    expect(await html(range)).toContain('href="#trusteeThreshold"');
    expect(await scopeSets(database.db, "decision")).toEqual([]);
  });

  it("names three trustees, any two decrypting; the decision ballot does not open until their key is made", async () => {
    const named = await post({ intent: "trustees", trustees: trusteeEmails.join("\n"), trusteeThreshold: "" });
    expect(named.status).toBe(200);
    const page = await html(named);
    expect(page).toContain("3 trustees are named");
    expect(page).toContain("any 2 of them together can decrypt the result");
    const sets = await scopeSets(database.db, "decision");
    expect(sets).toEqual([{ groupName: "RFC-3526-2048", setId: expect.any(String) }]);
    expect(await openDecisionBallot(database.db, actor, { closesAt: new Date(Date.now() + 3600_000), appUrl: "http://localhost" })).toEqual({
      ok: false,
      code: "trustee_keys_missing",
    });
    // Nothing opened: still the campaign, no poll, no accounts made for the pledgers.
    const [m] = await database.db.select().from(movement);
    expect(m).toMatchObject({ phase: "campaign", decisionPollId: null });
    expect(await database.db.select().from(polls)).toEqual([]);
    const refused = await post({ intent: "open-decision", closesAt: "2099-01-01T12:00" });
    expect(refused.status).toBe(409);
    expect(await html(refused)).toContain("cannot open until every trustee named for it has made their key");
  });

  it("names them again: the old set, never used, goes", async () => {
    const before = (await scopeSets(database.db, "decision"))[0]!.setId;
    expect(await nameDecisionTrustees(database.db, actor, { userIds: trusteeIds })).toEqual({ ok: true, trustees: 3, threshold: 2 });
    const after = (await scopeSets(database.db, "decision"))[0]!.setId;
    expect(after).not.toBe(before);
    expect(await database.db.select().from(trusteeSets).where(eq(trusteeSets.id, before))).toEqual([]);
  });
});

describe("the members' decision held by three trustees, any two decrypting", () => {
  let setId = "";

  it("takes the ceremony's three steps from each trustee; the trustee's page says what the key is for", async () => {
    setId = (await scopeSets(database.db, "decision"))[0]!.setId;
    const trusteePage = await html(await app.request(`/trustees/${setId}`, { cookie: await cookieFor(database.db, trusteeEmails[0]!) }));
    expect(trusteePage).toContain("You are trustee 1 of 3 for the members&#x27; decision ballot");
    for (const [t] of trusteeEmails.entries())
      expect(await giveSetKey(database.db, trustee(t), setId, serializeSignedMsg(seeds[t]!.cert))).toMatchObject({ ok: true, step: "certificate" });
    const certs = certificatesFile(await setMembersOf(database.db, setId))!;
    for (const [t] of trusteeEmails.entries())
      expect(await giveSetKey(database.db, trustee(t), setId, serializePolynomial(thresholdStep3(G, certsOf(certs), seeds[t]!.seed, 2)))).toMatchObject({
        ok: true,
        step: "polynomial",
      });
    for (const [t] of trusteeEmails.entries()) {
      const vinput = vinputFile(G, await setMembersOf(database.db, setId), t + 1)!;
      const voutput = thresholdStep5(G, certsOf(certs), seeds[t]!.seed, parseVInput(vinput.trim()));
      dkeys.push(voutput.privateKey);
      expect(await giveSetKey(database.db, trustee(t), setId, serializeVOutput(voutput))).toMatchObject({ ok: true, step: "key_share" });
    }
    expect(await html(await app.request("/campaign/manage", { cookie: organiserCookie }))).toContain("Their key is made. The decision ballot can open.");
  }, 120_000);

  it("opens the decision ballot with their key; the trustees can no longer change", async () => {
    const opened = await openDecisionBallot(database.db, actor, { closesAt: new Date(Date.now() + 3600_000), appUrl: "http://localhost" });
    expect(opened).toMatchObject({ ok: true, rollSize: 6 });
    const pollId = await decisionPollId();
    expect((await trusteesOf(database.db, pollId)).map((t) => t.userId)).toEqual(trusteeIds);
    expect((await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]).toMatchObject({ trusteeThreshold: 2, trusteeSetId: setId });
    expect(JSON.parse((await electionOf(database.db, pollId))!.trusteesRaw).map((t: [string]) => t[0])).toEqual(["Pedersen"]);
    expect(await nameDecisionTrustees(database.db, actor, { userIds: [] })).toEqual({ ok: false, code: "decision_opened" });
    const page = await html(await app.request("/campaign/manage", { cookie: organiserCookie }));
    expect(page).toContain("Their key holds the members&#x27; decision ballot.");
    expect(page).not.toContain("Name the trustees");
  }, 120_000);

  it("stops voting at the closing time, waits for the trustees, then the poll closer records the decision", async () => {
    const pollId = await decisionPollId();
    const voters = await database.db.select({ userId: pledges.userId }).from(pledges);
    // Four rank "found a new party" first, two "stay".
    for (const [i, v] of voters.entries()) expect((await castBallot(database.db, { pollId, userId: v.userId!, ranking: i < 4 ? [2, 1] : [0] })).ok).toBe(true);
    await database.db
      .update(polls)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(polls.id, pollId));
    await closeDuePolls(database.db, dueOwners);
    expect((await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]).toMatchObject({ status: "decrypting", result: null });
    expect((await database.db.select().from(movement))[0]!.phase).toBe("decision");
    expect(await settleDecision(database.db, systemActor())).toEqual({ ok: false, code: "decrypting" });
    const page = await html(await app.request("/campaign/manage", { cookie: organiserCookie }));
    expect(page).toContain("The ballots are waiting for the trustees to decrypt them");
    expect(page).not.toContain("Record the members&#x27; decision");

    for (const t of [0, 2]) {
      const progress = await progressOf(pollId);
      expect(
        await submitTrusteeShare(
          database.db,
          trustee(t),
          pollId,
          "shuffle",
          serializeShuffle(shuffleTally(progress.election, ciphertextsToShuffle(progress))),
          progress.shuffles.length,
        ),
      ).toEqual({ ok: true, counted: false });
    }
    for (const t of [0, 2]) {
      const progress = await progressOf(pollId);
      const x = openDecryptionKey(G, seeds[t]!.seed, dkeys[t]!);
      const share = serializePartialDecryption(computePartialDecryption(progress.election, decryptableTally(progress), x));
      expect(await submitTrusteeShare(database.db, trustee(t), pollId, "decryption", share)).toEqual(
        t === 0 ? { ok: true, counted: false } : { ok: true, counted: false, owner: "decision" },
      );
    }
    // Decrypted but not yet counted: the poll closer calls the owner, which counts and records.
    expect((await database.db.select().from(movement))[0]!.phase).toBe("decision");
    expect(await closeDuePolls(database.db, dueOwners)).toBeGreaterThanOrEqual(1);
    expect((await database.db.select().from(movement))[0]!.phase).toBe("founding");
    expect((await database.db.select().from(polls).where(eq(polls.id, pollId)))[0]!.status).toBe("closed");
    expect(await verifyPoll(database.db, pollId)).toMatchObject({ ok: true, ballots: 6 });
    if (hasBeleniosTool) {
      const record = await closedPollRecord(database.db, pollId);
      const tool = beleniosVerify(record!.fileName, record!.bytes);
      expect(tool.status, tool.output).toBe(0);
    }
  }, 300_000);
});
