/**
 * Property tests over every amendment kind on numbered paragraphs and lists (issue 14 item 5):
 * no item ever ends up with two markers, and the numbering is the one the proposer meant.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadingMarker, parseBlocks } from "./blocks";
import { hashText } from "./hash";
import { layoutText } from "./lines";
import { applyAmendment, rangeToAnchor } from "./operations";
import type { Amendment, ConstitutionDocument } from "./types";

const styles = {
  paren: (i: number) => `(${i + 1})`,
  dot: (i: number) => `${i + 1}.`,
  letter: (i: number) => `(${String.fromCharCode(97 + i)})`,
  dashLetter: (i: number) => `- (${String.fromCharCode(97 + i)})`,
} as const;
type Style = keyof typeof styles;

const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
const body = fc.array(word, { minLength: 1, maxLength: 18 }).map((w) => w.join(" "));
const list = fc.record({
  style: fc.constantFrom<Style>("paren", "dot", "letter", "dashLetter"),
  bodies: fc.array(body, { minLength: 1, maxLength: 6 }),
  intro: fc.boolean(),
  gap: fc.constantFrom("\n", "\n\n"),
});
type List = { style: Style; bodies: string[]; intro: boolean; gap: string };

const textOf = (l: List) => (l.intro ? "The rules are:\n\n" : "") + l.bodies.map((b, i) => `${styles[l.style](i)} ${b}`).join(l.gap);
const doc = (text: string): ConstitutionDocument => ({
  clauses: [
    { id: "c", title: "C", order: 10, entrenched: false, text },
    { id: "d", title: "D", order: 20, entrenched: false, text: "Other text." },
  ],
});
const markers = (text: string) => parseBlocks(text).flatMap((b) => (b.marker === undefined ? [] : [b.marker]));
/** No paragraph or item whose words start with another marker: "(4) (4) Fees". */
const doubled = (text: string) => parseBlocks(text).some((b) => leadingMarker(text.slice(b.bodyStart, b.end)) !== null);

function apply(text: string, amendment: Amendment): string {
  const r = applyAmendment(doc(text), amendment);
  if (!r.ok) throw new Error(r.code);
  return r.document.clauses.find((c) => c.id === "c")?.text ?? "";
}

/** Line numbers (1-based) of the first and last line of each item, as laid out at 80 columns. */
function itemLines(text: string) {
  const layout = layoutText(text);
  const items: { first: number; last: number; start: number; end: number }[] = [];
  layout.lines.forEach((line, i) => {
    const block = layout.blocks[line.block];
    if (block?.marker === undefined) return;
    if (line.first) items.push({ first: i + 1, last: i + 1, start: line.words[0]?.start ?? 0, end: 0 });
    const item = items[items.length - 1];
    if (item) {
      item.last = i + 1;
      item.end = line.words[line.words.length - 1]?.end ?? 0;
    }
  });
  return items;
}

const base = { id: "a", createdAt: 1, clauseId: "c" };

