/**
 * Word-level diffs between versions of the text, computed from the stored text every time.
 *
 * `wordDiff` first matches paragraphs and list items (by their words, ignoring markers), then
 * diffs the words inside each matched pair: a changed list item shows as a change inside the
 * list, a renumbered item as a changed marker, a new item as one added block. The segments
 * always rebuild both texts exactly: "same" + "removed" is the old text, "same" + "added" the new.
 */
import { diffArrays, diffWordsWithSpace } from "diff";
import { WORD_DIFF_MAX_CHARACTERS, WORD_DIFF_MAX_EDITS } from "../../../utils/input-limits";
import { parseBlocks } from "./blocks";
import { numberLines, type LineKind, type LineOptions } from "./lines";
import type { Clause, ConstitutionDocument } from "./types";

export type DiffKind = "same" | "added" | "removed";

export interface DiffSegment {
  kind: DiffKind;
  text: string;
  /** Set on a paragraph or list item found on one side only, given whole (marker included). */
  whole?: true;
}

/** One paragraph or list item with the whitespace around it, so units concatenate to the text. */
interface Unit {
  indent: string;
  marker: string;
  /** Spaces between the marker and the first word. */
  gap: string;
  body: string;
  /** Whitespace after the block, up to the next block or the end. */
  after: string;
  words: Set<string>;
}

