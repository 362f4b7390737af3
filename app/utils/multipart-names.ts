/**
 * Browsers send a file's name in its part header as typed, with only `"`, CR and LF escaped, so
 * a file called "pledges; final=v2.csv" arrives as `filename="pledges; final=v2.csv"`. Remix's
 * multipart reader splits that header on every ";" and "=" and fails. This stream rewrites only
 * the part headers (the lines between a boundary and the blank line after it), writing ";" and
 * "=" inside quoted values as %3B and %3D; the file's bytes pass through untouched, and
 * `restoreFileName` turns the name back afterwards. Pure (web streams only).
 */

const CR = 13;
const LF = 10;
const QUOTE = 34;
const SEMICOLON = 59;
const EQUALS = 61;
/** A part's headers are a few lines; past this they are passed on as they are, and the reader decides. */
const MAX_HEADER_BYTES = 16 * 1024;

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const HEADERS_END = new Uint8Array([CR, LF, CR, LF]);

/** The header block with ; and = inside quoted strings percent-encoded. */
function escapeQuoted(block: Uint8Array): Uint8Array {
  const out: number[] = [];
  let inQuotes = false;
  for (const byte of block) {
    if (byte === QUOTE) inQuotes = !inQuotes;
    else if (byte === CR || byte === LF) inQuotes = false;
    if (inQuotes && byte === SEMICOLON) out.push(0x25, 0x33, 0x42);
    else if (inQuotes && byte === EQUALS) out.push(0x25, 0x33, 0x44);
    else out.push(byte);
  }
  return Uint8Array.from(out);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function escapePartHeaderNames(boundary: string): TransformStream<Uint8Array, Uint8Array> {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  let pending: Uint8Array = new Uint8Array(0);
  let inHeaders = false;
  const drain = (controller: TransformStreamDefaultController<Uint8Array>, final: boolean) => {
    for (;;) {
      if (inHeaders) {
        const end = indexOf(pending, HEADERS_END, 0);
        if (end < 0) {
          if (!final && pending.length <= MAX_HEADER_BYTES) return;
          inHeaders = false;
          continue;
        }
        controller.enqueue(escapeQuoted(pending.subarray(0, end + HEADERS_END.length)));
        pending = pending.subarray(end + HEADERS_END.length);
        inHeaders = false;
        continue;
      }
      const at = indexOf(pending, delimiter, 0);
      if (at < 0) {
        // Keep enough of the end to find a delimiter split across chunks.
        const keep = final ? 0 : Math.min(pending.length, delimiter.length + 1);
        controller.enqueue(pending.subarray(0, pending.length - keep));
        pending = pending.subarray(pending.length - keep);
        return;
      }
      const after = at + delimiter.length;
      if (pending.length < after + 2 && !final) {
        controller.enqueue(pending.subarray(0, at));
        pending = pending.subarray(at);
        return;
      }
      controller.enqueue(pending.subarray(0, after));
      pending = pending.subarray(after);
      // "--boundary" then CRLF starts a part's headers; "--boundary--" ends the body.
      inHeaders = pending[0] === CR && pending[1] === LF;
    }
  };
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      pending = pending.length === 0 ? chunk.slice() : concat(pending, chunk);
      drain(controller, false);
    },
    flush(controller) {
      drain(controller, true);
      if (pending.length > 0) controller.enqueue(pending);
    },
  });
}

/** A file name as the person's computer gave it, undoing escapePartHeaderNames. */
export function restoreFileName(name: string): string {
  return name.replace(/%3B/g, ";").replace(/%3D/g, "=");
}
