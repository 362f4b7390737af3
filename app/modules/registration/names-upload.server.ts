/**
 * The registered names' upload (routes/registration.names.tsx): the file checked (there, a CSV
 * file of text, not a spreadsheet; a NUL byte means a binary file), its names read, and the list
 * replaced. The route reads the multipart body; everything about the file is decided here.
 */
import type { Actor } from "~/modules/audit/audit.server";
import { refused, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import type { UploadFormResult } from "~/utils/upload-form.server";
import { namesProblemMessages } from "./messages";
import { decodeCsvBytes, looksLikeSpreadsheetFile, parseNamesCsv } from "./names-file.server";
import { replaceRegisteredNames } from "./registration.server";

/** The file's problem, shown beside the file field. */
export type NamesUploadAnswer = { errors: FieldErrors };

/** Where to go once the names are loaded (the counts for the page to show), or the file's problem and its HTTP status. */
export async function namesFromUpload(db: Db, actor: Actor, read: UploadFormResult): Promise<{ goTo: string } | ActionAnswer<NamesUploadAnswer>> {
  const fail = (code: keyof typeof namesProblemMessages, status = 400) => refused<NamesUploadAnswer>({ errors: { file: namesProblemMessages[code] } }, status);
  if (!read.ok) return fail(({ too_big: "file_too_big", malformed: "upload_unreadable" } as const)[read.problem], read.status);
  const file = read.form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return fail("file_missing");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksLikeSpreadsheetFile(bytes) || (!/\.(csv|txt)$/i.test(file.name) && !/csv|text\/plain/.test(file.type))) return fail("not_csv");
  if (bytes.includes(0)) return fail("not_text");
  const parsed = parseNamesCsv(decodeCsvBytes(bytes));
  if (!parsed.ok) return fail(parsed.code);
  await replaceRegisteredNames(db, actor, parsed);
  return { goTo: `/registration/names?read=${parsed.rowsRead}&skipped=${parsed.skipped}&loaded=${parsed.names.length}` };
}
