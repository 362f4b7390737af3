import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openPglite, openPostgres, type Database } from "../../app/utils/db.server";
import { databaseUrlFor } from "../support/database-url";

/** Tables, columns, types, nullability, constraints, indexes and triggers: the schema's shape. */
async function schemaShape(database: Database): Promise<string[]> {
  const rows = await database.db.execute<{ line: string }>(sql`
    select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') as line
      from information_schema.columns where table_schema = 'public'
    union all
    select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      from pg_constraint where connamespace = 'public'::regnamespace and contype <> 'n'
    union all
    select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'
    union all
    select 'trigger ' || tgname || ' on ' || tgrelid::regclass::text from pg_trigger where not tgisinternal
  `);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { line: string }[] }).rows;
  return list.map((r) => r.line).sort();
}

describe("one set of migrations serves both drivers", () => {
  const serverUrl = process.env.TEST_DATABASE_URL;

  it("has a PostgreSQL server to compare with under CI", () => {
    // Only CI is guaranteed a server; there the comparison below must run, not be skipped.
    if (process.env.CI) expect(serverUrl, "CI must set TEST_DATABASE_URL").toBeTruthy();
  });

  it.runIf(serverUrl)(
    "builds the same schema on embedded PGlite and on the PostgreSQL server",
    async () => {
      if (!serverUrl) return;
      const lite = await openPglite(undefined);
      await lite.migrate();
      const liteShape = await schemaShape(lite);
      await lite.close();

      const name = `bk_migrations_${process.pid}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.unsafe(`create database "${name}"`);
      const server = openPostgres(databaseUrlFor(serverUrl, name), { max: 2 });
      try {
        await server.migrate();
        // Applying again is harmless: every server of a cluster migrates on start.
        await server.migrate();
        const serverShape = await schemaShape(server);
        expect(liteShape.length).toBeGreaterThan(40);
        expect(serverShape).toEqual(liteShape);
      } finally {
        await server.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
    120_000,
  );
});
