import { describe, expect, it } from "vitest";
import { parseBallotForm, readQuestion } from "./parse-ballot-form";

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.set(k, v);
  return f;
};

describe("a poll's ballot form", () => {
  const ranked = { method: "irv", options: [{ position: 1 }, { position: 2 }, { position: 3 }] } as never;
  const yesNo = { method: "yes-no", options: [] } as never;

  it("reads a choice, and asks for one when none is given", () => {
    expect(parseBallotForm(yesNo, form({ choice: "yes" }))).toEqual({ ok: true, choice: "yes" });
    expect(parseBallotForm(yesNo, form({ choice: "" }))).toEqual({ ok: false, code: "choice_missing" });
  });

  it("reads numbered options into a ranking; all blank is an empty ranking, not an abstention", () => {
    expect(parseBallotForm(ranked, form({ "rank-1": "2", "rank-2": "", "rank-3": " 1 " }))).toEqual({ ok: true, ranking: [3, 1] });
    expect(parseBallotForm(ranked, form({ "rank-1": "", "rank-2": "" }))).toEqual({ ok: false, code: "ranking_empty" });
    expect(parseBallotForm(ranked, form({ "rank-1": "1", "rank-2": "1" }))).toEqual({ ok: false, code: "ranking_duplicate" });
  });

  it("passes a ballot encrypted in the browser through untouched", () => {
    expect(parseBallotForm(ranked, form({ belenios: "{}", "rank-1": "x" }))).toEqual({ ok: true, belenios: "{}" });
  });
});

describe("one question of several on a form", () => {
  const values: Record<string, string> = { "choice-p1": "maybe", "choice-p2": "no", "rank-p3-1": "", "rank-p3-2": "" };
  const field = (name: string) => values[name];

  it("takes only the choices it is given", () => {
    const q = { method: "yes-no", positions: [], choices: ["yes", "no", "abstain"] } as const;
    expect(readQuestion({ ...q, key: "-p1" }, field)).toEqual({ ok: false, code: "choice_missing" });
    expect(readQuestion({ ...q, key: "-p2" }, field)).toEqual({ ok: true, choice: "no" });
  });

  it("counts every box blank as an abstention only where the question says so", () => {
    const q = { key: "-p3", method: "ranked", positions: [1, 2] } as const;
    expect(readQuestion({ ...q, blankIsAbstention: true }, field)).toEqual({ ok: true, ranking: [] });
    expect(readQuestion(q, field)).toEqual({ ok: false, code: "ranking_empty" });
  });
});
