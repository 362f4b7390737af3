import { describe, expect, it } from "vitest";
import { BallotFileError } from "./errors";
import { parsePreflib } from "./preflib";

const TOI = `# FILE NAME: test.toi
# TITLE: A small test
# DATA TYPE: toi
# NUMBER ALTERNATIVES: 3
# ALTERNATIVE NAME 1: Ann
# ALTERNATIVE NAME 2: Bob
# ALTERNATIVE NAME 3: Cy
5: 1,2
2: {1,3},2
1: 3, {2}, 1
`;

describe("parsePreflib", () => {
  it("reads names, counts, orders and ties", () => {
    const election = parsePreflib(TOI);
    expect(election).toEqual({
      title: "A small test",
      candidates: ["Ann", "Bob", "Cy"],
      seats: 1,
      ballots: [
        { ranking: [0, 1], weight: 5 },
        { ranking: [[0, 2], 1], weight: 2 },
        { ranking: [2, 1, 0], weight: 1 },
      ],
      withdrawn: [],
    });
  });

  it("reads the pre-2022 layout", () => {
    const election = parsePreflib("3\n1,Ann\n2,Bob\n3,Cy\n8,8,3\n5,1,2\n2,{1,3},2\n1,3\n");
    expect(election.candidates).toEqual(["Ann", "Bob", "Cy"]);
    expect(election.ballots).toEqual([
      { ranking: [0, 1], weight: 5 },
      { ranking: [[0, 2], 1], weight: 2 },
      { ranking: [2], weight: 1 },
    ]);
  });

  it.each([
    ["# NUMBER ALTERNATIVES: 2\n1: 1,3\n", 2, "alternative 3 does not exist"],
    ["# NUMBER ALTERNATIVES: 2\n\n1: 1,1\n", 3, "ranked twice"],
    ["# NUMBER ALTERNATIVES: 2\n1 1,2\n", 2, 'expected "<count>: <ranking>"'],
    ["# NUMBER ALTERNATIVES: 2\n1: 1,x\n", 2, "not an alternative number"],
    ["# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n1: {1,2}\n", 3, "not allowed in .soi"],
    ["# TITLE: nothing\n", 1, "NUMBER ALTERNATIVES"],
  ])("reports %j at line %i", (text, line, problem) => {
    let caught: unknown;
    try {
      parsePreflib(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BallotFileError);
    expect((caught as BallotFileError).line).toBe(line);
    expect((caught as BallotFileError).problem).toContain(problem);
  });
});
