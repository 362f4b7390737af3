/**
 * Turns a kit document into PDF bytes. Server only (the `.server` name keeps react-pdf and the
 * font files out of the browser bundle): it reads the fonts from disk and registers them once.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document, Font, Page, Text, renderToBuffer } from "@react-pdf/renderer";
import { createElement, type ReactElement } from "react";
import { FONT_FAMILY } from "./kit";
import { contentDisposition } from "~/utils/content-disposition";

const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };

/**
 * Where the fonts are: the server runs from the repository root (as migrations assume), the
 * tests import this file from its source folder, and the built server sits in build/.
 */
function fontFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(process.cwd(), "app/modules/documents/fonts"),
    path.resolve(here, "fonts"),
    path.resolve(here, "../app/modules/documents/fonts"),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, FONT_FILES.regular)));
  if (!found) {
    throw new Error(`The PDF fonts are missing: expected ${FONT_FILES.regular} in app/modules/documents/fonts (looked in ${candidates.join(", ")}).`);
  }
  return found;
}

let registered = false;

function registerFonts(): void {
  if (registered) return;
  const folder = fontFolder();
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: path.join(folder, FONT_FILES.regular), fontWeight: 400 },
      { src: path.join(folder, FONT_FILES.bold), fontWeight: 700 },
    ],
  });
  // Letters and legal texts read better unbroken, and a hyphenated name or membership number
  // could be misread; react-pdf's default is to hyphenate with US English rules.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/**
 * fontkit 2.0.4 (foliojs/fontkit#154, react-pdf#3404) can drop a letter from every later
 * document of the process when the first document to use a font subset met an accented form of
 * it (after "Ŵ" with no "W", "Withdrawn" printed as "ithdrawn"). Laying out every plain letter
 * in both weights once, before any real document, fills the cache the right way.
 */
let warmUp: Promise<unknown> | null = null;
const PLAIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 .,;:!?'\"()[]-–—/&%£€@#*+=";

function warmFonts(): Promise<unknown> {
  warmUp ??= renderToBuffer(
    createElement(
      Document,
      null,
      createElement(
        Page,
        null,
        createElement(Text, { style: { fontFamily: FONT_FAMILY, fontWeight: 400 } }, PLAIN),
        createElement(Text, { style: { fontFamily: FONT_FAMILY, fontWeight: 700 } }, PLAIN),
      ),
    ) as Parameters<typeof renderToBuffer>[0],
  );
  return warmUp;
}

/** Registers and warms the fonts, so the first document is not the one that pays for it. */
export async function prepareFonts(): Promise<void> {
  registerFonts();
  await warmFonts();
}

/**
 * The PDF for a `<PdfDocument>` element, as bytes, laid out on this thread: a long document holds
 * up every other request meanwhile, so those go through render-worker.server.ts instead.
 */
export async function renderPdf(document: ReactElement): Promise<Buffer> {
  await prepareFonts();
  // react-pdf's own typing wants its Document element exactly; PdfDocument renders one.
  return renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
}

/**
 * The response for a PDF made by the kit. `inline` opens it in the browser's viewer, from which
 * people can print or save it; the file name is what a save suggests.
 */
export function pdfResponse(pdf: Buffer, fileName: string, options: { personal?: boolean } = {}): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition("inline", fileName),
      "Content-Length": String(pdf.length),
      // A personal document must not be kept by a shared computer's browser or any proxy.
      "Cache-Control": options.personal ? "private, no-store" : "no-cache",
    },
  });
}
