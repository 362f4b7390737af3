import { describe, expect, it } from "vitest";
import { parseBlt, writeBlt } from "./blt";
import { BallotFileError } from "./errors";

function errorOf(text: string): BallotFileError {
  try {
    parseBlt(text);
  } catch (error) {
    if (error instanceof BallotFileError) return error;
    throw error;
  }
  throw new Error("expected a BallotFileError");
}

describe("parseBlt", () => {
  it("reads candidates, seats, weighted ballots, quoted names and the title", () => {
    const election = parseBlt(["3 2", "4 1 2 0", "2 3 0", "0", '"Castor"', '"Pollux"', '"Helen"', '"Pollux and Helen should tie"'].join("\n"));
    expect(election).toEqual({
      title: "Pollux and Helen should tie",
      candidates: ["Castor", "Pollux", "Helen"],
      seats: 2,
      ballots: [
        { ranking: [0, 1], weight: 4 },
        { ranking: [2], weight: 2 },
      ],
      withdrawn: [],
    });
  });

  it("reads unquoted names (as in the Scottish council files) and a file without a final newline", () => {
    const election = parseBlt("2 1\r\n3 1 2 0\r\n1 2 0\r\n0\r\nAnne SMITH (Lab)\r\nBob JONES (SNP)\r\nWard 3 - North");
    expect(election.candidates).toEqual(["Anne SMITH (Lab)", "Bob JONES (SNP)"]);
    expect(election.title).toBe("Ward 3 - North");
  });

  it("reads withdrawn candidates from negative numbers", () => {
    const election = parseBlt("4 2\n-2 -4\n1 1 2 3 0\n0\nA\nB\nC\nD\nT");
    expect(election.withdrawn).toEqual([1, 3]);
  });

  it("reads Droop extensions: [tie], [nick], equal ranks, ballot labels, notes after the title", () => {
    const election = parseBlt(
      [
        "3 1",
        "[nick a b c]",
        "[tie 3 2 1]",
        "[droop precision=5]",
        "(7) 2 a b=c 0",
        "1 0",
        "0",
        '"A" "B"',
        '"C"',
        '"Title"',
        '"Source: somewhere"',
        "free text",
      ].join("\n"),
    );
    expect(election.tieOrder).toEqual([2, 1, 0]);
    expect(election.ballots).toEqual([
      { ranking: [0, [1, 2]], weight: 2 },
      { ranking: [], weight: 1 },
    ]);
    expect(election.candidates).toEqual(["A", "B", "C"]);
    expect(election.title).toBe("Title");
    expect(election.notes).toEqual(["Source: somewhere", "free text"]);
  });

  it.each([
    ["", 1, "the file is empty"],
    ["3\n1 1 0\n0\nA\nB\nC", 1, "first line must be"],
    ["3 0\n0\nA\nB\nC", 1, "at least one seat"],
    ["3 1\n1 1 4 0\n0\nA\nB\nC", 2, "candidate 4 does not exist"],
    ["3 1\n1 1 2\n0\nA\nB\nC", 2, 'must end with "0"'],
    ["3 1\n1 1 0 2\n0\nA\nB\nC", 2, 'text after the "0"'],
    ["3 1\n\n1 2 2 0\n0\nA\nB\nC", 3, "candidate 2 is ranked twice"],
    ["3 1\nx 1 0\n0\nA\nB\nC", 2, "whole-number weight"],
    ["3 1\n1.5 1 0\n0\nA\nB\nC", 2, "whole-number weight"],
    ["3 1\n1 1 0\n1 2 0", 4, 'line "0" that closes'],
    ["3 1\n1 1 0\n0\nA\nB", 6, "expected 3 candidate names"],
    ["3 1\n1 1 0\n-2\n0\nA\nB\nC", 3, "before the ballots"],
    ["3 1\n-x\n0\nA\nB\nC", 2, "is not a withdrawn candidate"],
    ['3 1\n1 1 0\n0\n"A\n"B"\n"C"', 4, "no closing quote"],
    ["3 1\n[nick a b]\n0\nA\nB\nC", 2, "[nick] must give 3 names"],
    ["3 1\n1 q 0\n0\nA\nB\nC", 2, '"q" is not a candidate number'],
  ])("reports %j at line %i", (text, line, problem) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.problem).toContain(problem);
    expect(error.message).toBe(`line ${line}: ${error.problem}`);
  });
});

describe("writeBlt", () => {
  it("round-trips through parseBlt", () => {
    const election = {
      title: "A test, with \u00e9 accents",
      candidates: ["Ann O'Neil", "Bob", "Re-open nominations"],
      seats: 2,
      ballots: [
        { ranking: [0, [1, 2]], weight: 3 },
        { ranking: [2, 0], weight: 1 },
        { ranking: [], weight: 2 },
      ],
      withdrawn: [1],
      tieOrder: [2, 0, 1],
      notes: ["note one"],
    };
    const text = writeBlt(election);
    expect(text).toBe(
      '3 2\n-2\n[tie 3 1 2]\n3 1 2=3 0\n1 3 1 0\n2 0\n0\n"Ann O\'Neil"\n"Bob"\n"Re-open nominations"\n"A test, with \u00e9 accents"\n"note one"\n',
    );
    expect(parseBlt(text)).toEqual(election);
  });

  // It used to refuse them, which made a poll's published ballots answer 500 (issue 13).
  it("writes names with quote marks escaped instead of refusing them", () => {
    const text = writeBlt({ title: "", candidates: ['Say "hi"'], seats: 1, ballots: [], withdrawn: [] });
    expect(text).toContain('"Say \\"hi\\""');
    expect(parseBlt(text).candidates).toEqual(['Say "hi"']);
  });
});

describe("labels as typed (issue 13)", () => {
  const awkward = ['Robert "Bob" Smith', 'Back\\slash \\" both', "Zoë Ó'Brien; a=b", "Ron"];

  it("writes quotes and backslashes escaped, and reads them back exactly", () => {
    const election = {
      title: 'Chair "2026"',
      candidates: awkward,
      seats: 1,
      ballots: [
        { ranking: [0, 1], weight: 2 },
        { ranking: [3], weight: 1 },
      ],
      withdrawn: [],
      ron: null,
    };
    const text = writeBlt(election);
    expect(text).toContain('"Robert \\"Bob\\" Smith"');
    expect(text).toContain("[ron none]");
    expect(parseBlt(text)).toEqual(election);
  });

  it("marks the RON option explicitly, and a line break in a name is written as a space", () => {
    const text = writeBlt({ title: "T", candidates: ["Ann", "Re-open nominations"], seats: 1, ballots: [], withdrawn: [], ron: 1 });
    expect(text).toContain("[ron 2]");
    expect(parseBlt(text).ron).toBe(1);
    expect(parseBlt(writeBlt({ title: "T", candidates: ["Ann\nLee"], seats: 1, ballots: [], withdrawn: [] })).candidates).toEqual(["Ann Lee"]);
  });

  it("reads a backslash before any other character as itself, as older files have it", () => {
    expect(parseBlt('1 1\n1 1 0\n0\n"C:\\dir"\n"T"\n').candidates).toEqual(["C:\\dir"]);
  });
});
