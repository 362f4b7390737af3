import { PassThrough } from "node:stream";
import { createElement, Suspense } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

/** What React streams for this element, as bytes, the way entry.server.tsx pipes a page. */
function streamed(element: ReturnType<typeof createElement>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const body = new PassThrough();
        const chunks: Buffer[] = [];
        body.on("data", (chunk: Buffer) => chunks.push(chunk));
        body.on("end", () => resolve(Buffer.concat(chunks)));
        pipe(body);
      },
      onError: reject,
    });
  });
}

describe("pages streamed by React", () => {
  // React 18.3.1 encodes text into 2,048-byte chunks and, when a character of two or more bytes
  // (an em dash, a curly quote) does not fit at the end of one, sent the whole chunk with its
  // unwritten tail: NUL bytes in the page (react/react#31134, fixed upstream in #26228, never in
  // 18.x). patches/react-dom+18.3.1.patch sends only the bytes written.
  it("never holds a NUL byte, wherever a character of several bytes falls against the end of a chunk", async () => {
    // Short pieces of text (a long one is encoded apart) with a dash in each, shifted a byte at a
    // time, so that some dash meets the end of a chunk.
    const pieces = Array.from({ length: 120 }, (_, i) => createElement("p", { key: i }, `Clause ${i} — “as amended”`));
    for (let shift = 0; shift < 8; shift += 1) {
      const page = createElement("main", null, createElement(Suspense, { fallback: null }, createElement("h1", null, "x".repeat(shift)), ...pieces));
      const bytes = await streamed(page);
      expect(bytes.includes(0), `a NUL byte with the text shifted by ${shift}`).toBe(false);
      expect(bytes.toString("utf8")).toContain("Clause 119 — “as amended”");
    }
  });
});
