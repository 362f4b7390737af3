import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildCounts, campaignFigures } from "../../app/modules/pledges/counts.server";
import { verifyPoll } from "../../app/modules/polls/verification.server";
import { systemActor } from "../../app/modules/audit/audit.server";
import { createImportPreview, runImport } from "../../app/modules/pledges/import.server";
import { movement, pendingPledges, pledges, registrationPacks, sessions, users } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { movementInFoundingPhase } from "../support/founding-fixture";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await movementInFoundingPhase(database.db, [
    { name: "Dilys Dunmore", email: "dilys@example.org", relation: "member" },
    { name: "Emrys Everdene", email: "emrys@example.org", relation: "supporter" },
  ]);
  await database.db.transaction((tx) => rebuildCounts(tx));
});
afterAll(() => database.drop());

describe("a member's own data", () => {
  it("downloads everything held about them, and nothing about anyone else", async () => {
    const cookie = await cookieFor(database.db, "dilys@example.org");
    const res = await app.request("/account/data.json", { cookie });
    expect(res.headers.get("Content-Disposition")).toContain("attachment");
    const body = await res.text();
    const data = JSON.parse(body) as { account: { email: string }; pledges: { name: string; membershipNumber: string }[]; pollsVotedIn: unknown[] };
    expect(data.account.email).toBe("dilys@example.org");
    expect(data.pledges[0]).toMatchObject({ name: "Dilys Dunmore", membershipNumber: "OLD-1000" });
    expect(data.pollsVotedIn).toHaveLength(1);
    expect(body).not.toContain("Emrys");
    expect((await app.request("/account/data.json")).status).toBe(302);
  });

  it("removes their personal data on request and keeps counts and ballots intact", async () => {
    const before = await campaignFigures(database.db);
    const [m] = await database.db.select().from(movement);
    const cookie = await cookieFor(database.db, "dilys@example.org");
    // A registration pack stored for the app servers prints names and emails: it goes too.
    const pdf = new TextEncoder().encode("%PDF Dilys Dunmore dilys@example.org");
    await database.db.insert(registrationPacks).values({ key: "pack:test", state: "ready", claim: crypto.randomUUID(), pdf, zip: pdf });
    // So does a pledge made with their address and waiting for confirmation.
    const [own] = await database.db.select().from(pledges).where(eq(pledges.email, "dilys@example.org"));
    await database.db.insert(pendingPledges).values({
      pledgeId: own!.id,
      name: "Dilys Waiting",
      postcode: "EH1 1YZ",
      region: "Scotland",
      relation: "member",
      consentContact: false,
      consentDataUse: true,
      consentVersion: "test",
      confirmTokenHash: "c",
      withdrawTokenHash: "w",
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const unconfirmed = await app.request("/account", { form: { intent: "erase" }, cookie });
    expect(unconfirmed.status).toBe(400);
    const erased = await app.request("/account", { form: { intent: "erase", confirmErase: "yes" }, cookie });
    expect(erased.status).toBe(302);

    const all = JSON.stringify([await database.db.select().from(users), await database.db.select().from(pledges)]);
    expect(all).not.toContain("Dilys");
    expect(all).not.toContain("dilys@example.org");
    expect(all).not.toContain("OLD-1000");
    expect(await database.db.select().from(pendingPledges)).toHaveLength(0);
    expect(await database.db.select().from(sessions)).toHaveLength(0);
    expect(await database.db.select().from(registrationPacks)).toHaveLength(0);
    expect((await app.request("/account", { cookie })).status).toBe(302);

    expect(await campaignFigures(database.db)).toEqual(before);
    await database.db.transaction((tx) => rebuildCounts(tx));
    expect(await campaignFigures(database.db)).toEqual(before);
    expect(await verifyPoll(database.db, m!.decisionPollId!)).toMatchObject({ ok: true, ballots: 2, voted: 2 });
    const [pledge] = await database.db.select().from(pledges).where(eq(pledges.region, "Scotland")).limit(1);
    expect(pledge?.region).toBe("Scotland");
  });

  it("is not brought back by a later import of an old sign-up file", async () => {
    const file =
      "name,email,postcode,relation,data consent\nDilys Dunmore,dilys@example.org,EH1 1YZ,member,yes\nNew Person,new.person@example.org,EH2 2AA,supporter,yes\n";
    const preview = await createImportPreview(database.db, systemActor(), { fileName: "old.csv", fileText: file });
    if (!preview.ok) throw new Error(preview.code);
    const result = await runImport(database.db, systemActor(), preview.importId, preview.preview.mapping, true);
    expect(result.ok).toBe(true);
    const emails = (await database.db.select({ email: pledges.email }).from(pledges)).map((p) => p.email);
    expect(emails).toContain("new.person@example.org");
    expect(emails).not.toContain("dilys@example.org");
  });
});
