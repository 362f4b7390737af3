/**
 * Issue 18: the count sheet. Every ranked rule's sheet adds up at every stage (candidates,
 * non-transferable and loss of fractions come back to the valid papers), each change is the
 * difference of the totals either side of it, a Scottish stage's transfers add up to its changes,
 * the Meek and WIGM sheets' totals are the Droop reference figures, and the text sheet fits 100
 * columns whatever the names and the precision.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBlt } from "./blt";
import { countElection } from "./count";
import { sheetFromRankedReport, type CountSheet, type CountSheetStage } from "./count-sheet";
import { formatCountSheet } from "./count-sheet-text";
import { countSheetWords } from "./messages";
import { countReferenceRule } from "./reference-report";
import { countScottishStv } from "./scottish-stv";
import { droopCases } from "./test-support/droop-meek-report";
import { randomElections } from "./test-support/random-elections";
import { readShared } from "./test-support/shared-ballots";
import type { Election, RankedCountReport, RankedMethod, ReferenceRule } from "./types";

/** A sheet figure in whole units of its places, exactly. */
function units(text: string, places: number): bigint {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a figure: "${text}"`);
  const [, sign, whole, fraction = ""] = match;
  expect(fraction.length, `places of ${text}`).toBe(places);
  const value = BigInt(whole!) * 10n ** BigInt(places) + BigInt(fraction || "0");
  return sign === "-" ? -value : value;
}

const says = (stage: CountSheetStage) => countSheetWords.events(stage.events);

/** Problems with a sheet's arithmetic, as sentences (empty: none). */
function sheetProblems(sheet: CountSheet): string[] {
  const problems: string[] = [];
  const u = (text: string) => units(text, sheet.places);
  const valid = BigInt(sheet.ballots) * 10n ** BigInt(sheet.places);
  sheet.stages.forEach((stage, i) => {
    const previous = sheet.stages[i - 1];
    const rows = [...stage.candidates, stage.nonTransferable, ...(stage.lossOfFractions ? [stage.lossOfFractions] : [])];
    const before = previous ? [...previous.candidates, previous.nonTransferable, ...(previous.lossOfFractions ? [previous.lossOfFractions] : [])] : [];
    const sum = rows.reduce((total, row) => total + u(row.total), 0n);
    if (sum !== u(stage.total)) problems.push(`stage ${stage.stage}: the rows add up to ${sum}, the totals row says ${stage.total}`);
    if (u(stage.total) !== valid) problems.push(`stage ${stage.stage}: the totals row ${stage.total} is not the ${sheet.ballots} valid papers`);
    rows.forEach((row, r) => {
      const was = before[r] ? u(before[r]!.total) : 0n;
      if (u(row.total) - was !== u(row.change))
        problems.push(`stage ${stage.stage}, row ${r}: ${row.change} is not ${row.total} less ${before[r]?.total ?? 0}`);
    });
    if (stage.events.length === 0) problems.push(`stage ${stage.stage} says nothing`);
    if (stage.lossOfFractions && u(stage.lossOfFractions.total) < 0n) problems.push(`stage ${stage.stage}: ${stage.lossOfFractions.total} lost`);
    if (u(stage.nonTransferable.total) < 0n) problems.push(`stage ${stage.stage}: ${stage.nonTransferable.total} non-transferable`);
  });
  return problems;
}

describe("the Scottish STV count sheet (Edinburgh 2017, Ward 1 Almond)", () => {
  const election = parseBlt(readShared("scot2017-edinburgh-w01-almond", "edinburgh_2017_ward1.blt"));
  const report = countScottishStv(election);
  const sheet = sheetFromRankedReport(report);

  it("adds up at every stage, to 5 places, and each change is the difference of the totals", () => {
    expect(sheet.places).toBe(5);
    expect(sheet.stages).toHaveLength(report.stages.length);
    expect(sheetProblems(sheet)).toEqual([]);
  });

  it("shows every stage's total as the count reached it, and the quota", () => {
    report.stages.forEach((stage, i) => {
      stage.totals.forEach((t, c) => expect(Number(sheet.stages[i]!.candidates[c]!.total)).toBeCloseTo(t.votes, 5));
    });
    expect(sheet.stages[0]!.quota).toBe("2842.00000");
    expect(says(sheet.stages[0]!)).toBe("First preferences; Elected: Kevin LANG (LD)");
  });

  it("gives each transfer's value, and a stage's transfers add up to its changes", () => {
    const surplus = sheet.stages.find((s) => s.events[0]?.kind === "surplus")!;
    expect(surplus.transferValues.length).toBeGreaterThan(0);
    for (const stage of sheet.stages.slice(1)) {
      sheet.candidates.forEach((name, c) => {
        const received = stage.transfers.filter((t) => t.to === name).reduce((sum, t) => sum + units(t.votes, 5), 0n);
        const cell = stage.candidates[c]!;
        // The candidate whose papers move loses them; everyone else gains exactly what was transferred to them.
        if (units(cell.change, 5) >= 0n) expect(received, `stage ${stage.stage}, ${name}`).toBe(units(cell.change, 5));
      });
      const exhausted = stage.transfers.filter((t) => t.to === null).reduce((sum, t) => sum + units(t.votes, 5), 0n);
      expect(exhausted, `stage ${stage.stage} non-transferable`).toBe(units(stage.nonTransferable.change, 5));
    }
  });

  it("marks each councillor elected at the stage they were, once", () => {
    const marked = sheet.stages.flatMap((s) => s.candidates.flatMap((cell, c) => (cell.mark === "elected" ? [sheet.candidates[c]] : [])));
    expect(marked).toEqual(report.elected);
  });

  it("prints within 100 columns, in blocks of stages, each stage said", () => {
    const text = formatCountSheet(sheet);
    const lines = text.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(lines.filter((l) => /^Stages? \d/.test(l)).length).toBeGreaterThan(1);
    for (const stage of sheet.stages) expect(text).toContain(`Stage ${stage.stage}: ${says(stage)}`);
    for (const name of election.candidates) expect(text).toContain(name.slice(0, 20));
    expect(text).toContain("Loss of fractions");
    expect(text).toContain("Totals");
  });
});

describe("Meek and WIGM count sheets against Droop's reference outputs", () => {
  const variants: { rule: ReferenceRule; suffix: string }[] = [
    { rule: "meek-prf", suffix: "-meek-prf-o6-fixed-p9-d9.txt" },
    { rule: "wigm-prf", suffix: "-wigm-prf-fixed-p4-d4.txt" },
  ];
  for (const { rule, suffix } of variants) {
    const cases = droopCases(suffix);
    it(`${rule}: every stage's totals are Droop's at one of its actions, in order (${cases.length} reports)`, () => {
      expect(cases.length).toBeGreaterThan(3);
      for (const c of cases) {
        const { sheet, report } = countReferenceRule(c.election, rule, { tieOrder: c.tieOrder });
        expect(sheetProblems(sheet), c.blt).toEqual([]);
        let at = 0;
        for (const stage of sheet.stages) {
          const matches = (i: number) =>
            [...c.droop[i]!.standings].every(([name, s]) => {
              const index = sheet.candidates.indexOf(name);
              return index >= 0 && stage.candidates[index]!.total === s.votes;
            });
          while (at < c.droop.length && !matches(at)) at += 1;
          expect(at, `${c.blt}: stage ${stage.stage} (${says(stage)}) is none of Droop's actions after the last`).toBeLessThan(c.droop.length);
        }
        expect(report.elected).toEqual(sheet.elected);
        expect(report.stages.length).toBe(sheet.stages.length);
      }
    });
  }

  it("Meek shows its figures to 9 places, its quota falling as papers exhaust", () => {
    const c = droopCases("-meek-o9-guarded-p18-g9-d18.txt")[0]!;
    const { sheet } = countReferenceRule(c.election, "meek", { tieOrder: c.tieOrder });
    expect(sheet.places).toBe(9);
    expect(sheet.residual).toBe("excess");
    expect(sheet.stages.every((s) => s.lossOfFractions === null && s.quota !== null)).toBe(true);
    expect(sheetProblems(sheet)).toEqual([]);
  });
});

