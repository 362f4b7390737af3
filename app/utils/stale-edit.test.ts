import { describe, expect, it } from "vitest";
import { changedSince, editVersion, shownValue, staleChanges } from "./stale-edit";

describe("stale edits", () => {
  const loaded = { name: "Breakaway", partyName: "the Commonwealth Party", statement: "We ask." };

  it("finds nothing changed when the saved values are the ones the form was loaded with", () => {
    expect(changedSince(editVersion(loaded), { ...loaded })).toEqual([]);
    // Key order does not matter.
    expect(changedSince(editVersion({ statement: "We ask.", name: "Breakaway", partyName: "the Commonwealth Party" }), loaded)).toEqual([]);
  });

  it("names exactly the fields someone else changed", () => {
    expect(changedSince(editVersion(loaded), { ...loaded, partyName: "the Labour Party" })).toEqual(["partyName"]);
    expect(changedSince(editVersion(loaded), { name: "B", partyName: "P", statement: "We ask." })).toEqual(["name", "partyName"]);
  });

  it("treats lists by their members and order, and empty the same as absent", () => {
    const v = editVersion({ nations: ["england", "wales"], note: "" });
    expect(changedSince(v, { nations: ["england", "wales"] })).toEqual([]);
    expect(changedSince(v, { nations: ["england"] })).toEqual(["nations"]);
    expect(changedSince(editVersion({}), { nations: [], note: "" })).toEqual([]);
  });

  it("counts a field added or removed since as changed", () => {
    const v = editVersion({ "descriptions.0.text": "One" });
    expect(changedSince(v, { "descriptions.0.text": "One", "descriptions.1.text": "Two" })).toEqual(["descriptions.1.text"]);
    expect(changedSince(v, {})).toEqual(["descriptions.0.text"]);
  });

  it("refuses a missing or unreadable version when something is saved, and accepts it when nothing is", () => {
    expect(changedSince("", loaded)).toEqual(["name", "partyName", "statement"]);
    expect(changedSince("v1.not-json", loaded)).toEqual(["name", "partyName", "statement"]);
    expect(changedSince("2026-12-05T17:00:00.000Z", loaded)).toEqual(["name", "partyName", "statement"]);
    expect(changedSince("", { name: "", nations: [] })).toEqual([]);
  });

  it("gives each changed field its label and the value saved now", () => {
    expect(staleChanges(["nations", "note"], { nations: ["england", "wales"] }, (f) => f.toUpperCase())).toEqual([
      { field: "nations", label: "NATIONS", value: "england, wales" },
      { field: "note", label: "NOTE", value: "(nothing)" },
    ]);
    expect(shownValue("x")).toBe("x");
  });
});
