/**
 * Starting the draft from a Markdown file the organisers upload (routes/constitution.manage.tsx):
 * a file, named as Markdown, holding text (a NUL byte means a binary file, which the database
 * cannot store as text), split into clauses at its "## " headings.
 */
import type { Actor } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { startDraft } from "./drafting.server";
import { draftingProblemMessages, draftUploadMessages, uploadNotTextMessage, uploadProblemMessages } from "./messages";
import { splitMarkdownIntoClauses } from "./upload";

export async function draftFromUpload(db: Db, actor: Actor, file: FormDataEntryValue | null): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!file || typeof file === "string" || file.size === 0) return { ok: false, message: draftUploadMessages.noFile };
  if (!/\.(md|markdown|txt)$/i.test(file.name)) return { ok: false, message: draftUploadMessages.notMarkdown };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) return { ok: false, message: uploadNotTextMessage };
  const split = splitMarkdownIntoClauses(new TextDecoder("utf-8").decode(bytes));
  if (!split.ok) return { ok: false, message: split.problems.map((p) => uploadProblemMessages[p.code](p)).join(" ") };
  const started = await startDraft(db, actor, { kind: "upload", clauses: split.clauses });
  return started.ok ? { ok: true } : { ok: false, message: draftingProblemMessages[started.code] };
}
