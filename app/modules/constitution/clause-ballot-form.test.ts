import { describe, expect, it } from "vitest";
import { readClauseAnswers } from "./clause-ballot-form";

const questions = [
  { pollId: "a", kind: "amendment" as const, options: [] },
  { pollId: "c", kind: "competing" as const, options: [{ position: 0 }, { position: 1 }, { position: 2 }] },
];

describe("readClauseAnswers", () => {
  it("reads a choice and a ranking", () => {
    expect(readClauseAnswers(questions, { "choice-a": "yes", "rank-c-0": "2", "rank-c-1": "1", "rank-c-2": "" })).toEqual({
      ok: true,
      answers: [
        { pollId: "a", choice: "yes" },
        { pollId: "c", ranking: [1, 0] },
      ],
    });
  });

  it("takes every box blank as an abstention on a competing question", () => {
    expect(readClauseAnswers(questions, { "choice-a": "abstain" })).toEqual({
      ok: true,
      answers: [
        { pollId: "a", choice: "abstain" },
        { pollId: "c", ranking: [] },
      ],
    });
  });

  it("says which questions could not be read", () => {
    const read = readClauseAnswers(questions, { "choice-a": "maybe", "rank-c-0": "1", "rank-c-1": "1" });
    expect(read.ok).toBe(false);
    expect(Object.keys(read.ok ? {} : read.errors)).toEqual(["q-a", "q-c"]);
  });
});
