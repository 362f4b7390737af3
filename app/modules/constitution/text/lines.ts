/**
 * Line numbers as a reader sees them. Each paragraph or list item is wrapped at a fixed width,
 * at word boundaries, so a line number means the same on screen, in print and in an amendment.
 * Line numbers are computed from the stored text every time; they are never stored.
 */
import { parseBlocks, type Block } from "./blocks";

/** Characters per line, markers and indentation included. */
export const DEFAULT_LINE_WIDTH = 80;

export type LineKind = "paragraph" | "list-item" | "blank";

export interface NumberedLine {
  /** Line number; null for blank lines, which are not numbered. */
  number: number | null;
  /** The words of the line joined by single spaces (without the list marker). */
  text: string;
  kind: LineKind;
  /** On the first line of a list item only: its marker ("-", "1.", "(a)", "- (a)"). */
  listMarker?: string;
  /** Columns before `text` on a printed line (the marker of a list item's first line sits in them). */
  indent: number;
  /** Index of the paragraph or list item in the text (for a blank line: of the one after it). */
  block: number;
  /** Offsets in the source text of the line's first word and just after its last word. */
  start: number;
  end: number;
}

export interface LineOptions {
  /** Characters per line; default DEFAULT_LINE_WIDTH. */
  width?: number;
  /** Number of the first line; default 1. Pass the previous clause's `next` to continue. */
  start?: number;
}

export interface Word {
  text: string;
  /** Offsets in the source text. */
  start: number;
  end: number;
}

/** A laid-out line with its words' source offsets (the lower-level form of NumberedLine). */
export interface LaidOutLine {
  kind: "paragraph" | "list-item";
  block: number;
  /** First line of its block / last line of its block. */
  first: boolean;
  last: boolean;
  listMarker?: string;
  indent: number;
  /** Never empty. */
  words: Word[];
}

export interface Layout {
  blocks: Block[];
  lines: LaidOutLine[];
}

function checkWidth(width: number): number {
  if (!Number.isInteger(width) || width < 1) {
    throw new RangeError(`line width must be a positive integer, not ${width}`);
  }
  return width;
}

/** Blocks and their wrapped lines, with the source offset of every word. */
export function layoutText(text: string, width: number = DEFAULT_LINE_WIDTH): Layout {
  checkWidth(width);
  const blocks = parseBlocks(text);
  const lines: LaidOutLine[] = [];
  blocks.forEach((block, blockIndex) => {
    const indent = block.indent + (block.marker === undefined ? 0 : block.marker.length + 1);
    const room = Math.max(1, width - indent);
    const words: Word[] = [];
    const pattern = /\S+/g;
    const body = text.slice(block.bodyStart, block.end);
    for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
      const start = block.bodyStart + match.index;
      words.push({ text: match[0], start, end: start + match[0].length });
    }
    let line: Word[] = [];
    let length = 0;
    let count = 0;
    const flush = () => {
      if (line.length === 0) return;
      lines.push({
        kind: block.kind,
        block: blockIndex,
        first: count === 0,
        last: false,
        ...(block.marker !== undefined && count === 0 ? { listMarker: block.marker } : {}),
        indent,
        words: line,
      });
      count += 1;
      line = [];
      length = 0;
    };
    for (const word of words) {
      if (line.length > 0 && length + 1 + word.text.length > room) flush();
      length += (line.length > 0 ? 1 : 0) + word.text.length;
      line.push(word);
    }
    flush();
    const lastLine = lines[lines.length - 1];
    if (lastLine && lastLine.block === blockIndex) lastLine.last = true;
  });
  return { blocks, lines };
}

/**
 * The numbered lines of a clause: paragraphs and list items wrapped at `width`, blank lines
 * between blocks (unnumbered). Numbering starts at `start`, so clauses can be numbered
 * continuously: give each clause the number after the previous clause's last line.
 */
export function numberLines(text: string, options: LineOptions = {}): NumberedLine[] {
  const { lines, blocks } = layoutText(text, options.width ?? DEFAULT_LINE_WIDTH);
  let next = options.start ?? 1;
  const result: NumberedLine[] = [];
  for (const line of lines) {
    const block = blocks[line.block];
    const firstWord = line.words[0];
    const lastWord = line.words[line.words.length - 1];
    if (!block || !firstWord || !lastWord) continue;
    const previous = blocks[line.block - 1];
    if (line.first && block.blankBefore && previous) {
      result.push({
        number: null,
        text: "",
        kind: "blank",
        indent: 0,
        block: line.block,
        start: previous.end,
        end: block.start,
      });
    }
    result.push({
      number: next++,
      text: line.words.map((w) => w.text).join(" "),
      kind: line.kind,
      ...(line.listMarker !== undefined ? { listMarker: line.listMarker } : {}),
      indent: line.indent,
      block: line.block,
      start: firstWord.start,
      end: lastWord.end,
    });
  }
  return result;
}

/** How many numbered lines a text takes at a width. */
export function countLines(text: string, width: number = DEFAULT_LINE_WIDTH): number {
  return layoutText(text, width).lines.length;
}

export interface NumberedClause {
  id: string;
  lines: NumberedLine[];
  /** First and last line numbers; null for an empty clause. */
  firstLine: number | null;
  lastLine: number | null;
}

/**
 * Numbers the clauses of a document continuously, in the order given: clause 3 starts on the
 * line after clause 2's last. `next` is the number the following text would start at.
 */
export function numberClauses(clauses: readonly { id: string; text: string }[], options: LineOptions = {}): { clauses: NumberedClause[]; next: number } {
  let next = options.start ?? 1;
  const numbered = clauses.map((clause) => {
    const lines = numberLines(clause.text, { width: options.width ?? DEFAULT_LINE_WIDTH, start: next });
    const count = lines.filter((l) => l.number !== null).length;
    const result: NumberedClause = {
      id: clause.id,
      lines,
      firstLine: count > 0 ? next : null,
      lastLine: count > 0 ? next + count - 1 : null,
    };
    next += count;
    return result;
  });
  return { clauses: numbered, next };
}
