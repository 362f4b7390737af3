/**
 * Property tests: random clause texts and amendments, checked for what must always hold.
 * A few hundred cases each, so the file runs in a few seconds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findConflicts } from "./conflicts";
import { diffSide, diffToLines, wordDiff } from "./diff";
import { applyEdits, editsBetween } from "./edits";
import { hashText } from "./hash";
import { layoutText, numberLines } from "./lines";
import { applyAll, applyAmendment, rangeToAnchor } from "./operations";
import type { Amendment, ConstitutionDocument, ReplaceAmendment } from "./types";

const word = fc.stringMatching(/^[A-Za-z0-9'’.,;:()-]{1,7}$/);
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max });
/** Words joined by spaces, double spaces or soft line breaks. */
const run = fc
  .array(fc.tuple(word, fc.constantFrom(" ", " ", " ", "  ", "\n")), { minLength: 1, maxLength: 14 })
  .map((parts) => parts.map(([w, space], i) => (i < parts.length - 1 ? w + space : w)).join(""));
const block = fc.oneof(
  run,
  fc.tuple(fc.constantFrom("- ", "* ", "1. ", "12. ", "(a) ", "  (b) ", "- (c) "), run).map(([marker, body]) => marker + body),
);
/** Clause-like text: paragraphs and list items with line breaks, blank lines between some. */
const clauseText = fc
  .array(fc.tuple(block, fc.constantFrom("\n", "\n\n", "\n\n\n")), { maxLength: 6 })
  .map((blocks) => blocks.map(([b, sep], i) => (i < blocks.length - 1 ? b + sep : b)).join(""));
/** Anything at all, to make sure nothing assumes clause-like input. */
const anyText = fc.oneof(clauseText, fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 30 }));

const oneClause = (text: string): ConstitutionDocument => ({ clauses: [{ id: "c", title: "C", order: 1, entrenched: false, text }] });