function units(text: string): { lead: string; units: Unit[] } {
  const blocks = parseBlocks(text);
  const lead = text.slice(0, blocks[0]?.start ?? text.length);
  return {
    lead,
    units: blocks.map((block, i) => {
      const body = text.slice(block.bodyStart, block.end);
      return {
        indent: text.slice(block.start, block.markerStart),
        marker: text.slice(block.markerStart, block.markerEnd),
        gap: text.slice(block.markerEnd, block.bodyStart),
        body,
        after: text.slice(block.end, blocks[i + 1]?.start ?? text.length),
        words: new Set(body.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
      };
    }),
  };
}

const unitText = (u: Unit) => u.indent + u.marker + u.gap + u.body + u.after;

/** Share of words two blocks have in common (Dice coefficient on distinct words). */
function similarity(a: Unit, b: Unit): number {
  if (a.words.size + b.words.size === 0) return a.body === b.body ? 1 : 0;
  let common = 0;
  for (const word of a.words) if (b.words.has(word)) common++;
  return (2 * common) / (a.words.size + b.words.size);
}

/** Blocks at least this similar are shown as one changed block rather than removed + added. */
const PAIRING_THRESHOLD = 0.4;
/** Above this many candidate pairs in one changed run, blocks are shown removed and added whole. */
const PAIRING_LIMIT = 250_000;

/** Order-keeping pairs (i, j) of removed and added blocks that maximise total similarity. */
function pairBlocks(removed: Unit[], added: Unit[]): [number, number][] {
  const m = removed.length;
  const n = added.length;
  if (m === 0 || n === 0 || m * n > PAIRING_LIMIT) return [];
  const score: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  const sims: number[][] = removed.map((a) => added.map((b) => similarity(a, b)));
  const at = (i: number, j: number) => score[i]?.[j] ?? 0;
  for (let i = 1; i <= m; i++) {
    const row = score[i];
    if (!row) continue;
    for (let j = 1; j <= n; j++) {
      const sim = sims[i - 1]?.[j - 1] ?? 0;
      row[j] = Math.max(at(i - 1, j), at(i, j - 1), sim >= PAIRING_THRESHOLD ? at(i - 1, j - 1) + sim : 0);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = m, j = n; i > 0 && j > 0; ) {
    const sim = sims[i - 1]?.[j - 1] ?? 0;
    if (at(i, j) === at(i - 1, j)) i--;
    else if (at(i, j) === at(i, j - 1)) j--;
    else if (sim >= PAIRING_THRESHOLD) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else break;
  }
  return pairs.reverse();
}

class Segments {
  readonly list: DiffSegment[] = [];
  private sealed = false;
  push(kind: DiffKind, text: string): void {
    if (text === "") return;
    const last = this.list[this.list.length - 1];
    if (last && last.kind === kind && !this.sealed && !last.whole) last.text += text;
    else this.list.push({ kind, text });
    this.sealed = false;
  }
  /** A paragraph or list item only on one side: a segment of its own, merged with nothing. */
  whole(kind: "added" | "removed", text: string): void {
    if (text === "") return;
    this.list.push({ kind, text, whole: true });
    this.sealed = true;
  }
  /** `a` → `b` as one atom: same when equal, else removed then added. */
  atom(a: string, b: string): void {
    if (a === b) this.push("same", a);
    else {
      this.push("removed", a);
      this.push("added", b);
    }
  }
  words(a: string, b: string): void {
    if (a === b) {
      this.push("same", a);
      return;
    }
    const changes = diffWordsWithSpace(a, b, { maxEditLength: WORD_DIFF_MAX_EDITS });
    // Too different to compare word by word in bounded time: the old words out, the new in.
    if (!changes) {
      this.atom(a, b);
      return;
    }
    for (const change of changes) {
      this.push(change.added ? "added" : change.removed ? "removed" : "same", change.value);
    }
  }
  /** Two blocks shown as one: markers as atoms, words diffed. */
  pair(a: Unit, b: Unit): void {
    this.atom(a.indent, b.indent);
    this.atom(a.marker, b.marker);
    this.atom(a.gap, b.gap);
    this.words(a.body, b.body);
    this.atom(a.after, b.after);
  }
}

/**
 * Whether two texts are short enough to compare word by word (WORD_DIFF_MAX_CHARACTERS). Longer
 * ones (only text stored before the limits on what people type) are shown whole: the old text
 * removed and the new added, with a sentence saying why.
 */
export function comparableWordByWord(before: string, after: string): boolean {
  return before === after || before.length + after.length <= WORD_DIFF_MAX_CHARACTERS;
}

/** A change shown whole, without comparing: the old text removed, then the new text added. */
export function wholeChange(before: string, after: string): DiffSegment[] {
  const out = new Segments();
  if (before === after) out.push("same", before);
  else {
    out.whole("removed", before);
    out.whole("added", after);
  }
  return out.list;
}

/** Word-level diff of two texts; see the module comment. */
export function wordDiff(before: string, after: string): DiffSegment[] {
  const out = new Segments();
  if (before === after) {
    out.push("same", before);
    return out.list;
  }
  if (!comparableWordByWord(before, after)) return wholeChange(before, after);
  const a = units(before);
  const b = units(after);
  out.atom(a.lead, b.lead);
  let i = 0;
  let j = 0;
  let removed: Unit[] = [];
  let added: Unit[] = [];
  const flush = () => {
    let ri = 0;
    let aj = 0;
    for (const [pi, pj] of pairBlocks(removed, added)) {
      for (; ri < pi; ri++) out.whole("removed", unitText(removed[ri] as Unit));
      for (; aj < pj; aj++) out.whole("added", unitText(added[aj] as Unit));
      out.pair(removed[pi] as Unit, added[pj] as Unit);
      ri = pi + 1;
      aj = pj + 1;
    }
    for (; ri < removed.length; ri++) out.whole("removed", unitText(removed[ri] as Unit));
    for (; aj < added.length; aj++) out.whole("added", unitText(added[aj] as Unit));
    removed = [];
    added = [];
  };
  // Too many blocks changed to match them in bounded time: every block removed, then added.
  const blockChanges = diffArrays(a.units, b.units, { comparator: (x, y) => x.body === y.body, maxEditLength: WORD_DIFF_MAX_EDITS }) ?? [
    { value: a.units, count: a.units.length, added: false, removed: true },
    { value: b.units, count: b.units.length, added: true, removed: false },
  ];
  for (const change of blockChanges) {
    if (change.removed) {
      removed.push(...a.units.slice(i, i + change.count));
      i += change.count;
    } else if (change.added) {
      added.push(...b.units.slice(j, j + change.count));
      j += change.count;
    } else {
      flush();
      for (let k = 0; k < change.count; k++) out.pair(a.units[i + k] as Unit, b.units[j + k] as Unit);
      i += change.count;
      j += change.count;
    }
  }
  flush();
  return out.list;
}

/** The old ("removed" side) or new ("added" side) text a diff was made from. */
export function diffSide(segments: readonly DiffSegment[], side: "before" | "after"): string {
  const skip: DiffKind = side === "before" ? "added" : "removed";
  return segments
    .filter((s) => s.kind !== skip)
    .map((s) => s.text)
    .join("");
}

export interface ClauseDiff {
  id: string;
  /** "kept": in both versions (perhaps changed, moved or renamed). */
  change: "added" | "deleted" | "kept";
  /** Kept, but in a different place relative to the other kept clauses. */
  moved: boolean;
  renamed: boolean;
  textChanged: boolean;
  entrenchmentChanged: boolean;
  before: Clause | null;
  after: Clause | null;
  title: DiffSegment[];
  text: DiffSegment[];
}

function byOrder(document: ConstitutionDocument): Clause[] {
  return document.clauses
    .map((clause, index) => ({ clause, index }))
    .sort((x, y) => x.clause.order - y.clause.order || x.index - y.index)
    .map(({ clause }) => clause);
}

/**
 * Clause by clause, in the new version's order, with deleted clauses where they stood: what was
 * added, deleted, moved (kept clauses out of their old relative order, found with a longest
 * common subsequence of ids), renamed, re-entrenched or changed, with word diffs of title and text.
 */
export function documentDiff(before: ConstitutionDocument, after: ConstitutionDocument): ClauseDiff[] {
  const oldClauses = byOrder(before);
  const newClauses = byOrder(after);
  const oldById = new Map(oldClauses.map((c) => [c.id, c]));
  const newById = new Map(newClauses.map((c) => [c.id, c]));
  const entry = (id: string, moved: boolean): ClauseDiff => {
    const a = oldById.get(id) ?? null;
    const b = newById.get(id) ?? null;
    return {
      id,
      change: a && b ? "kept" : b ? "added" : "deleted",
      moved,
      renamed: !!a && !!b && a.title !== b.title,
      textChanged: !!a && !!b && a.text !== b.text,
      entrenchmentChanged: !!a && !!b && a.entrenched !== b.entrenched,
      before: a,
      after: b,
      title: wordDiff(a?.title ?? "", b?.title ?? ""),
      text: wordDiff(a?.text ?? "", b?.text ?? ""),
    };
  };
  const result: ClauseDiff[] = [];
  const ids = (clauses: Clause[]) => clauses.map((c) => c.id);
  for (const change of diffArrays(ids(oldClauses), ids(newClauses))) {
    for (const id of change.value) {
      if (change.removed) {
        if (!newById.has(id)) result.push(entry(id, false));
      } else if (change.added) {
        result.push(entry(id, oldById.has(id)));
      } else {
        result.push(entry(id, false));
      }
    }
  }
  return result;
}

export interface DiffLine {
  /** Line number in the new text; null for blank lines and for removed blocks. */
  number: number | null;
  /** "removed": paragraphs or list items that are only in the old text, shown where they were. */
  kind: LineKind | "removed";
  listMarker?: string;
  indent: number;
  /**
   * What the line shows: its "same" and "added" segments read as the printed line (marker,
   * a space, words; whitespace collapsed), with "removed" words where they were.
   */
  segments: DiffSegment[];
}

/**
 * Lays a diff out on the numbered lines of its new text, so line numbers can be shown beside
 * it. Removed words appear inline where they were; a removed paragraph or list item (a `whole`
 * segment) gets a row of its own, without a number, before the line that now follows it.
 * Whitespace-only removals are not shown.
 */
export function diffToLines(segments: readonly DiffSegment[], options: LineOptions = {}): DiffLine[] {
  const newText = diffSide(segments, "after");
  const numbered = numberLines(newText, options);
  const blocks = parseBlocks(newText);
  const rows: DiffLine[] = numbered.map((line) => ({
    number: line.number,
    kind: line.kind,
    ...(line.listMarker !== undefined ? { listMarker: line.listMarker } : {}),
    indent: line.indent,
    segments: [],
  }));
  // What each numbered line shows of the new text: from its list marker (first line of an
  // item) or first word, to the end of its last word. Sorted by start.
  const shown: { row: number; start: number; end: number }[] = [];
  numbered.forEach((line, row) => {
    if (line.kind === "blank") return;
    const start = line.listMarker !== undefined ? (blocks[line.block]?.markerStart ?? line.start) : line.start;
    shown.push({ row, start, end: line.end });
  });
  /** Index of the first shown line starting at or after `offset` (shown.length if none). */
  const firstFrom = (offset: number) => {
    let low = 0;
    let high = shown.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((shown[middle]?.start ?? Infinity) < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const removedRows = new Map<number, string[]>();
  /** Whether the new text shown so far on each row ends with a space. */
  const endsWithSpace = new Map<number, boolean>();
  const append = (row: number, kind: DiffKind, text: string) => {
    const list = rows[row]?.segments;
    if (!list) return;
    let value = text.replace(/\s+/g, " ");
    if (kind !== "removed" && (endsWithSpace.get(row) ?? true)) value = value.replace(/^ /, "");
    if (value === "") return;
    if (kind !== "removed") endsWithSpace.set(row, value.endsWith(" "));
    const last = list[list.length - 1];
    if (last && last.kind === kind) last.text += value;
    else list.push({ kind, text: value });
  };

  let cursor = 0;
  for (const segment of segments) {
    if (segment.kind === "removed") {
      if (segment.text.trim() === "") continue;
      const next = firstFrom(cursor);
      if (segment.whole) {
        // A deleted paragraph or list item: a row of its own before the line that now follows.
        const before = shown[next]?.row ?? rows.length;
        const list = removedRows.get(before) ?? [];
        list.push(segment.text.replace(/\s+/g, " ").trim());
        removedRows.set(before, list);
      } else {
        // Removed words: on the line where they stood.
        const owner = shown[next]?.start === cursor ? shown[next] : (shown[next - 1] ?? shown[0]);
        if (owner) append(owner.row, "removed", segment.text);
      }
      continue;
    }
    const end = cursor + segment.text.length;
    for (let i = Math.max(0, firstFrom(cursor) - 1); i < shown.length; i++) {
      const line = shown[i];
      if (!line || line.start >= end) break;
      const from = Math.max(cursor, line.start);
      const to = Math.min(end, line.end);
      if (from < to) append(line.row, segment.kind, newText.slice(from, to));
    }
    cursor = end;
  }

  const result: DiffLine[] = [];
  const removedRow = (text: string): DiffLine => ({
    number: null,
    kind: "removed",
    indent: 0,
    segments: [{ kind: "removed", text }],
  });
  rows.forEach((row, index) => {
    for (const text of removedRows.get(index) ?? []) result.push(removedRow(text));
    const last = row.segments[row.segments.length - 1];
    if (last) last.text = last.text.replace(/ $/, "");
    result.push(row);
  });
  for (const text of removedRows.get(rows.length) ?? []) result.push(removedRow(text));
  return result;
}
