import { MAX_FORM_PARTS } from "~/utils/input-limits";

/**
 * Reading and checking a request's body once, at the front door, before any route sees it
 * (docs/decisions/026-limits-and-logging.md). The limit is counted on the bytes actually read, so
 * a body sent in chunks, or without a Content-Length, or one that lies in it, stops at the same
 * point as any other.
 */

export type BodyProblem =
  | { kind: "too_large"; limit: number }
  | { kind: "unsupported_type" }
  | { kind: "malformed" }
  | { kind: "too_many_fields" }
  | { kind: "nul_byte" };

export type BodyResult = { ok: true; bytes: Uint8Array<ArrayBuffer> | null } | { ok: false; problem: BodyProblem };

/** Reads the whole body, or stops as soon as it passes `limit` bytes. */
export async function readBodyWithin(body: ReadableStream<Uint8Array> | null, limit: number): Promise<BodyResult> {
  if (body === null) return { ok: true, bytes: null };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop reading: the rest is never buffered. The caller answers 413 and closes the connection.
      await reader.cancel().catch(() => {});
      return { ok: false, problem: { kind: "too_large", limit } };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export type FormKind = "urlencoded" | "multipart" | "empty";

/**
 * The forms this app's pages send: URL-encoded, or multipart with a boundary for pages with a
 * file. Anything else (JSON, XML, text) is for no page here.
 */
export function formKindOf(contentType: string | null, bytes: Uint8Array | null): FormKind | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return "urlencoded";
  if (type === "multipart/form-data") return /;\s*boundary=/i.test(contentType ?? "") ? "multipart" : null;
  if (type === "" && (bytes === null || bytes.byteLength === 0)) return "empty";
  // Remix's own data requests for a page's loader carry no body; a submission without a type but
  // with a body is nothing a page sends.
  return null;
}

const decoder = new TextDecoder("utf-8");

/**
 * Parses the form, to refuse before any route runs what no route could use: a
 * body that is not the form it says it is, more fields than any page has, or a NUL byte in a
 * field (no person types one; it cuts strings short in C libraries and PostgreSQL refuses it in
 * text). Files in a multipart form may hold any bytes and are not looked into here.
 */
export async function checkForm(
  kind: FormKind,
  contentType: string | null,
  bytes: Uint8Array<ArrayBuffer> | null,
): Promise<{ problem: BodyProblem } | { problem: null; uploadForm: FormData | null; fields: URLSearchParams | null }> {
  if (kind === "empty" || bytes === null) return { problem: null, uploadForm: null, fields: null };
  if (kind === "urlencoded") {
    const params = new URLSearchParams(decoder.decode(bytes));
    let fields = 0;
    for (const [name, value] of params) {
      fields += 1;
      if (fields > MAX_FORM_PARTS) return { problem: { kind: "too_many_fields" } };
      if (name.includes("\0") || value.includes("\0")) return { problem: { kind: "nul_byte" } };
    }
    // Handed on, so that the ballot endpoint does not decode the same bytes again.
    return { problem: null, uploadForm: null, fields: params };
  }
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "Content-Type": contentType ?? "" } }).formData();
  } catch {
    return { problem: { kind: "malformed" } };
  }
  let fields = 0;
  for (const [name, value] of form) {
    fields += 1;
    if (fields > MAX_FORM_PARTS) return { problem: { kind: "too_many_fields" } };
    if (name.includes("\0") || (typeof value === "string" && value.includes("\0"))) return { problem: { kind: "nul_byte" } };
  }
  // Handed to the page, so that the body is parsed once (app/utils/upload-form.server.ts).
  return { problem: null, uploadForm: form, fields: null };
}
