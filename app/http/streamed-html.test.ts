import { createRequire } from "node:module";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createElement, Suspense } from "react";
import type { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

// Both builds of React's Node renderer, whatever NODE_ENV says: the server runs the production
// one, and vitest would otherwise load only the development one.
const require = createRequire(import.meta.url);
const reactDom = path.dirname(require.resolve("react-dom/server"));
const renderer = (file: string): typeof renderToPipeableStream => require(path.join(reactDom, "cjs", file)).renderToPipeableStream;
const renderers = {
  production: renderer("react-dom-server.node.production.min.js"),
  development: renderer("react-dom-server.node.development.js"),
};

/** What React streams for this element, as bytes, the way entry.server.tsx pipes a page. */
function streamed(render: typeof renderToPipeableStream, element: ReturnType<typeof createElement>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = render(element, {
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
  it.each(Object.keys(renderers) as (keyof typeof renderers)[])(
    "never holds a NUL byte, wherever a character of several bytes falls against the end of a chunk (%s build)",
    async (build) => {
      // Short pieces of text (a long one is encoded apart) with a dash in each, shifted a byte at a
      // time, so that some dash meets the end of a chunk.
      const pieces = Array.from({ length: 120 }, (_, i) => createElement("p", { key: i }, `Clause ${i} — “as amended”`));
      for (let shift = 0; shift < 8; shift += 1) {
        const page = createElement("main", null, createElement(Suspense, { fallback: null }, createElement("h1", null, "x".repeat(shift)), ...pieces));
        const bytes = await streamed(renderers[build], page);
        expect(bytes.includes(0), `a NUL byte with the text shifted by ${shift}`).toBe(false);
        expect(bytes.toString("utf8")).toContain("Clause 119 — “as amended”");
      }
    },
  );
});
