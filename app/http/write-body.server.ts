/** Chunks already made are written together up to this size (each write is one trip to zlib). */
const WRITE_BYTES = 64 * 1024;

/** A response that may hold bytes back: the compression middleware adds `flush` to it. */
interface Flushable {
  write(chunk: Uint8Array): unknown;
  end(): unknown;
  destroy(error?: Error): unknown;
  flush?: () => void;
}

/**
 * Writes an answer's body to the connection, flushing only when the body pauses.
 *
 * Remix's own writer flushes after every chunk. A page is rendered in chunks of a few kilobytes,
 * so behind the compression middleware each was compressed and flushed on its own: the 380 KiB of
 * the whole constitution in some 190 pieces, each a round trip to zlib's thread pool, which made
 * compressing the page cost more than drawing it (decision 043). Here chunks that are already
 * waiting are written together, up to 64 KiB at a time, and the flush comes when the next chunk
 * is not ready yet, so what has been made so far still reaches the person while the rest is
 * being made (a streamed export).
 */
export async function writeBody(body: ReadableStream<Uint8Array>, out: Flushable): Promise<void> {
  const reader = body.getReader();
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  const writeHeld = () => {
    if (held.length === 0) return;
    out.write(held.length === 1 ? held[0]! : Buffer.concat(held, heldBytes));
    held = [];
    heldBytes = 0;
  };
  try {
    let next = reader.read();
    for (;;) {
      const { done, value } = await next;
      if (done) {
        writeHeld();
        out.end();
        return;
      }
      held.push(value);
      heldBytes += value.byteLength;
      next = reader.read();
      const ready = await isReadySoon(next);
      if (!ready || heldBytes >= WRITE_BYTES) writeHeld();
      if (!ready && typeof out.flush === "function") out.flush();
    }
  } catch (error) {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/** Whether the promise settles before the event loop's next turn (a chunk already made). */
function isReadySoon(promise: Promise<unknown>): Promise<boolean> {
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setImmediate(() => resolve(false))),
  ]);
}
