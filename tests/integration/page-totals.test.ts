import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { countFoundingFigures, foundingFigures } from "../../app/modules/founding/totals.server";
import { createImportPreview, runImport } from "../../app/modules/pledges/import.server";
import { countPledgeTotals, pledgeTotalsNow } from "../../app/modules/pledges/totals.server";
import { eraseAccount } from "../../app/modules/users/personal-data.server";
import { grantRole } from "../../app/modules/users/users.server";
import { foundingMembers, pledges, users } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
const actor = { id: null, label: "test organiser" };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** The running totals the pages read must equal the same figures counted afresh. */
async function expectTotalsTrue(when: string) {
  expect(await pledgeTotalsNow(database.db), when).toEqual(await countPledgeTotals(database.db));
  expect(await foundingFigures(database.db), when).toEqual(await countFoundingFigures(database.db));
}

async function importFile(fileName: string, text: string, alreadyConfirmed: boolean) {
  const preview = await createImportPreview(database.db, actor, { fileName, fileText: text });
  if (!preview.ok) throw new Error(preview.code);
  const result = await runImport(database.db, actor, preview.importId, preview.preview.mapping, alreadyConfirmed);
  if (!result.ok) throw new Error(result.code);
  return result;
}

const pledgeRow = (i: number, relation: "member" | "former_member" | "supporter" = "member") => ({
  name: `Person ${i}`,
  email: `person${i}@example.org`,
  postcode: "SW1A 1AA",
  region: i % 2 ? "London" : "Wales",
  relation,
  consentContact: true,
  consentDataUse: true,
  consentVersion: "pledge-2026-11",
  confirmTokenHash: `confirm-${i}`,
  withdrawTokenHash: `withdraw-${i}`,
});

describe("running totals for pages", () => {
  it("stay equal to a fresh count through pledges, confirmations, withdrawals, imports, founding and erasure", async () => {
    await expectTotalsTrue("empty");

    // Pledges made one by one and in bulk, then confirmed and withdrawn as the pledge pages do.
    for (let i = 1; i <= 3; i++) await database.db.insert(pledges).values(pledgeRow(i));
    await database.db.insert(pledges).values(Array.from({ length: 40 }, (_, k) => pledgeRow(100 + k, k % 3 ? "supporter" : "former_member")));
    await expectTotalsTrue("after pledges");
    await database.db
      .update(pledges)
      .set({ confirmedAt: new Date(), confirmTokenHash: null })
      .where(inArray(pledges.email, ["person1@example.org", "person2@example.org"]));
    await database.db
      .update(pledges)
      .set({ confirmedAt: new Date(), confirmTokenHash: null })
      .where(sql`${pledges.email} like 'person1__@example.org'`);
    await expectTotalsTrue("after confirmations");
    await database.db
      .update(pledges)
      .set({ withdrawnAt: new Date(), confirmTokenHash: null })
      .where(inArray(pledges.email, ["person2@example.org", "person3@example.org"]));
    // Pledged again after withdrawing: confirmed again, not withdrawn.
    await database.db.update(pledges).set({ withdrawnAt: null, confirmedAt: new Date() }).where(eq(pledges.email, "person3@example.org"));
    await expectTotalsTrue("after withdrawals");

    // Imports: new people without a confirmation link, people already held merged.
    const header = "Full name,Email,Postcode,Membership status,Monthly subscription,Consent to contact,Privacy consent\n";
    const lines = Array.from({ length: 30 }, (_, k) => `Imported ${k},imported${k}@example.org,CF10 1AA,member,5.00,yes,yes`).join("\n");
    await importFile("a.csv", `${header}${lines}\nPerson 1,person1@example.org,SW1A 1AA,former member,3.00,yes,yes\n`, false);
    await importFile("b.csv", `${header}Confirmed Import,confirmed-import@example.org,EH1 1AA,supporter,,yes,yes\n`, true);
    await expectTotalsTrue("after imports");
    expect((await pledgeTotalsNow(database.db)).awaitingLink).toBeGreaterThan(0);

    // The founding roll: invited, accepted, must resign, resigned, left, invitation withdrawn.
    const founders = await database.db
      .select({ id: pledges.id, email: pledges.email })
      .from(pledges)
      .where(sql`${pledges.confirmedAt} is not null and ${pledges.withdrawnAt} is null`);
    for (const f of founders) await grantRole(database.db, { email: f.email, role: "member", actor: systemActor() });
    const accounts = await database.db.select({ id: users.id, email: users.email }).from(users);
    const accountOf = new Map(accounts.map((a) => [a.email, a.id]));
    await database.db
      .insert(foundingMembers)
      .values(founders.map((f) => ({ userId: accountOf.get(f.email)!, pledgeId: f.id, mustResign: f.email.endsWith("1@example.org") })));
    await expectTotalsTrue("after invitations");
    const ids = founders.map((f) => accountOf.get(f.email)!);
    await database.db
      .update(foundingMembers)
      .set({ acceptedAt: new Date() })
      .where(inArray(foundingMembers.userId, ids.slice(0, -2)));
    await database.db.update(foundingMembers).set({ resignedAt: new Date() }).where(eq(foundingMembers.mustResign, true));
    await database.db.update(foundingMembers).set({ leftAt: new Date() }).where(eq(foundingMembers.userId, ids[0]!));
    await database.db
      .update(foundingMembers)
      .set({ withdrawnAt: new Date(), withdrawalReason: "sent in error" })
      .where(eq(foundingMembers.userId, ids[ids.length - 1]!));
    await expectTotalsTrue("after the founding roll moved");
    // A founding member's pledge changes region and relation (pledged again with new details).
    await database.db.update(pledges).set({ region: "Scotland", relation: "supporter" }).where(eq(pledges.id, founders[1]!.id));
    await expectTotalsTrue("after a founding member's pledge changed");
    expect((await foundingFigures(database.db)).byRegion.map((r) => r.region)).toContain("Scotland");

    // Erasure: the pledge is blanked (no longer held), the founding member leaves the roll.
    const erased = await eraseAccount(database.db, ids[2]!);
    expect(erased.ok).toBe(true);
    await expectTotalsTrue("after an erasure");
    // An account deleted outright takes its founding membership with it.
    await database.db.delete(users).where(eq(users.id, ids[3]!));
    await expectTotalsTrue("after an account was deleted");
  });
});
