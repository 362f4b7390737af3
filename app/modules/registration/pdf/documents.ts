/**
 * The documents of the registration pack, in the pack's order (registration-uk.md section 7).
 * The key is also the document's name in URLs (/registration/documents/<key>.pdf) and the zip.
 * Kept apart from the layouts so pages can list the documents without loading react-pdf.
 */
export const packDocuments = [
  "application-summary",
  "officer-sheets",
  "constitution",
  "financial-scheme",
  "assets-and-liabilities",
  "founding-record",
  "readiness-checklist",
] as const;
export type PackDocument = (typeof packDocuments)[number];

export function isPackDocument(value: string): value is PackDocument {
  return (packDocuments as readonly string[]).includes(value);
}

/**
 * The documents that print officers' private details (full names, home addresses, own email
 * addresses): each download of them, or of the whole pack, is recorded in the audit log.
 * The others print officers' names only as the public register shows them, or no one at all.
 */
export const documentsWithPrivateDetails: readonly PackDocument[] = ["officer-sheets"];
