import { describe, expect, it } from "vitest";
import { findConflicts, type ConflictReason } from "./conflicts";
import { applyAll } from "./operations";
import { AIMS, MEMBERS, NAME, clause, entrench, insertAfter, move, remove, rename, replace, replaceText, sampleDocument, words } from "./test-support";
import type { Amendment } from "./types";

// MEMBERS line 2: Members(0) pay(1) a(2) yearly(3) fee(4) set(5) by(6) the(7) conference.(8)
const yearly = (id: string, createdAt: number) => replace("members", MEMBERS, words(2, 3, 2, 4), "monthly", id, createdAt);
const yearlyFee = (id: string, createdAt: number) => replace("members", MEMBERS, words(2, 3, 2, 5), "monthly fee", id, createdAt);
const feeSet = (id: string, createdAt: number) => replace("members", MEMBERS, words(2, 4, 2, 6), "subscription fixed", id, createdAt);
const conference = (id: string, createdAt: number) => replace("members", MEMBERS, words(2, 8, 2, 9), "members' meeting.", id, createdAt);

describe("findConflicts: pairs", () => {
  const cases: { name: string; a: Amendment; b: Amendment; reason: ConflictReason | null }[] = [
    { name: "different words of one clause", a: yearly("a", 1), b: conference("b", 2), reason: null },
    { name: "neighbouring words of one clause", a: yearly("a", 1), b: replace("members", MEMBERS, words(2, 4, 2, 5), "charge", "b", 2), reason: null },
    { name: "the same words", a: yearly("a", 1), b: replace("members", MEMBERS, words(2, 3, 2, 4), "annual", "b", 2), reason: "overlap" },
    { name: "overlapping spans", a: yearlyFee("a", 1), b: feeSet("b", 2), reason: "overlap" },
    {
      name: "one span inside another",
      a: replace("members", MEMBERS, { lines: { from: 2, to: 2 } }, "Membership is free.", "a", 1),
      b: conference("b", 2),
      reason: "overlap",
    },
    {
      name: "two insertions at the same point",
      a: replace("name", NAME, words(1, 7, 1, 7), "New", "a", 1),
      b: replace("name", NAME, words(1, 7, 1, 7), "Old", "b", 2),
      reason: "overlap",
    },
    {
      name: "an insertion just before a replaced word",
      a: replace("name", NAME, words(1, 7, 1, 7), "New", "a", 1),
      b: replace("name", NAME, words(1, 7, 1, 8), "Sample", "b", 2),
      reason: "overlap",
    },
    {
      name: "an insertion a word away",
      a: replace("name", NAME, words(1, 6, 1, 6), "truly", "a", 1),
      b: replace("name", NAME, words(1, 7, 1, 8), "Sample", "b", 2),
      reason: null,
    },
    { name: "different clauses", a: yearly("a", 1), b: replace("name", NAME, words(1, 0, 1, 1), "A", "b", 2), reason: null },
    {
      name: "replaceText changing other words",
      a: yearly("a", 1),
      b: replaceText("members", MEMBERS, MEMBERS.replace("may join", "can join"), "b", 2),
      reason: null,
    },
    {
      name: "replaceText changing the same words",
      a: yearly("a", 1),
      b: replaceText("members", MEMBERS, MEMBERS.replace("yearly", "annual"), "b", 2),
      reason: "overlap",
    },
    {
      name: "replaceText changing the next word",
      a: yearly("a", 1),
      b: replaceText("members", MEMBERS, MEMBERS.replace("yearly fee", "yearly charge"), "b", 2),
      reason: null,
    },
    {
      name: "replaceText rewriting the whole clause",
      a: conference("a", 1),
      b: replaceText("members", MEMBERS, "Membership is open to all.", "b", 2),
      reason: "overlap",
    },
    {
      name: "two replaceTexts on different paragraphs",
      a: replaceText("members", MEMBERS, MEMBERS.replace("Anyone", "Everyone"), "a", 1),
      b: replaceText("members", MEMBERS, MEMBERS.replace("conference", "members"), "b", 2),
      reason: null,
    },
    { name: "delete and change the text", a: remove("aims", "a", 1), b: replaceText("aims", AIMS, "Fairness.", "b", 2), reason: "deleted" },
    { name: "delete and move", a: remove("aims", "a", 1), b: move("aims", null, "b", 2), reason: "deleted" },
    { name: "delete and rename", a: remove("aims", "a", 1), b: rename("aims", "Goals", "b", 2), reason: "deleted" },
    { name: "delete twice", a: remove("aims", "a", 1), b: remove("aims", "b", 2), reason: "deleted" },
    { name: "delete, and insert after the deleted clause", a: remove("aims", "a", 1), b: insertAfter("aims", "values", "x", "b", 2), reason: null },
    { name: "move twice", a: move("name", "aims", "a", 1), b: move("name", "members", "b", 2), reason: "both-move" },
    { name: "move two different clauses", a: move("name", "aims", "a", 1), b: move("members", null, "b", 2), reason: null },
    { name: "rename twice", a: rename("name", "A", "a", 1), b: rename("name", "B", "b", 2), reason: "both-rename" },
    { name: "entrench twice", a: entrench("name", true, "a", 1), b: entrench("name", true, "b", 2), reason: "both-entrench" },
    { name: "move and change the text", a: move("name", "aims", "a", 1), b: replaceText("name", NAME, "Name.", "b", 2), reason: null },
    { name: "rename and entrench", a: rename("name", "A", "a", 1), b: entrench("name", true, "b", 2), reason: null },
  ];
  it.each(cases)("$name", ({ a, b, reason }) => {
    const document = sampleDocument();
    for (const list of [
      [a, b],
      [b, a],
    ]) {
      const report = findConflicts(list, document);
      expect(report.unresolved).toEqual([]);
      if (reason === null) {
        expect(report.pairs).toEqual([]);
        expect(report.groups).toEqual([]);
        expect([...report.standalone].sort()).toEqual([a.id, b.id]);
      } else {
        expect(report.pairs).toEqual([{ a: a.id, b: b.id, reason }]);
        expect(report.groups).toEqual([{ clauseId: a.kind === "insertAfter" ? "" : a.clauseId, amendmentIds: [a.id, b.id] }]);
        expect(report.standalone).toEqual([]);
      }
    }
    // applyAll agrees: compatible amendments all apply; of competing ones the first applies.
    const result = applyAll(document, [a, b]);
    expect(result.rejected.map((r) => r.id)).toEqual(reason === null ? [] : [b.id]);
  });
});

