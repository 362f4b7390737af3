import { eq, sql } from "drizzle-orm";
import { rowsOf, type Db, type Tx } from "~/utils/db.server";
import { constitutionVersions } from "../../../db/schema";

/**
 * Lets time pass in the demo's story: every stored moment moves into the past by `ms`, as if the
 * demo had been built that long ago. The seed builds each step of the road at the real time with
 * the real domain functions (which check deadlines and periods against the clock), then lets the
 * story's time pass before the next step, so that a ballot closes at its closing time and the
 * dates people read agree with today (decision 035).
 *
 * The audit log is left as it is: its times are hashed into its chain, and it truly records
 * when the demo was built. An adopted constitution is a record the database refuses to change;
 * the seed, which built it moments ago on a database that was empty, moves its dates (column and
 * adoption record) with the others, its guard switched off only inside this transaction. Dates
 * without a time (the leaving day, daily pledge counts) are worked out by the caller.
 */
export async function letTimePass(db: Db, ms: number): Promise<void> {
  const seconds = Math.round(ms / 1000);
  if (!Number.isSafeInteger(seconds) || seconds <= 0) throw new Error(`time only moves forward (${ms} ms)`);
  const rows = rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
    select table_name, column_name from information_schema.columns
     where table_schema = current_schema() and data_type = 'timestamp with time zone' and table_name not in ('audit_log', 'constitution_versions')
     order by table_name, column_name`),
  );
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  const interval = sql.raw(`interval '${seconds} seconds'`);
  await db.transaction(async (tx) => {
    for (const [table, names] of byTable) {
      const sets = sql.join(
        names.map((c) => sql`${sql.identifier(c)} = ${sql.identifier(c)} - ${interval}`),
        sql`, `,
      );
      await tx.execute(sql`update ${sql.identifier(table)} set ${sets}`);
    }
    await shiftAdoptionRecords(tx, seconds * 1000);
  });
}

/** The adopted versions' dates, in their column and in the adoption record they carry. */
async function shiftAdoptionRecords(tx: Tx, ms: number) {
  const versions = await tx.select().from(constitutionVersions);
  if (versions.length === 0) return;
  const earlier = (iso: unknown) => (typeof iso === "string" ? new Date(new Date(iso).getTime() - ms).toISOString() : iso);
  await tx.execute(sql`alter table constitution_versions disable trigger constitution_versions_no_update_or_delete`);
  for (const v of versions) {
    const record = { ...(v.record as unknown as Record<string, unknown>) };
    record.adoptedAt = earlier(record.adoptedAt);
    if (Array.isArray(record.rounds)) {
      record.rounds = (record.rounds as Record<string, unknown>[]).map((r) => ({ ...r, openedAt: earlier(r.openedAt), closedAt: earlier(r.closedAt) }));
    }
    await tx
      .update(constitutionVersions)
      .set({ adoptedAt: new Date(v.adoptedAt.getTime() - ms), record: record as unknown as typeof v.record })
      .where(eq(constitutionVersions.number, v.number));
  }
  await tx.execute(sql`alter table constitution_versions enable trigger constitution_versions_no_update_or_delete`);
}
