import { stringify } from "csv-stringify/sync";
import { asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../app/modules/audit/audit.server";
import { EXPORT_CHUNK_ROWS, exportRecord } from "../../app/modules/pledges/export.server";
import { exportHeaders } from "../../app/modules/pledges/import-messages";
import { grantRole } from "../../app/modules/users/users.server";
import { auditLog, pledges } from "../../db/schema";
import { cookieFor, createTestApp } from "../support/app-harness";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
let organiser = "";
const ROWS = 2 * EXPORT_CHUNK_ROWS + 321;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await createTestApp(database.db);
  await grantRole(database.db, { email: "organiser@example.org", role: "organiser", actor: systemActor() });
  organiser = await cookieFor(database.db, "organiser@example.org");
  // Many pledges made in the same millisecond, some apart by microseconds only, some at the very
  // same instant (ordered by id): a piece must start exactly after the last row of the one before.
  await database.db.execute(sql`
    insert into pledges (name, email, postcode, region, relation, membership_number, monthly_subscription_pence,
                         consent_contact, consent_data_use, consent_version, created_at, confirmed_at, withdrawn_at, erased_at)
    select case when i % 97 = 0 then '=Sum ' || i else 'Person ' || i end,
           'person' || i || '@example.org', 'SW1A 1AA', 'London',
           (array['member','former_member','supporter'])[1 + i % 3],
           case when i % 5 = 0 then null else 'M' || i end,
           case when i % 4 = 0 then null else i % 3000 end,
           i % 2 = 0, true, 'pledge-2026-11',
           timestamptz '2026-07-01 09:00:00+00' + ((i / 7) * interval '1 microsecond'),
           case when i % 3 = 0 then timestamptz '2026-07-02 10:00:00.5+00' end,
           case when i % 11 = 0 then timestamptz '2026-07-03 10:00:00+00' end,
           case when i % 50 = 0 then now() end
      from generate_series(1, ${ROWS}) as i`);
});
afterAll(() => database.drop());

/** The export as it was made before it was streamed: one query, one string. */
async function wholeFileAsBefore(): Promise<string> {
  const rows = await database.db.select().from(pledges).where(isNull(pledges.erasedAt)).orderBy(asc(pledges.createdAt), asc(pledges.id));
  return "\uFEFF" + stringify([[...exportHeaders], ...rows.map(exportRecord)]);
}

describe("pledge export, streamed", () => {
  it("sends the same bytes as the whole file made at once, in more than one piece, and records the rows held", async () => {
    const expected = await wholeFileAsBefore();
    const held = expected.trim().split("\n").length - 1;
    expect(held).toBeGreaterThan(2 * EXPORT_CHUNK_ROWS);

    const res = await app.request("/campaign/export.csv", { cookie: organiser });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const pieces: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pieces.push(value);
    }
    expect(pieces.length).toBeGreaterThan(1);
    const bytes = Buffer.concat(pieces);
    expect(bytes.equals(Buffer.from(expected, "utf8"))).toBe(true);

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "pledges.exported"));
    expect(audit?.details).toEqual({ rows: held });
  });
});
