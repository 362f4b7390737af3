import { stringify } from "csv-stringify/sync";
import { and, asc, count, isNull, sql } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { formatLondon } from "~/utils/london-time";
import { pledges } from "../../../db/schema";
import { csvSafe, csvPounds } from "./csv-writing";
import { exportHeaders, relationExportLabels, yesNo } from "./import-messages";

/** Rows read per query. */
export const EXPORT_CHUNK_ROWS = 2000;
/**
 * Rows written per piece sent: a piece of 500 takes the server's thread about 4 ms to write (and
 * up to 20 ms before the code is warm), so other requests never wait long between pieces.
 */
const PIECE_ROWS = 500;
const BOM = "\uFEFF";

/** What a row of the export is made from. */
type ExportedPledge = Pick<
  typeof pledges.$inferSelect,
  | "name"
  | "email"
  | "postcode"
  | "region"
  | "relation"
  | "membershipNumber"
  | "monthlySubscriptionPence"
  | "consentContact"
  | "consentDataUse"
  | "consentVersion"
  | "createdAt"
  | "confirmedAt"
  | "withdrawnAt"
>;

/** One pledge as a row of the export, in the columns the import reads back. */
export function exportRecord(p: ExportedPledge): string[] {
  return [
    csvSafe(p.name),
    csvSafe(p.email),
    csvSafe(p.postcode),
    p.region,
    relationExportLabels[p.relation],
    csvSafe(p.membershipNumber ?? ""),
    csvPounds(p.monthlySubscriptionPence),
    yesNo(p.consentContact),
    yesNo(p.consentDataUse),
    csvSafe(p.consentVersion),
    formatLondon(p.createdAt),
    p.confirmedAt ? formatLondon(p.confirmedAt) : "",
    p.withdrawnAt ? formatLondon(p.withdrawnAt) : "",
  ];
}

/** How many rows the export holds now: every pledge not erased. */
export async function exportRowCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(pledges).where(isNull(pledges.erasedAt));
  return row?.n ?? 0;
}

/**
 * Every pledge we hold as CSV, in the columns our import reads back, oldest first. Erased pledges
 * are left out: those people asked us to forget them. The export is recorded (row count only)
 * before the first byte goes. The rows are then read a piece at a time, each piece after the last
 * one's (created, id), each in a query of its own: no transaction is held open while a slow
 * client downloads, and someone erased while the file is being sent is left out if not yet sent.
 */
export async function exportPledges(db: Db, actor: Actor, chunkRows = EXPORT_CHUNK_ROWS): Promise<{ rows: number; pieces: AsyncIterable<string> }> {
  const rows = await db.transaction(async (tx) => {
    const [held] = await tx.select({ n: count() }).from(pledges).where(isNull(pledges.erasedAt));
    const n = held?.n ?? 0;
    await appendAudit(tx, { actor, action: "pledges.exported", subjectType: "pledges", subjectId: "all", details: { rows: n } });
    return n;
  });
  return { rows, pieces: exportPieces(db, chunkRows) };
}

async function* exportPieces(db: Db, chunkRows: number): AsyncGenerator<string> {
  // The byte order mark makes Excel read the file as UTF-8 (names with accents, "£").
  yield BOM + stringify([[...exportHeaders]]);
  // The cursor keeps the time as PostgreSQL wrote it (with its offset, to the microsecond): a
  // JavaScript date keeps milliseconds only, and would read some rows twice.
  let after: Cursor | null = null;
  for (;;) {
    const batch = await readPiece(db, after, chunkRows);
    if (batch.length === 0) return;
    for (let i = 0; i < batch.length; i += PIECE_ROWS) yield stringify(batch.slice(i, i + PIECE_ROWS).map(exportRecord));
    const last = batch[batch.length - 1]!;
    after = { createdAt: last.cursor, id: last.id };
    if (batch.length < chunkRows) return;
  }
}

interface Cursor {
  createdAt: string;
  id: string;
}

function readPiece(db: Db, after: Cursor | null, limit: number) {
  return db
    .select({
      name: pledges.name,
      email: pledges.email,
      postcode: pledges.postcode,
      region: pledges.region,
      relation: pledges.relation,
      membershipNumber: pledges.membershipNumber,
      monthlySubscriptionPence: pledges.monthlySubscriptionPence,
      consentContact: pledges.consentContact,
      consentDataUse: pledges.consentDataUse,
      consentVersion: pledges.consentVersion,
      createdAt: pledges.createdAt,
      confirmedAt: pledges.confirmedAt,
      withdrawnAt: pledges.withdrawnAt,
      id: pledges.id,
      cursor: sql<string>`${pledges.createdAt}::text`,
    })
    .from(pledges)
    .where(and(isNull(pledges.erasedAt), after ? sql`(${pledges.createdAt}, ${pledges.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined))
    .orderBy(asc(pledges.createdAt), asc(pledges.id))
    .limit(limit);
}