describe("properties", () => {
  it("replaceText, then a word diff of original → result rebuilds both texts exactly", () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const result = applyAmendment(oneClause(before), {
          kind: "replaceText",
          id: "t",
          createdAt: 1,
          clauseId: "c",
          baseHash: hashText(before),
          text: after,
        });
        expect(result.ok).toBe(true);
        const text = result.ok ? (result.document.clauses[0]?.text ?? "") : "";
        expect(text).toBe(after);
        const segments = wordDiff(before, text);
        expect(diffSide(segments, "before")).toBe(before);
        expect(diffSide(segments, "after")).toBe(text);
        expect(segments.every((s) => s.text !== "")).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("the edits between two texts turn one into the other", () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        expect(applyEdits(before, editsBetween(before, after)).text).toBe(after);
      }),
      { numRuns: 300 },
    );
  });

  it("numbered lines fit the width, are numbered 1, 2, 3…, and hold every word in order", () => {
    fc.assert(
      fc.property(clauseText, fc.integer({ min: 8, max: 100 }), fc.integer({ min: 1, max: 500 }), (text, width, start) => {
        const lines = numberLines(text, { width, start });
        const numbered = lines.filter((l) => l.kind !== "blank");
        expect(numbered.map((l) => l.number)).toEqual(numbered.map((_, i) => start + i));
        for (const line of numbered) {
          if (line.text.includes(" ")) expect(line.indent + line.text.length).toBeLessThanOrEqual(Math.max(width, line.indent + 1));
        }
        const layout = layoutText(text, width);
        const allWords = layout.lines.flatMap((l) => l.words.map((w) => w.text));
        expect(numbered.flatMap((l) => l.text.split(" "))).toEqual(allWords);
        expect(lines[0]?.kind).not.toBe("blank");
      }),
      { numRuns: 300 },
    );
  });

  it("a diff laid on lines shows each new line exactly as printed", () => {
    fc.assert(
      fc.property(clauseText, clauseText, fc.integer({ min: 10, max: 90 }), (before, after, width) => {
        const rows = diffToLines(wordDiff(before, after), { width });
        const printed = numberLines(after, { width }).map((l) =>
          l.kind === "blank" ? "" : `${l.listMarker !== undefined ? `${l.listMarker} ` : ""}${l.text}`,
        );
        const shown = rows
          .filter((r) => r.kind !== "removed")
          .map((r) =>
            r.segments
              .filter((s) => s.kind !== "removed")
              .map((s) => s.text)
              .join(""),
          );
        expect(shown).toEqual(printed);
      }),
      { numRuns: 300 },
    );
  });

  /**
   * A replace amendment over `length` words from word `at` (modulo the word count) of `text`,
   * found through a character range as the UI would; an insertion point when `length` is 0.
   */
  function span(text: string, id: string, createdAt: number, at: number, length: number, replacement: string): ReplaceAmendment | null {
    const all = layoutText(text).lines.flatMap((l) => l.words);
    const first = all[at % Math.max(1, all.length)];
    const last = all[Math.min(all.length, (at % Math.max(1, all.length)) + length) - 1];
    if (!first || !last) return null;
    const anchor = rangeToAnchor(text, length > 0 ? { start: first.start, end: last.end } : { start: first.start, end: first.start });
    if (!anchor) return null;
    // An empty insertion would change nothing.
    const newText = length === 0 && replacement === "" ? "inserted" : replacement;
    return { kind: "replace", id, createdAt, clauseId: "c", baseHash: hashText(text), anchor, text: newText };
  }

  it("two replaces: competing exactly when applyAll refuses the later; otherwise order does not matter", () => {
    const replacement = fc.oneof(
      fc.constant(""),
      words(3).map((w) => w.join(" ")),
    );
    const length = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(
        clauseText.filter((t) => /\S/.test(t)),
        fc.nat(),
        length,
        fc.nat(),
        length,
        replacement,
        replacement,
        (text, ai, al, bi, bl, ra, rb) => {
          const document = oneClause(text);
          const a = span(text, "a", 1, ai, al, ra);
          const b = span(text, "b", 2, bi, bl, rb);
          if (!a || !b) return;
          const competing = findConflicts([a, b], document).pairs.length > 0;
          const forward = applyAll(document, [a, b]);
          const backward = applyAll(document, [
            { ...a, createdAt: 2 },
            { ...b, createdAt: 1 },
          ]);
          if (competing) {
            expect(forward.rejected.map((r) => r.id)).toEqual(["b"]);
            expect(backward.rejected.map((r) => r.id)).toEqual(["a"]);
          } else {
            expect(forward.rejected).toEqual([]);
            expect(backward.rejected).toEqual([]);
            expect(forward.document.clauses[0]?.text).toBe(backward.document.clauses[0]?.text);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("a replace and a replaceText: the same agreement between findConflicts and applyAll", () => {
    const replacement = fc.oneof(
      fc.constant(""),
      words(3).map((w) => w.join(" ")),
    );
    const length = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(
        clauseText.filter((t) => /\S/.test(t)),
        fc.nat(),
        length,
        fc.nat(),
        length,
        replacement,
        replacement,
        (text, ai, al, bi, bl, ra, rb) => {
          const document = oneClause(text);
          const a = span(text, "a", 1, ai, al, ra);
          const edit = span(text, "b", 2, bi, bl, rb);
          if (!a || !edit) return;
          const edited = applyAmendment(document, edit);
          if (!edited.ok) throw new Error(edited.code);
          const b = {
            kind: "replaceText" as const,
            id: "b",
            createdAt: 2,
            clauseId: "c",
            baseHash: hashText(text),
            text: edited.document.clauses[0]?.text ?? "",
          };
          const competing = findConflicts([a, b], document).pairs.length > 0;
          const forward = applyAll(document, [a, b]);
          const backward = applyAll(document, [
            { ...a, createdAt: 2 },
            { ...b, createdAt: 1 },
          ]);
          expect(forward.rejected.map((r) => r.id)).toEqual(competing ? ["b"] : []);
          expect(backward.rejected.map((r) => r.id)).toEqual(competing ? ["a"] : []);
          if (!competing) expect(forward.document.clauses[0]?.text).toBe(backward.document.clauses[0]?.text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("three amendments to one clause: when none compete, all apply, in any order, to the same text", () => {
    const replacement = fc.oneof(
      fc.constant(""),
      words(3).map((w) => w.join(" ")),
    );
    const change = fc.record({ at: fc.nat(), length: fc.integer({ min: 0, max: 3 }), text: replacement, whole: fc.boolean() });
    fc.assert(
      fc.property(
        clauseText.filter((t) => /\S/.test(t)),
        fc.array(change, { minLength: 3, maxLength: 3 }),
        (text, changes) => {
          const document = oneClause(text);
          const amendments: Amendment[] = [];
          for (const [i, c] of changes.entries()) {
            const amendment = span(text, `x${i}`, i, c.at, c.length, c.text);
            if (!amendment) return;
            if (!c.whole) {
              amendments.push(amendment);
              continue;
            }
            const edited = applyAmendment(document, amendment);
            if (!edited.ok) throw new Error(edited.code);
            const { id, createdAt, baseHash } = amendment;
            amendments.push({ kind: "replaceText", id, createdAt, clauseId: "c", baseHash, text: edited.document.clauses[0]?.text ?? "" });
          }
          const report = findConflicts(amendments, document);
          const orders = [
            [0, 1, 2],
            [2, 1, 0],
            [1, 2, 0],
            [0, 2, 1],
          ];
          const results = orders.map((order) =>
            applyAll(
              document,
              amendments.map((a) => ({ ...a, createdAt: order.indexOf(Number(a.id.slice(1))) })),
            ),
          );
          for (const result of results) {
            // Whatever is refused competes with something.
            for (const r of result.rejected) expect(report.pairs.some((p) => p.a === r.id || p.b === r.id)).toBe(true);
          }
          if (report.pairs.length === 0) {
            for (const result of results) {
              expect(result.rejected).toEqual([]);
              expect(result.document.clauses[0]?.text).toBe(results[0]?.document.clauses[0]?.text);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
