import { describe, expect, it } from "vitest";
import { MAX_AMENDMENT_REASON_LENGTH, MAX_CLAUSE_TEXT_LENGTH, MAX_CLAUSE_TITLE_LENGTH } from "~/utils/input-limits";
import { shownDocument, shownText, shownTitle } from "./shown-text";

describe("stored text as pages show it", () => {
  it("leaves text within its field's limit as it is, with no sentence", () => {
    expect(shownText("Fair votes.", "reason")).toEqual({ text: "Fair votes.", cut: null });
    const atLimit = "x".repeat(MAX_AMENDMENT_REASON_LENGTH);
    expect(shownText(atLimit, "reason")).toEqual({ text: atLimit, cut: null });
  });

  it("cuts longer text to the limit and says so, with both lengths as a member reads them", () => {
    const shown = shownText("x".repeat(1_000_000), "reason");
    expect(shown.text).toHaveLength(MAX_AMENDMENT_REASON_LENGTH);
    expect(shown.cut).toBe("This reason is longer than any reason can now be (1,000,000 characters), so only its first 2,000 characters are shown.");
    expect(shownText("y".repeat(2_016_000), "clauseText").cut).toBe(
      "This text is longer than any clause can now be (2,016,000 characters), so only its first 20,000 characters are shown.",
    );
    expect(shownText("z".repeat(2_001), "comment").cut).toBe(
      "This comment is longer than any comment can now be (2,001 characters), so only its first 2,000 characters are shown.",
    );
  });

  it("never splits a character written as two UTF-16 units", () => {
    const text = `${"x".repeat(MAX_AMENDMENT_REASON_LENGTH - 1)}😀${"x".repeat(10)}`;
    const shown = shownText(text, "reason");
    expect(shown.text).toBe("x".repeat(MAX_AMENDMENT_REASON_LENGTH - 1));
    expect(shown.cut).not.toBeNull();
  });

  it("ends an over-long title in an ellipsis, within the title limit", () => {
    expect(shownTitle("Aims")).toBe("Aims");
    const title = shownTitle("t".repeat(10_000));
    expect(title).toHaveLength(MAX_CLAUSE_TITLE_LENGTH);
    expect(title.endsWith("…")).toBe(true);
  });

  it("cuts each clause of a document, leaving the others untouched, with a sentence per cut clause", () => {
    const short = { id: "aims", title: "Aims", text: "Fair votes.", entrenched: false, order: 0 };
    const long = { id: "name", title: "Name", text: "w ".repeat(50_000), entrenched: false, order: 1 };
    const shown = shownDocument({ clauses: [short, long] });
    expect(shown.document.clauses[0]).toBe(short);
    expect(shown.document.clauses[1]?.text).toHaveLength(MAX_CLAUSE_TEXT_LENGTH);
    expect([...shown.cut.keys()]).toEqual(["name"]);
  });
});