describe("what a Meek or WIGM column shows", () => {
  const fourWay: Election = {
    title: "Four-way",
    candidates: ["A", "B", "C", "D"],
    seats: 1,
    withdrawn: [],
    ballots: [
      { ranking: [0], weight: 4 },
      { ranking: [1], weight: 3 },
      { ranking: [2, 1], weight: 2 },
      { ranking: [3, 2], weight: 1 },
    ],
  };

  it("Meek: an exclusion is told, and marked, in the column where the excluded candidate's votes move", () => {
    for (const rule of ["meek", "meek-prf"] as const) {
      const { sheet, report } = countReferenceRule(fourWay, rule);
      expect(sheet.stages.map(says), rule).toEqual(["First preferences", "Exclusion of D", "Exclusion of C; Elected: B; Excluded, as every seat is filled: A"]);
      const d = sheet.stages[1]!.candidates[3]!;
      expect([d.change, d.total, d.mark]).toEqual(["-1.000000000", "0.000000000", "excluded"]);
      expect(sheet.stages[1]!.candidates[2]!.change).toBe("+1.000000000");
      expect(sheet.stages[0]!.candidates.every((cell) => cell.mark === null)).toBe(true);
      // The tie that excluded C is told where C's votes move.
      expect(sheet.stages[2]!.ties.map((t) => t.chosen)).toEqual(["C"]);
      expect(report.winners).toEqual([{ candidate: "B", stage: 3, reason: "quota", ron: false }]);
    }
  });

  it("Meek: a column's quota is the one its elections were decided on, and a surplus is named when it moved the totals", () => {
    const batch: Election = {
      title: "Batch",
      candidates: ["A", "B", "C", "D", "E", "F"],
      seats: 3,
      withdrawn: [],
      ballots: [
        { ranking: [2], weight: 4 },
        { ranking: [0, 1, 5, 3, 4, 2], weight: 7 },
        { ranking: [0, 4], weight: 5 },
        { ranking: [2, 4, 3], weight: 3 },
        { ranking: [3], weight: 5 },
      ],
    };
    const { sheet } = countReferenceRule(batch, "meek");
    const d = sheet.stages.findIndex((stage) => stage.candidates[3]!.mark === "elected");
    expect(units(sheet.stages[d]!.candidates[3]!.total, 9)).toBeGreaterThanOrEqual(units(sheet.stages[d]!.quota!, 9));
    const zeroExcluded: Election = {
      title: "Zero",
      candidates: ["A", "B", "C", "D", "E", "F"],
      seats: 2,
      withdrawn: [],
      ballots: [
        { ranking: [5, 4, 3, 2, 1, 0], weight: 9 },
        { ranking: [0, 1, 5, 4, 2], weight: 5 },
        { ranking: [2, 1, 3], weight: 1 },
        { ranking: [[5, 4], 0, 1, 2, 3], weight: 4 },
        { ranking: [4], weight: 5 },
        { ranking: [5, 3, 2, 0], weight: 1 },
        { ranking: [0], weight: 3 },
        { ranking: [5, 0, 1], weight: 5 },
        { ranking: [0], weight: 5 },
        { ranking: [[3, 2], 4, 5], weight: 5 },
        { ranking: [4, 5, 3, 2, 1], weight: 1 },
      ],
    };
    expect(says(countReferenceRule(zeroExcluded, "meek").sheet.stages[1]!)).toBe("Exclusion of B; Surplus of F");
  });

  it("Meek: an exclusion the count ends on, without counting again, is marked in the last column", () => {
    const election: Election = {
      title: "End",
      candidates: ["A", "B", "C"],
      seats: 2,
      withdrawn: [],
      ballots: [
        { ranking: [0, 2], weight: 1 },
        { ranking: [1, 2], weight: 1 },
        { ranking: [2, 0], weight: 1 },
      ],
    };
    const { sheet } = countReferenceRule(election, "meek-prf");
    expect(sheet.stages.map(says)).toEqual(["First preferences; Exclusion of C; Elected, as no more remained than seats: A and B"]);
    expect(sheet.stages[0]!.candidates.map((cell) => cell.mark)).toEqual(["elected", "elected", "excluded"]);
  });

  it("WIGM: each transfer's parcels, at the value each paper moved at, add up to the changes", () => {
    const election: Election = {
      title: "Surplus",
      candidates: ["A", "B", "C", "D"],
      seats: 2,
      withdrawn: [],
      ballots: [
        { ranking: [0, 1, 2, 3], weight: 7 },
        { ranking: [1], weight: 1 },
        { ranking: [2], weight: 1 },
        { ranking: [3], weight: 1 },
      ],
    };
    const exact = countReferenceRule(election, "wigm-rational").sheet;
    // A's 7 papers move to B at 11/21 each, rounded half up for the sheet.
    expect(exact.stages[1]!.transfers).toEqual([{ from: "A", to: "B", papers: 7, value: "0.523809524", votes: "3.666666666" }]);
    expect(exact.stages[1]!.transferValues).toEqual(["0.523809524"]);
    // Then B's surplus: A's papers at 22/147, B's own paper at 2/7.
    expect(exact.stages[2]!.transferValues).toEqual(["0.285714286", "0.149659864"]);
    const prf = countReferenceRule(election, "wigm-prf").sheet;
    for (const stage of prf.stages.slice(1)) {
      prf.candidates.forEach((name, c) => {
        const cell = stage.candidates[c]!;
        if (cell.change.startsWith("+"))
          expect(
            stage.transfers.filter((t) => t.to === name).reduce((sum, t) => sum + units(t.votes, 4), 0n),
            `${name} at stage ${stage.stage}`,
          ).toBe(units(cell.change, 4));
      });
    }
    expect(sheetProblems(prf)).toEqual([]);
  });

  it("says a seat won by re-open nominations stays vacant", () => {
    const election: Election = {
      title: "Chair",
      candidates: ["Ann", "Re-open nominations"],
      seats: 1,
      withdrawn: [],
      ron: 1,
      ballots: [
        { ranking: [1], weight: 5 },
        { ranking: [0], weight: 2 },
      ],
    };
    for (const rule of ["meek", "wigm-prf"] as const) {
      const { sheet, report } = countReferenceRule(election, rule);
      expect(sheet.ron).toBe("Re-open nominations");
      expect(report.winners[0]).toMatchObject({ candidate: "Re-open nominations", ron: true });
      expect(report.vacantSeats).toBe(1);
      expect(formatCountSheet(sheet)).toContain("Elected: Re-open nominations: the seat stays vacant and nominations re-open");
    }
  });

  it("numbers the rows when two names would read the same once cut to fit", () => {
    const election: Election = {
      title: "Long names",
      candidates: ["Alexandra Montgomery-Smythe of Leith", "Alexandra Montgomery-Smythe of Perth", "Bo"],
      seats: 1,
      withdrawn: [],
      ballots: [
        { ranking: [0], weight: 3 },
        { ranking: [1], weight: 2 },
        { ranking: [2, 1], weight: 2 },
      ],
    };
    const text = formatCountSheet(countReferenceRule(election, "wigm-prf").sheet);
    expect(text).toMatch(/^1\. Alexandra Montgomery/m);
    expect(text).toMatch(/^2\. Alexandra Montgomery/m);
    expect(text).toMatch(/^3\. Bo /m);
  });
});

