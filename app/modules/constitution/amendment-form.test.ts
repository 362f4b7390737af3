import { describe, expect, it } from "vitest";
import { MAX_CLAUSE_TEXT_LENGTH } from "~/utils/input-limits";
import { readAmendmentForm, type AmendedClause } from "./amendment-form";
import { draftingProblemMessages } from "./messages";
import { hashText } from "./text";

const clause: AmendedClause = {
  id: "joining",
  text: "Anyone aged 14 or over may join.",
  entrenched: false,
  firstLine: 20,
  lastLine: 22,
  lineWidth: 80,
  clauseIds: ["name", "joining", "aims"],
};
const reason = "Sixteen is the voting age in Scotland and Wales.";

describe("the form proposing an amendment", () => {
  it("reads changed words into a replacement of the clause's text, tied to the text it changes", () => {
    const read = readAmendmentForm("words", { text: "Anyone aged 16 or over\r\nmay join.", reason }, clause);
    expect(read).toEqual({
      ok: true,
      reason,
      operation: { kind: "replaceText", clauseId: "joining", baseHash: hashText(clause.text), text: "Anyone aged 16 or over\nmay join." },
    });
  });

  it("asks for a change, and for the reason, keeping every message at once", () => {
    expect(readAmendmentForm("words", { text: ` ${clause.text} `, reason: " " }, clause)).toEqual({
      ok: false,
      errors: { text: "Change at least one word of the clause", reason: draftingProblemMessages.reason_missing },
    });
  });

  it("takes the document's line numbers and anchors them within the clause; refuses lines outside it or backwards", () => {
    const read = readAmendmentForm("lines", { fromLine: "21", toLine: "22", replacement: "", reason }, clause);
    expect(read.ok && read.operation).toMatchObject({ kind: "replace", anchor: { lines: { from: 2, to: 3 } }, lineWidth: 80, text: "" });
    expect(readAmendmentForm("lines", { fromLine: "19", toLine: "21", reason }, clause)).toEqual({
      ok: false,
      errors: { fromLine: "Enter a line number from 20 to 22" },
    });
    expect(readAmendmentForm("lines", { fromLine: "22", toLine: "21", reason }, clause)).toEqual({
      ok: false,
      errors: { toLine: "The last line must not come before the first" },
    });
  });

  it("checks lengths before anything else, so the typed text comes back whatever else is missing", () => {
    const read = readAmendmentForm("insert", { title: "", clauseText: "x".repeat(MAX_CLAUSE_TEXT_LENGTH + 1), reason: "" }, clause);
    expect(read).toEqual({ ok: false, errors: { clauseText: draftingProblemMessages.clause_text_too_long } });
  });

  it("gives a new clause an id of its own, moves only after another clause or to the start, and flips entrenchment", () => {
    const insert = readAmendmentForm("insert", { title: "Aims", clauseText: "To win.", entrenched: "yes", reason }, clause);
    expect(insert.ok && insert.operation).toMatchObject({ kind: "insertAfter", afterClauseId: "joining", clause: { title: "Aims", entrenched: true } });
    const newId = insert.ok ? (insert.operation as unknown as { clause: { id: string } }).clause.id : "";
    expect(newId).not.toBe("");
    expect(clause.clauseIds).not.toContain(newId);
    expect(readAmendmentForm("move", { afterClauseId: "joining", reason }, clause)).toEqual({
      ok: false,
      errors: { afterClauseId: "Choose where the clause should go" },
    });
    expect(readAmendmentForm("move", { afterClauseId: "start", reason }, clause)).toMatchObject({ ok: true, operation: { kind: "move", afterClauseId: null } });
    expect(readAmendmentForm("entrench", { reason }, clause)).toMatchObject({ ok: true, operation: { kind: "setEntrenched", entrenched: true } });
  });
});
