import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * A download sent as it is made: each piece is encoded and handed on when the client is ready for
 * more, and the server turns to other requests between pieces (a long file never holds up the
 * event loop, and nobody's memory holds the whole file). The browser shows its own progress.
 */
export function streamedBody(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await nextTurn();
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
