import { describe, expect, it } from "vitest";
import { numberedView } from "./views.server";

const clause = (id: string, text: string) => ({ id, title: `Clause ${id}`, entrenched: false, text });

describe("numberedView", () => {
  it("hands out the numbering it worked out for the same clauses again", () => {
    const clauses = [clause("a", "One two three."), clause("b", "Four five.")];
    const first = numberedView(clauses);
    expect(numberedView(clauses.map((c) => ({ ...c })))).toBe(first);
  });

  it("numbers afresh when any clause, its title, its place or the width changes", () => {
    const clauses = [clause("a", "One two three four five six seven eight nine ten."), clause("b", "Four five.")];
    const before = numberedView(clauses);
    const changedText = numberedView([clauses[0]!, clause("b", "Four five six.")]);
    expect(changedText).not.toBe(before);
    expect(changedText[1]?.lines.map((l) => l.text)).toEqual(["Four five six."]);
    const retitled = numberedView([clauses[0]!, { ...clauses[1]!, title: "Renamed" }]);
    expect(retitled[1]?.title).toBe("Renamed");
    const swapped = numberedView([clauses[1]!, clauses[0]!]);
    expect(swapped[0]?.id).toBe("b");
    expect(swapped[1]?.firstLine).toBe(2);
    const narrow = numberedView(clauses, 20);
    expect(narrow[0]?.lines.length).toBeGreaterThan(before[0]!.lines.length);
    // A text cannot pass for two others joined differently.
    const joined = numberedView([clause("a", "x"), clause("b", "")]);
    const split = numberedView([clause("a", ""), clause("b", "x")]);
    expect(joined[0]?.lines.length).toBe(1);
    expect(split[0]?.lines.length).toBe(0);
  });
});