describe("every ranked rule's sheet (random elections)", () => {
  const methods: RankedMethod[] = ["scottish-stv", "irv", "irv-scottish", "meek", "meek-prf", "wigm-prf", "wigm-rational"];
  const sheetOf = (election: Election, method: RankedMethod): { sheet: CountSheet; report: RankedCountReport } => {
    if (method === "scottish-stv" || method === "irv" || method === "irv-scottish") {
      const report = countElection(election, method) as RankedCountReport;
      return { sheet: sheetFromRankedReport(report), report };
    }
    return countReferenceRule(election, method);
  };
  for (const method of methods) {
    it(`${method}: adds up, elects who the count elects, and prints within 100 columns`, () => {
      fc.assert(
        fc.property(randomElections({ maxCandidates: 7, maxSeats: 3, minRankings: 1, maxRankings: 12, maxWeight: 30 }), (election) => {
          const { sheet, report } = sheetOf(election, method);
          expect(sheetProblems(sheet)).toEqual([]);
          expect(sheet.elected).toEqual(report.elected);
          expect(sheet.stages.length).toBeGreaterThan(0);
          const widest = Math.max(
            ...formatCountSheet(sheet)
              .split("\n")
              .map((l) => l.length),
          );
          expect(widest).toBeLessThanOrEqual(100);
          // Someone excluded is marked where their votes leave them (or at the very end, when the count stops).
          sheet.stages.forEach((stage, i) =>
            stage.candidates.forEach((cell) => {
              if (cell.mark === "excluded" && i < sheet.stages.length - 1) expect(units(cell.total, sheet.places), `stage ${stage.stage}`).toBe(0n);
            }),
          );
          // Where papers move in parcels at values kept exactly, a gain is exactly what was transferred.
          if (method === "scottish-stv" || method === "wigm-prf") {
            for (const stage of sheet.stages.slice(1)) {
              sheet.candidates.forEach((name, c) => {
                const change = units(stage.candidates[c]!.change, sheet.places);
                if (change > 0n) expect(stage.transfers.filter((t) => t.to === name).reduce((sum, t) => sum + units(t.votes, sheet.places), 0n)).toBe(change);
              });
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it("keeps long names and large Meek figures within the width", () => {
    const election: Election = {
      title: "Coordinating committee",
      candidates: ["Alexandra Bartholomew-Fitzwilliam of the Northern Region", "B", "Chidi Okonkwo-Smythe", "D"],
      seats: 2,
      ballots: [
        { ranking: [0, 1, 2], weight: 4_000_001 },
        { ranking: [1, 0], weight: 2_999_999 },
        { ranking: [2, 3], weight: 2_500_000 },
        { ranking: [3, 2, 0], weight: 500_000 },
      ],
      withdrawn: [],
    };
    for (const rule of ["meek", "wigm-rational"] as const) {
      const text = formatCountSheet(countReferenceRule(election, rule).sheet, 100);
      expect(Math.max(...text.split("\n").map((l) => l.length)), rule).toBeLessThanOrEqual(100);
      expect(text).toContain("Alexandra Bartholomew-F…");
    }
  });
});
