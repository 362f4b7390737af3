/**
 * Reads of officers' private details (their full names, home addresses and own email addresses)
 * are recorded in the audit log, as changes are: who read whose details, or which document, and
 * never the details themselves (issue 13). Each is written after the details were gathered and
 * before they are sent, in a transaction of its own (the audit chain's lock is held only briefly).
 */
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { documentsWithPrivateDetails, type PackDocument } from "~/modules/registration/pdf/documents";
import type { RegisteredRole } from "~/modules/elections/officer-rules";
import type { Db } from "~/utils/db.server";

/** An organiser opened one officer's details on the officers' page. */
export async function recordOfficerDetailsOpened(db: Db, actor: Actor, officer: { userId: string; roles: readonly RegisteredRole[] }): Promise<void> {
  await db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: "registration.officer_details_opened",
      subjectType: "officer",
      subjectId: officer.userId,
      details: { roles: [...officer.roles] },
    }),
  );
}

/** The whole pack, as one PDF or a zip: it always holds the officer sheets. */
export async function recordPackDownloaded(db: Db, actor: Actor, format: "pdf" | "zip"): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, { actor, action: "registration.pack_downloaded", subjectType: "registration_pack", subjectId: format }));
}

/** One document of the pack; recorded only when it holds officers' private details. */
export async function recordDocumentDownloaded(db: Db, actor: Actor, doc: PackDocument): Promise<void> {
  if (!documentsWithPrivateDetails.includes(doc)) return;
  await db.transaction((tx) => appendAudit(tx, { actor, action: "registration.document_downloaded", subjectType: "registration_document", subjectId: doc }));
}
