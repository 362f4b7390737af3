/**
 * A body that arrives in 64 KiB chunks with no length given, as `Transfer-Encoding: chunked`
 * sends it, made only as fast as it is read: `sent()` says how much the reader ever pulled.
 */
export function chunkedBody(totalBytes: number, chunkBytes = 64 * 1024): { stream: ReadableStream<Uint8Array>; sent: () => number } {
  const piece = new TextEncoder().encode("email=" + "a".repeat(chunkBytes - 6));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  return { stream, sent: () => sent };
}
