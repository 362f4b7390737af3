import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { escapePartHeaderNames, restoreFileName } from "./multipart-names";

/**
 * Reads a form sent with a file (multipart/form-data). A body that is not well formed (no
 * boundary, cut short, a part that never ends) is the sender's fault, not a failure of ours: it
 * is answered with a plain sentence on the form (400), and a part or body over its limit with
 * 413, never a 500. Each page words the two answers itself.
 */

export type UploadFormProblem = "too_big" | "malformed" | "file_name";

export type UploadFormResult = { ok: true; form: FormData } | { ok: false; problem: UploadFormProblem; status: 400 | 413 };

/** True for an error that says a size limit was passed (ours, or one set on the request body). */
function isSizeLimit(error: unknown): boolean {
  if (error instanceof MaxPartSizeExceededError) return true;
  const status = (error as { status?: unknown } | null)?.status;
  return status === 413;
}

/**
 * Remix's multipart parser cannot read a part header with ";" or "=" in a quoted value; the body
 * is passed through escapePartHeaderNames so that file names with them are read. A header it
 * still cannot read (one a browser would not send) asks the person to rename the file.
 */
function isFileNameUnreadable(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("malformed content-disposition header");
}

function withFileNamesRestored(form: FormData): FormData {
  const restored = new FormData();
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" || restoreFileName(value.name) === value.name) restored.append(name, value);
    else restored.append(name, new File([value], restoreFileName(value.name), { type: value.type }));
  }
  return restored;
}

export async function readUploadForm(request: Request, handler: UploadHandler): Promise<UploadFormResult> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  // Without a boundary the parser cannot even start; say so plainly rather than let it throw.
  if (!type.startsWith("multipart/form-data") || !type.includes("boundary=")) return { ok: false, problem: "malformed", status: 400 };
  const boundary = /boundary=(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(request.headers.get("Content-Type") ?? "");
  if (!boundary || !request.body) return { ok: false, problem: "malformed", status: 400 };
  const readable = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body.pipeThrough(escapePartHeaderNames(boundary[1] ?? boundary[2]!)),
    duplex: "half",
  } as RequestInit);
  try {
    return { ok: true, form: withFileNamesRestored(await unstable_parseMultipartFormData(readable, handler)) };
  } catch (error) {
    // Only the form's own bytes are read here (the handlers keep files in memory), so any other
    // failure is a body that is not well formed. Nothing of it is logged: it may hold personal data.
    if (isSizeLimit(error)) return { ok: false, problem: "too_big", status: 413 };
    return { ok: false, problem: isFileNameUnreadable(error) ? "file_name" : "malformed", status: 400 };
  }
}
