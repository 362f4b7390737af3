/**
 * Splits clause text into blocks: paragraphs and list items, as a reader sees them.
 *
 * - A blank line (only spaces) separates blocks.
 * - A line starting (after optional indentation) with a list marker and a space starts a list
 *   item: "-", "*", "+", "1." or "1)", "(a)", "(iv)", "(3)", optionally followed by a second
 *   "(a)"-style marker ("- (a) text" has the marker "- (a)").
 * - Any other non-blank line continues the block above it (a soft line break), or starts a
 *   paragraph after a blank line.
 */
import { LINE_BREAK } from "../../../utils/line-breaks";

export type BlockKind = "paragraph" | "list-item";

export interface Block {
  kind: BlockKind;
  /** Offset of the block's first line (its indentation included). */
  start: number;
  /** Offset of the list marker, or of the first word for a paragraph. */
  markerStart: number;
  /** Offset just after the list marker (= markerStart for paragraphs). */
  markerEnd: number;
  /** Offset of the first word. */
  bodyStart: number;
  /** Offset just after the block's last non-space character. */
  end: number;
  /** The list marker as written ("-", "1.", "(a)", "- (a)"); absent for paragraphs. */
  marker?: string;
  /** Columns of indentation before the marker or first word (a tab counts 4). */
  indent: number;
  /** Separated from the block before by at least one blank line. */
  blankBefore: boolean;
}

const SUB_MARKER = String.raw`\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)`;
const MARKER = new RegExp(String.raw`^([ \t]*)((?:[-*+]|\d{1,9}[.)]|${SUB_MARKER})(?:[ \t]+${SUB_MARKER})?)[ \t]+(?=\S)`);

/**
 * The list marker a typed text starts with ("(4) Fees are paid" → "(4)"), spaces normalised,
 * and the text after it; null when the text does not start with one.
 */
export function leadingMarker(text: string): { marker: string; rest: string } | null {
  const match = MARKER.exec(text.trimStart());
  if (!match) return null;
  return { marker: (match[2] ?? "").replace(/[ \t]+/g, " "), rest: text.trimStart().slice(match[0].length) };
}

function columns(whitespace: string): number {
  let n = 0;
  for (const c of whitespace) n += c === "\t" ? 4 : 1;
  return n;
}

export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let blankSeen = false;
  let lineStart = 0;
  // Any kind of line end ends a line ("\r\n", a lone "\r", U+2028...): a reader sees one there.
  const lineBreak = new RegExp(LINE_BREAK.source, "g");
  while (lineStart <= text.length) {
    lineBreak.lastIndex = lineStart;
    const newline = lineBreak.exec(text);
    const lineEnd = newline === null ? text.length : newline.index;
    const line = text.slice(lineStart, lineEnd);
    const trimmedEnd = lineStart + line.trimEnd().length;
    if (line.trim() === "") {
      blankSeen = true;
      current = undefined;
    } else {
      const marker = MARKER.exec(line);
      if (marker) {
        const indentation = marker[1] ?? "";
        current = {
          kind: "list-item",
          start: lineStart,
          markerStart: lineStart + indentation.length,
          markerEnd: lineStart + indentation.length + (marker[2] ?? "").length,
          bodyStart: lineStart + marker[0].length,
          end: trimmedEnd,
          marker: (marker[2] ?? "").replace(/[ \t]+/g, " "),
          indent: columns(indentation),
          blankBefore: blankSeen && blocks.length > 0,
        };
        blocks.push(current);
      } else if (current) {
        current.end = trimmedEnd;
      } else {
        const indentation = /^[ \t]*/.exec(line)?.[0] ?? "";
        current = {
          kind: "paragraph",
          start: lineStart,
          markerStart: lineStart + indentation.length,
          markerEnd: lineStart + indentation.length,
          bodyStart: lineStart + indentation.length,
          end: trimmedEnd,
          indent: columns(indentation),
          blankBefore: blankSeen && blocks.length > 0,
        };
        blocks.push(current);
      }
      blankSeen = false;
    }
    if (newline === null) break;
    lineStart = newline.index + newline[0].length;
  }
  return blocks;
}
