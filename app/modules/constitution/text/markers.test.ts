/**
 * Replacing lines of a numbered paragraph or list item keeps one marker (issue 14 item 5):
 * "(4) (4) Fees are paid..." went into an adopted version when the proposer typed the "(4)".
 */
import { describe, expect, it } from "vitest";
import { applyAmendment } from "./operations";
import { replace, words } from "./test-support";
import type { ConstitutionDocument } from "./types";

const FEES = "(3) Members elect the officers.\n(4) Fees are paid each year.\n(5) The treasurer keeps the accounts.";
const doc = (text: string): ConstitutionDocument => ({ clauses: [{ id: "c", title: "C", order: 1, entrenched: false, text }] });
const after = (text: string, amendment: Parameters<typeof applyAmendment>[1]) => {
  const r = applyAmendment(doc(text), amendment);
  if (!r.ok) throw new Error(r.code);
  return r.document.clauses[0]?.text;
};

describe("replacing the lines of a numbered item", () => {
  it("typed with its marker: the marker is not doubled", () => {
    expect(after(FEES, replace("c", FEES, { lines: { from: 2, to: 2 } }, "(4) Fees are paid monthly."))).toBe(
      "(3) Members elect the officers.\n(4) Fees are paid monthly.\n(5) The treasurer keeps the accounts.",
    );
  });

  it("typed without its marker: the item keeps its marker", () => {
    expect(after(FEES, replace("c", FEES, { lines: { from: 2, to: 2 } }, "Fees are paid monthly."))).toBe(
      "(3) Members elect the officers.\n(4) Fees are paid monthly.\n(5) The treasurer keeps the accounts.",
    );
  });

  it("typed with another number: the proposer's number is used", () => {
    expect(after(FEES, replace("c", FEES, { lines: { from: 2, to: 2 } }, "(6) Fees are paid monthly."))).toBe(
      "(3) Members elect the officers.\n(6) Fees are paid monthly.\n(5) The treasurer keeps the accounts.",
    );
  });

  it("several items replaced with their markers typed", () => {
    expect(after(FEES, replace("c", FEES, { lines: { from: 2, to: 3 } }, "(4) Fees are paid monthly.\n(5) The treasurer reports."))).toBe(
      "(3) Members elect the officers.\n(4) Fees are paid monthly.\n(5) The treasurer reports.",
    );
  });

  it("the first words of an item chosen as words, retyped with the marker", () => {
    expect(after(FEES, replace("c", FEES, words(2, 0, 2, 1), "(4) Dues"))).toBe(
      "(3) Members elect the officers.\n(4) Dues are paid each year.\n(5) The treasurer keeps the accounts.",
    );
  });

  it("a sub-item's marker typed alone keeps the full marker", () => {
    const text = "- (a) fair votes\n- (b) a green economy";
    expect(after(text, replace("c", text, { lines: { from: 2, to: 2 } }, "(b) a fair economy"))).toBe("- (a) fair votes\n- (b) a fair economy");
  });

  it("an indented item keeps its indentation", () => {
    const text = "Aims:\n  1. fair votes\n  2. a green economy";
    expect(after(text, replace("c", text, { lines: { from: 3, to: 3 } }, "2. a fair economy"))).toBe("Aims:\n  1. fair votes\n  2. a fair economy");
  });

  it("words in the middle of a line that look like a marker are kept as typed", () => {
    const text = "Fees are set by the conference.";
    expect(after(text, replace("c", text, words(1, 3, 1, 5), "(4) the"))).toBe("Fees are set (4) the conference.");
  });
});
