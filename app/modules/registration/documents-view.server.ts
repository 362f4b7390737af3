/**
 * What the Registration documents page shows (routes/registration.documents.tsx): the pack's
 * preparation, whether a constitution is adopted, and each document with its title and what it
 * is, worded where the documents themselves are (pdf/messages.ts).
 */
import { latestVersion } from "~/modules/constitution/round.server";
import type { Db } from "~/utils/db.server";
import { packStatus } from "./pack.server";
import { packDocuments } from "./pdf/documents";
import { packMessages } from "./pdf/messages";

export async function documentsPageView(db: Db) {
  const [{ status, key }, version] = await Promise.all([packStatus(db), latestVersion(db)]);
  return {
    status,
    packKey: key,
    adopted: version !== null,
    documents: packDocuments.map((doc) => ({ doc, title: packMessages.documents[doc]?.title ?? doc, purpose: packMessages.documents[doc]?.purpose ?? "" })),
  };
}
