import { asc, count, desc, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { auditLog } from "../../../db/schema";
import { ChainVerifier, entryHash, GENESIS_HASH, type ChainCheck } from "./chain";

export interface Actor {
  id: string | null;
  label: string;
}

export const systemActor = (label = "system"): Actor => ({ id: null, label });

export interface AuditInput {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

// One chain across all app servers: appends are serialised by a transaction-scoped lock, held
// until the transaction ends. Every audited write in the app waits for it, so a long command
// appends its entries at the very end (after its heavy work), and holds the lock only while it
// commits.
const AUDIT_CHAIN_LOCK = 727_274_002;

/**
 * Appends one entry. Call it inside the transaction of the change it records, so that the
 * change and its record commit or fail together; in a long transaction, call it last.
 */
export async function appendAudit(tx: DbOrTx, input: AuditInput): Promise<{ id: number; hash: string }> {
  const [entry] = await appendAuditEntries(tx, [input]);
  if (!entry) throw new Error("audit entry was not written");
  return entry;
}

/**
 * Appends several entries, in the order given, with one lock, one read of the chain's head and
 * one insert: for commands that record many things at once.
 */
export async function appendAuditEntries(tx: DbOrTx, inputs: readonly AuditInput[]): Promise<{ id: number; hash: string }[]> {
  if (inputs.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: the column keeps exactly what was hashed.
  const at = new Date();
  const rows = inputs.map((input) => {
    const content = {
      at,
      actorId: input.actor.id,
      actorLabel: input.actor.label,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      details: input.details ?? {},
    };
    const hash = entryHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
  const written = await tx.insert(auditLog).values(rows).returning({ id: auditLog.id, hash: auditLog.hash });
  // The chain is read in id order: the ids must follow the order the entries were chained in.
  const ids = new Map(written.map((w) => [w.hash, w.id]));
  const entries = rows.map((r) => ({ id: ids.get(r.hash) ?? Number.NaN, hash: r.hash }));
  if (entries.some((e, i) => !(e.id > (entries[i - 1]?.id ?? 0)))) throw new Error("audit entries were not written in chain order");
  return entries;
}

export async function listAuditEntries(db: DbOrTx, options: { page: number; pageSize: number }) {
  const [total] = await db.select({ n: count() }).from(auditLog);
  const rows = await db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { total: total?.n ?? 0, rows };
}

/** Checks the whole chain in pages of `pageSize`, oldest first. */
export async function verifyAuditLog(db: DbOrTx, pageSize = 1000): Promise<ChainCheck> {
  const verifier = new ChainVerifier();
  let afterId = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(pageSize);
    for (const row of rows) {
      if (!verifier.add(row)) return verifier.result();
    }
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < pageSize) break;
    afterId = lastRow.id;
  }
  return verifier.result();
}
