/**
 * The small part of Markdown that Breakaway's texts use (the movement's statement, the
 * constitution files): headings, paragraphs, bulleted and numbered lists, and **bold**. Parsed
 * into blocks so a PDF can lay them out; anything else is kept as plain text, never dropped.
 */

import { normaliseLineBreaks } from "../../utils/line-breaks";

export type InlineRun = { text: string; bold: boolean };

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; runs: InlineRun[] }
  | { kind: "paragraph"; runs: InlineRun[] }
  | { kind: "list"; ordered: boolean; items: InlineRun[][] };

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/;

/** Splits `**bold**` out of a line of text; unmatched asterisks stay as they are. */
export function parseInline(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const part of text.split(/(\*\*[^*]+\*\*)/g)) {
    if (!part) continue;
    const bold = part.length > 4 && part.startsWith("**") && part.endsWith("**");
    runs.push({ text: bold ? part.slice(2, -2) : part, bold });
  }
  return runs;
}

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  // Every kind of line end is a line end, U+2028 and U+2029 included.
  const chunks = normaliseLineBreaks(markdown)
    // Code fences have no place in a printed letter; their text is kept as a paragraph.
    .replace(/^```.*$/gm, "")
    .split(/\n{2,}/)
    .map((c) => c.trim())
    .filter(Boolean);
  for (const chunk of chunks) {
    const lines = chunk.split("\n");
    const heading = /^(#{1,6})\s+(\S.*)?$/.exec(lines[0] ?? "");
    if (heading && lines.length === 1) {
      const level = Math.min(3, heading[1]?.length ?? 1) as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, runs: parseInline((heading[2] ?? "").trim()) });
      continue;
    }
    if (lines.every((l) => LIST_ITEM.test(l))) {
      blocks.push({
        kind: "list",
        ordered: /^\s*\d/.test(lines[0] ?? ""),
        items: lines.map((l) => parseInline(l.replace(LIST_ITEM, "").trim())),
      });
      continue;
    }
    // A heading directly followed by text (no blank line) is still a heading.
    if (heading) {
      const level = Math.min(3, heading[1]?.length ?? 1) as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, runs: parseInline((heading[2] ?? "").trim()) });
      blocks.push(...parseBlocks(lines.slice(1).join("\n")));
      continue;
    }
    blocks.push({ kind: "paragraph", runs: parseInline(lines.map((l) => l.trim()).join(" ")) });
  }
  return blocks;
}

/** The text of some runs without any formatting, for plain-text versions of documents. */
export function plainText(runs: readonly InlineRun[]): string {
  return runs.map((r) => r.text).join("");
}
