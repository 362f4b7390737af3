/**
 * Anchors: "line 4, word 2 to line 5, word 0" on a clause as laid out at a width, and their
 * translation to and from character ranges of the text (what a browser selection gives).
 */
import { DEFAULT_LINE_WIDTH, layoutText, type LaidOutLine, type Layout } from "./lines";
import type { Anchor, CharRange, LineSpan, WordPosition, WordSpan } from "./types";

export function isLineSpan(anchor: Anchor): anchor is LineSpan {
  return "lines" in anchor;
}

/** The anchor as a span of words: whole lines run from word 0 of the first to the end of the last. */
export function toWordSpan(anchor: Anchor, layout: Layout): WordSpan | null {
  if (!isLineSpan(anchor)) return anchor;
  const last = layout.lines[anchor.lines.to - 1];
  if (!last) return null;
  return { from: { line: anchor.lines.from, word: 0 }, to: { line: anchor.lines.to, word: last.words.length } };
}

function lineAt(layout: Layout, position: WordPosition): LaidOutLine | null {
  if (!Number.isInteger(position.line) || !Number.isInteger(position.word)) return null;
  const line = layout.lines[position.line - 1];
  if (!line || position.word < 0 || position.word > line.words.length) return null;
  return line;
}

/** Offset where a span starting at `position` starts: the word's start, or the line's end. */
function startOffset(layout: Layout, position: WordPosition): number | null {
  const line = lineAt(layout, position);
  if (!line) return null;
  const word = line.words[position.word];
  if (word) return word.start;
  return line.words[line.words.length - 1]?.end ?? null;
}

/**
 * Offset where a span ending at `position` ends: the end of the word before it, so the span
 * does not take in the space after its last word. Word 0 of a line ends after the line before.
 */
function endOffset(layout: Layout, position: WordPosition): number | null {
  const line = lineAt(layout, position);
  if (!line) return null;
  if (position.word > 0) return line.words[position.word - 1]?.end ?? null;
  const before = layout.lines[position.line - 2];
  return before ? (before.words[before.words.length - 1]?.end ?? null) : (line.words[0]?.start ?? null);
}

export interface ResolvedAnchor {
  /** The characters the anchor covers, from the first word's start to the last word's end. */
  range: CharRange;
  /**
   * When the anchor covers whole paragraphs or list items: the same blocks from the start of
   * their first line (indentation and list marker included). Deleting them deletes this.
   */
  wholeBlocks: CharRange | null;
}

/** Resolves an anchor on a laid-out text; null when it names a line or word the text lacks. */
export function resolveAnchor(layout: Layout, anchor: Anchor): ResolvedAnchor | null {
  const span = toWordSpan(anchor, layout);
  if (!span) return null;
  const start = startOffset(layout, span.from);
  const insertion = span.from.line === span.to.line && span.from.word === span.to.word;
  const end = insertion ? start : endOffset(layout, span.to);
  if (start === null || end === null || end < start) return null;
  const fromLine = lineAt(layout, span.from);
  const toLine = lineAt(layout, span.to);
  let wholeBlocks: CharRange | null = null;
  const coversBlocks = fromLine?.first && span.from.word === 0 && toLine?.last && span.to.word === toLine.words.length;
  if (fromLine && toLine && coversBlocks) {
    const first = layout.blocks[fromLine.block];
    const last = layout.blocks[toLine.block];
    if (first && last && first.start <= last.end) wholeBlocks = { start: first.start, end: last.end };
  }
  return { range: { start, end }, wholeBlocks };
}

export interface AnchorOptions {
  /** Line width the anchor's line numbers refer to; default DEFAULT_LINE_WIDTH. */
  width?: number;
}

/** The character range an anchor covers in `text`, or null when the anchor is out of range. */
export function anchorToRange(text: string, anchor: Anchor, options: AnchorOptions = {}): CharRange | null {
  return resolveAnchor(layoutText(text, options.width ?? DEFAULT_LINE_WIDTH), anchor)?.range ?? null;
}

/**
 * The word span for a character range (a selection), widened to whole words: a range that
 * starts or ends inside a word takes in the whole word. An empty range (a caret) becomes an
 * insertion point: just after the word that ends there, else before the next word (after the
 * last word at the end of the text). Null when the text has no words.
 *
 * Round trips: anchorToRange(rangeToAnchor(r)) is r widened to whole words; and
 * rangeToAnchor(anchorToRange(a)) is `a` for every insertion point and every non-empty span
 * in canonical form (`from` not at the end of a line, `to` not at word 0 of a line: the same
 * words ending "to line 4 word 0" come back ending "to line 3 word N", N the words on line 3).
 */
export function rangeToAnchor(text: string, range: CharRange, options: AnchorOptions = {}): WordSpan | null {
  if (!(0 <= range.start && range.start <= range.end && range.end <= text.length)) {
    throw new RangeError(`range ${range.start}-${range.end} is outside a text of ${text.length} characters`);
  }
  const layout = layoutText(text, options.width ?? DEFAULT_LINE_WIDTH);
  const words = layout.lines.flatMap((line, lineIndex) => line.words.map((word, wordIndex) => ({ word, position: { line: lineIndex + 1, word: wordIndex } })));
  const lastEntry = words[words.length - 1];
  if (!lastEntry) return null;
  const afterLast: WordPosition = { line: lastEntry.position.line, word: lastEntry.position.word + 1 };
  if (range.start === range.end) {
    // A caret: just after a word it touches, else before the next word.
    const before = words.find((w) => w.word.end === range.start);
    const position = before
      ? { line: before.position.line, word: before.position.word + 1 }
      : (words.find((w) => w.word.end > range.start)?.position ?? afterLast);
    return { from: position, to: position };
  }
  const firstIndex = words.findIndex((w) => w.word.end > range.start);
  let lastIndex = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if ((words[i]?.word.start ?? Infinity) < range.end) {
      lastIndex = i;
      break;
    }
  }
  const first = words[firstIndex];
  const last = words[lastIndex];
  // Only whitespace selected: the insertion point before the next word.
  if (!first || !last || lastIndex < firstIndex) {
    const position = first?.position ?? afterLast;
    return { from: position, to: position };
  }
  return { from: first.position, to: { line: last.position.line, word: last.position.word + 1 } };
}