describe("findConflicts: a deletion by diff next to a deletion by words", () => {
  // The diff deletes "0 A :" and the second line break of the paragraph break; the first line
  // deletion also tidies the line break after "a .": both change that separator.
  const text = "a .\n0 A :\n\n' A\n. , ;";
  const document = { clauses: [{ id: "c", title: "C", order: 1, entrenched: false, text }] };
  const first = replace("c", text, words(1, 0, 1, 2), "", "a", 1);
  const second = replaceText("c", text, "a .\n\n' A\n. , ;", "b", 2);
  it("compete, whichever comes first", () => {
    for (const list of [
      [first, second],
      [second, first],
    ]) {
      expect(findConflicts(list, document).pairs).toEqual([{ a: "a", b: "b", reason: "overlap" }]);
    }
    expect(applyAll(document, [first, second]).rejected.map((r) => r.id)).toEqual(["b"]);
    expect(applyAll(document, [{ ...first, createdAt: 3 }, second]).rejected.map((r) => r.id)).toEqual(["a"]);
  });
});

describe("findConflicts: groups", () => {
  it("groups connected competitors, even when the two ends could both apply", () => {
    const a = yearlyFee("a", 1); // yearly fee
    const b = feeSet("b", 2); // fee set
    const c = replace("members", MEMBERS, words(2, 5, 2, 7), "decided by", "c", 3); // set by
    const d = conference("d", 4);
    const report = findConflicts([d, c, b, a], sampleDocument());
    expect(report.pairs).toEqual([
      { a: "a", b: "b", reason: "overlap" },
      { a: "b", b: "c", reason: "overlap" },
    ]);
    expect(report.groups).toEqual([{ clauseId: "members", amendmentIds: ["a", "b", "c"] }]);
    expect(report.standalone).toEqual(["d"]);
  });

  it("lists groups in document order and keeps clauses apart", () => {
    const report = findConflicts(
      [yearly("m1", 1), yearly("m2", 2), rename("name", "A", "n1", 3), rename("name", "B", "n2", 4), insertAfter(null, "pre", "x", "p", 5)],
      sampleDocument(),
    );
    expect(report.groups).toEqual([
      { clauseId: "name", amendmentIds: ["n1", "n2"] },
      { clauseId: "members", amendmentIds: ["m1", "m2"] },
    ]);
    expect(report.standalone).toEqual(["p"]);
  });

  it("sets aside amendments that cannot be placed on the current text", () => {
    const report = findConflicts(
      [
        replace("members", `${MEMBERS}\n\nOld paragraph.`, words(1, 0, 1, 1), "x", "stale", 1),
        replace("nope", MEMBERS, words(1, 0, 1, 1), "x", "unknown", 2),
        replace("members", MEMBERS, words(9, 0, 9, 1), "x", "range", 3),
        insertAfter("name", "aims", "x", "dup", 4),
        insertAfter("nope", "x", "x", "nowhere", 5),
        yearly("ok", 6),
      ],
      sampleDocument(),
    );
    expect(report.unresolved).toEqual([
      { id: "dup", code: "duplicate-clause" },
      { id: "stale", code: "stale-base" },
      { id: "range", code: "anchor-out-of-range" },
      { id: "unknown", code: "unknown-clause" },
      { id: "nowhere", code: "unknown-clause" },
    ]);
    expect(report.standalone).toEqual(["ok"]);
  });

  it("one winner per group plus every standalone amendment apply together without rejections", () => {
    const list: Amendment[] = [
      yearlyFee("a", 1),
      feeSet("b", 2),
      conference("c", 3),
      replaceText("members", MEMBERS, MEMBERS.replace("Anyone", "Everyone"), "d", 4),
      rename("aims", "Our aims", "e", 5),
      remove("aims", "f", 6),
      replace("aims", AIMS, { lines: { from: 3, to: 3 } }, "", "g", 7),
      insertAfter("name", "values", "We value fairness.", "h", 8),
    ];
    const report = findConflicts(list, sampleDocument());
    expect(report.groups).toEqual([
      { clauseId: "aims", amendmentIds: ["e", "f", "g"] },
      { clauseId: "members", amendmentIds: ["a", "b"] },
    ]);
    expect(report.standalone).toEqual(["h", "c", "d"]);
    for (const winners of [
      ["e", "b"],
      ["g", "a"],
      ["f", "b"],
    ]) {
      const accepted = list.filter((x) => winners.includes(x.id) || report.standalone.includes(x.id));
      const result = applyAll(sampleDocument(), accepted);
      expect(result.rejected).toEqual([]);
      expect(result.applied).toHaveLength(accepted.length);
    }
    const result = applyAll(
      sampleDocument(),
      list.filter((x) => ["g", "a", "c", "d"].includes(x.id)),
    );
    expect(clause(result.document, "members").text).toBe("Everyone who supports the aims may join.\n\nMembers pay a monthly fee set by the members' meeting.");
    expect(clause(result.document, "aims").text).toBe("The party's aims are:\n\n- fair votes for everyone\n- public services run for people");
  });
});
