import type { AppContext } from "./context.server";

/**
 * The form of a page that takes a file (multipart/form-data). The front door has already read the
 * body within the page's limit and parsed it, once, with the platform's own parser (undici), which
 * reads any file name a browser sends (";" and "=" included); here the page gets that form. A body
 * that is not well formed never reaches a page (the front door answers 400), but a page called
 * some other way (a test calling the action) has it parsed here by the same parser.
 */

/** Room for the short fields sent beside the file (a slot, an intent, an answer or two). */
const FIELDS_BESIDE_FILE_BYTES = 64 * 1024;
const encoder = new TextEncoder();

export type UploadFormProblem = "too_big" | "malformed";

export type UploadFormResult = { ok: true; form: FormData } | { ok: false; problem: UploadFormProblem; status: 400 | 413 };

export async function readUploadForm(request: Request, context: Pick<AppContext, "uploadForm">, maxFileBytes: number): Promise<UploadFormResult> {
  let form = context.uploadForm;
  if (!form) {
    const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
    if (!type.startsWith("multipart/form-data") || !type.includes("boundary=")) return { ok: false, problem: "malformed", status: 400 };
    try {
      form = await request.formData();
    } catch {
      // Nothing of it is logged: it may hold personal data.
      return { ok: false, problem: "malformed", status: 400 };
    }
  }
  // Every part together, as one page takes one file and a few short fields: a second file or a
  // padded field cannot add to the allowance.
  let bytes = 0;
  for (const value of form.values()) {
    if (typeof value !== "string" && value.size > maxFileBytes) return { ok: false, problem: "too_big", status: 413 };
    bytes += typeof value === "string" ? encoder.encode(value).byteLength : value.size;
  }
  if (bytes > maxFileBytes + FIELDS_BESIDE_FILE_BYTES) return { ok: false, problem: "too_big", status: 413 };
  return { ok: true, form };
}
