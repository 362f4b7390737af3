import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, systemActor, verifyAuditLog } from "../../app/modules/audit/audit.server";
import { GENESIS_HASH } from "../../app/modules/audit/chain";
import { openPglite } from "../../app/utils/db.server";
import { auditLog } from "../../db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 5; i += 1) {
    await database.db.transaction((tx) =>
      appendAudit(tx, { actor: systemActor("test"), action: "test.entry", subjectType: "thing", subjectId: String(i), details: { i, nested: { b: 2, a: 1 } } }),
    );
  }
});
afterAll(() => database.drop());

describe("audit log", () => {
  it("chains each entry to the one before", async () => {
    const rows = await database.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    expect(await verifyAuditLog(database.db)).toMatchObject({ ok: true, checked: 5 });
  });

  it("keeps a chain under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        database.db.transaction((tx) => appendAudit(tx, { actor: systemActor(), action: "test.parallel", subjectType: "thing", subjectId: `p${i}` })),
      ),
    );
    expect(await verifyAuditLog(database.db, 4)).toMatchObject({ ok: true, checked: 15 });
  });

  it("is refused by the database when changed or deleted", async () => {
    // drizzle wraps the database's error; the trigger's message is in its cause.
    const refusal = async (statement: ReturnType<typeof sql>) => {
      const error: unknown = await database.db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      return error instanceof Error ? `${error.message} ${String(error.cause)}` : "no error";
    };
    expect(await refusal(sql`update audit_log set action = 'x'`)).toMatch(/append-only: UPDATE/);
    expect(await refusal(sql`delete from audit_log`)).toMatch(/append-only: DELETE/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only: TRUNCATE/);
  });

  it("rolls back with the change it records", async () => {
    const before = await database.db.select().from(auditLog);
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: systemActor(), action: "test.doomed", subjectType: "thing", subjectId: "x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await database.db.select().from(auditLog)).length).toBe(before.length);
  });
});

describe("npm run audit:verify", () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), "breakaway-audit-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function runVerify() {
    return spawnSync("npx", ["tsx", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: folder },
      encoding: "utf8",
      timeout: 120_000,
    });
  }

  it("passes on an intact log and names the first broken entry of a tampered one", async () => {
    const db = await openPglite(folder);
    await db.migrate();
    for (let i = 0; i < 4; i += 1) {
      await db.db.transaction((tx) => appendAudit(tx, { actor: systemActor(), action: "test.entry", subjectType: "thing", subjectId: String(i) }));
    }
    await db.close();

    const intact = runVerify();
    expect(intact.stdout).toContain("Audit log intact: 4 entries checked");
    expect(intact.status).toBe(0);

    // Tampering as someone with full database rights would: around the trigger.
    const tamper = await openPglite(folder);
    const [third] = await tamper.db.select().from(auditLog).orderBy(asc(auditLog.id)).offset(2).limit(1);
    await tamper.db.execute(sql`alter table audit_log disable trigger user`);
    await tamper.db.execute(sql`update audit_log set actor_label = 'someone else' where id = ${third?.id}`);
    await tamper.db.execute(sql`alter table audit_log enable trigger user`);
    await tamper.close();

    const broken = runVerify();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`Audit log BROKEN at entry ${third?.id}`);
    expect(broken.stderr).toContain("has been changed");
  }, 180_000);

  it("detects a removed entry", async () => {
    const db = await openPglite(folder);
    const rows = await db.db.select().from(auditLog).orderBy(asc(auditLog.id));
    const second = rows[1];
    await db.db.execute(sql`alter table audit_log disable trigger user`);
    // Restore the tampered entry's text first, so only the removal is wrong.
    await db.db.execute(sql`update audit_log set actor_label = 'system' where actor_label = 'someone else'`);
    await db.db.execute(sql`delete from audit_log where id = ${second?.id}`);
    await db.db.execute(sql`alter table audit_log enable trigger user`);
    const result = await verifyAuditLog(db.db);
    await db.close();
    expect(result).toMatchObject({ ok: false, brokenEntryId: rows[2]?.id, problem: "prev_hash_mismatch" });
  }, 60_000);
});
