import { MaxPartSizeExceededError, type UploadHandler } from "@remix-run/node";

/**
 * Uploads are read into memory, so how much is read is capped before and while reading: the
 * request must say its size (Content-Length) and that size must fit, and the parts are counted
 * together as they stream in, since a request may carry any number of parts and a header may lie.
 */

/** Room for the multipart boundaries and part headers around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

export type UploadSizeCheck = { ok: true } | { ok: false; status: 411 | 413 };

/** Whether a multipart request's stated size allows reading it: 411 when it states none. */
export function checkUploadLength(request: Request, maxFileBytes: number): UploadSizeCheck {
  const header = request.headers.get("Content-Length");
  if (header === null || !/^\d+$/.test(header.trim())) return { ok: false, status: 411 };
  return Number(header) > maxFileBytes + ENVELOPE_BYTES ? { ok: false, status: 413 } : { ok: true };
}

/**
 * Keeps only the first file sent in `field`; every other part is read and dropped. Throws
 * MaxPartSizeExceededError once all the parts together pass the cap (the file plus its envelope).
 */
export function singleFileUploadHandler(field: string, maxFileBytes: number): UploadHandler {
  const cap = maxFileBytes + ENVELOPE_BYTES;
  let total = 0;
  let kept = false;
  return async ({ name, filename, contentType, data }) => {
    const keep = !kept && name === field && typeof filename === "string";
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      total += chunk.byteLength;
      size += chunk.byteLength;
      if (total > cap || size > maxFileBytes) throw new MaxPartSizeExceededError(name, maxFileBytes);
      if (keep) chunks.push(chunk);
    }
    if (!keep) return undefined;
    kept = true;
    return new File(chunks as BlobPart[], filename, { type: contentType });
  };
}