describe("numbered paragraphs and lists under every amendment kind", () => {
  it("replacing whole items, typed with their markers or without: one marker each, numbered as before", () => {
    fc.assert(
      fc.property(list, fc.nat(), fc.nat(), fc.array(fc.tuple(body, fc.boolean()), { minLength: 6, maxLength: 6 }), (l, a, b, typed) => {
        const text = textOf(l);
        const items = itemLines(text);
        const from = a % items.length;
        const to = from + (b % (items.length - from));
        const lines = { from: items[from]?.first ?? 1, to: items[to]?.last ?? 1 };
        const replacement = typed
          .slice(0, to - from + 1)
          .map(([w, withMarker], k) => (withMarker || k > 0 ? `${styles[l.style](from + k)} ${w}` : w))
          .join("\n");
        const result = apply(text, { ...base, kind: "replace", baseHash: hashText(text), anchor: { lines }, text: replacement });
        expect(doubled(result)).toBe(false);
        expect(markers(result)).toEqual(markers(text));
      }),
      { numRuns: 400 },
    );
  });

  it("replacing the first words of an item, with or without its marker typed: one marker, the same", () => {
    fc.assert(
      fc.property(list, fc.nat(), fc.integer({ min: 1, max: 4 }), body, fc.boolean(), (l, a, n, w, withMarker) => {
        const text = textOf(l);
        const items = itemLines(text);
        const item = items[a % items.length];
        if (!item) return;
        const end = text.slice(item.start).split(" ").slice(0, n).join(" ").length + item.start;
        const anchor = rangeToAnchor(text, { start: item.start, end: Math.min(end, item.end) });
        if (!anchor) return;
        const marker = markers(text)[a % items.length] ?? "";
        const typed = withMarker ? `${marker.split(" ").pop()} ${w}` : w;
        const result = apply(text, { ...base, kind: "replace", baseHash: hashText(text), anchor, text: typed });
        expect(doubled(result)).toBe(false);
        expect(markers(result)).toEqual(markers(text));
      }),
      { numRuns: 400 },
    );
  });

  it("typing another number over an item's: that number, once", () => {
    fc.assert(
      fc.property(list, fc.nat(), body, fc.integer({ min: 7, max: 20 }), (l, a, w, n) => {
        const text = textOf(l);
        const items = itemLines(text);
        const index = a % items.length;
        const item = items[index];
        if (!item) return;
        const result = apply(text, {
          ...base,
          kind: "replace",
          baseHash: hashText(text),
          anchor: { lines: { from: item.first, to: item.last } },
          text: `${n}. ${w}`,
        });
        expect(doubled(result)).toBe(false);
        const expected = markers(text);
        expected[index] = `${n}.`;
        expect(markers(result)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("deleting whole items: the others keep their markers, none doubled", () => {
    fc.assert(
      fc.property(list, fc.nat(), fc.nat(), (l, a, b) => {
        const text = textOf(l);
        const items = itemLines(text);
        const from = a % items.length;
        const to = from + (b % (items.length - from));
        const lines = { from: items[from]?.first ?? 1, to: items[to]?.last ?? 1 };
        const result = apply(text, { ...base, kind: "replace", baseHash: hashText(text), anchor: { lines }, text: "" });
        expect(doubled(result)).toBe(false);
        const expected = markers(text);
        expected.splice(from, to - from + 1);
        expect(markers(result)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("words inside an item, replaced or inserted: markers untouched", () => {
    fc.assert(
      fc.property(list, fc.nat(), fc.integer({ min: 0, max: 3 }), fc.oneof(fc.constant(""), body), (l, at, length, typed) => {
        const text = textOf(l);
        const layout = layoutText(text);
        const blockIndexes = [...new Set(layout.lines.map((line) => line.block))];
        const chosen = blockIndexes[at % blockIndexes.length];
        // Words of one item after its first: a span that never starts where the item's words start.
        const all = layout.lines
          .filter((line) => line.block === chosen)
          .flatMap((line) => line.words)
          .slice(1);
        const first = all[at % Math.max(1, all.length)];
        if (!first) return;
        const last = all[Math.min(all.length - 1, (at % all.length) + Math.max(0, length - 1))] ?? first;
        const range = length === 0 ? { start: first.start, end: first.start } : { start: first.start, end: Math.max(first.end, last.end) };
        const anchor = rangeToAnchor(text, range);
        if (!anchor) return;
        const result = apply(text, { ...base, kind: "replace", baseHash: hashText(text), anchor, text: length === 0 && typed === "" ? "new" : typed });
        expect(doubled(result)).toBe(false);
        expect(markers(result)).toEqual(markers(text));
      }),
      { numRuns: 300 },
    );
  });

  it("the whole text retyped (replaceText): exactly what the proposer wrote", () => {
    fc.assert(
      fc.property(list, list, (l, m) => {
        const text = textOf(l);
        const result = apply(text, { ...base, kind: "replaceText", baseHash: hashText(text), text: textOf(m) });
        expect(result).toBe(textOf(m));
        expect(doubled(result)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("new, moved, renamed or entrenched clauses leave a numbered clause's text as it was", () => {
    const structural = fc.constantFrom<Amendment>(
      { id: "i", createdAt: 1, kind: "insertAfter", afterClauseId: "c", clause: { id: "n", title: "New", text: "(1) First.\n(2) Second." } },
      { id: "i", createdAt: 1, kind: "insertAfter", afterClauseId: null, clause: { id: "n", title: "New", text: "1. One." } },
      { id: "m", createdAt: 1, kind: "move", clauseId: "c", afterClauseId: "d" },
      { id: "m", createdAt: 1, kind: "move", clauseId: "d", afterClauseId: null },
      { id: "r", createdAt: 1, kind: "rename", clauseId: "c", title: "Fees" },
      { id: "e", createdAt: 1, kind: "setEntrenched", clauseId: "c", entrenched: true },
      { id: "x", createdAt: 1, kind: "delete", clauseId: "d" },
    );
    fc.assert(
      fc.property(list, structural, (l, amendment) => {
        const text = textOf(l);
        const r = applyAmendment(doc(text), amendment);
        if (!r.ok) throw new Error(r.code);
        expect(r.document.clauses.find((c) => c.id === "c")?.text).toBe(text);
        for (const c of r.document.clauses) expect(doubled(c.text)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
