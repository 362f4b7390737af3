/** What the audit log page (routes/audit.tsx) shows: one page of entries, newest first, and the chain's check when asked for. */
import type { DbOrTx } from "~/utils/db.server";
import { listAuditEntries, verifyAuditLog } from "./audit.server";

const PAGE_SIZE = 50;

export async function auditLogView(db: DbOrTx, ask: { page: number; verify: boolean }) {
  const { page } = ask;
  const { total, rows } = await listAuditEntries(db, { page, pageSize: PAGE_SIZE });
  const check = ask.verify ? await verifyAuditLog(db) : null;
  return {
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    check,
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      subject: `${r.subjectType} ${r.subjectId}`,
      details: Object.keys(r.details).length ? JSON.stringify(r.details) : "",
      hash: r.hash,
    })),
  };
}
