import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function withFile<T>(pdf: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "breakaway-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF as poppler's `pdftotext` reads it (what a search, a copy or a screen reader
 * gets), with runs of white space made single so tests can look for phrases across lines.
 */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
}

export function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** The text of each page, in order (pdftotext ends every page with a form feed). */
export function pdfPages(pdf: Uint8Array): string[] {
  return pdfText(pdf).split("\f").slice(0, -1);
}

/** `pdfinfo`'s fields: Title, Author, Pages, Page size… */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" }));
  return Object.fromEntries(
    out
      .split("\n")
      .map((line) => /^([^:]+):\s*(\S.*)?$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
}

/** The PDF's bookmarks (its outline), in order, with the page each opens at and how deep it is nested (0 at the top), as poppler reads them. */
export function pdfOutline(pdf: Uint8Array): { title: string; page: number; level: number }[] {
  const xml = withFile(pdf, (file) => execFileSync("pdftohtml", ["-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", file], { encoding: "utf8" }));
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  let depth = 0;
  const items: { title: string; page: number; level: number }[] = [];
  for (const m of xml.matchAll(/<(\/?)outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (m[2] === undefined) depth += m[1] ? -1 : 1;
    else items.push({ title: unescape(m[3] ?? ""), page: Number(m[2]), level: depth - 1 });
  }
  return items;
}
