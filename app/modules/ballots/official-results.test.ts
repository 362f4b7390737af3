/**
 * Real elections, counted from the published ballots and checked against what the returning
 * officers declared (see each folder's README.txt in ../shared/ballots).
 */
import { describe, expect, it } from "vitest";
import { parseBlt } from "./blt";
import { countIrv } from "./irv";
import { parsePreflib } from "./preflib";
import { countSchulze } from "./schulze";
import { countScottishIrv, countScottishStv } from "./scottish-stv";
import { parseUnits } from "./fixed-point";
import { parseDroopReport } from "./test-support/droop-report";
import { rankedInvariantProblems, toUnits } from "./test-support/invariants";
import { readCsv, readShared } from "./test-support/shared-ballots";
import type { Election, RankEntry, RankedCountReport } from "./types";

function units(text: string): number {
  const value = parseUnits(text);
  if (value === null) throw new Error(`bad figure ${text}`);
  return value;
}

function totalsAt(report: RankedCountReport, stage: number): Map<string, number> {
  const found = report.stages[stage - 1];
  if (!found) throw new Error(`no stage ${stage}`);
  return new Map(found.totals.map((t) => [t.candidate, toUnits(t.votes)]));
}

/**
 * Compares every figure of official_stages.csv with our count. The CSV lists candidates in the
 * same order as the BLT file (checked by surname) and gives the total after each stage.
 */
function expectOfficialStages(report: RankedCountReport, csvText: string): void {
  const rows = readCsv(csvText);
  expect(rows).toHaveLength(report.candidates.length);
  const stageColumns = Object.keys(rows[0]!).filter((k) => /^total_votes\d+$/.test(k));
  expect(report.stages).toHaveLength(stageColumns.length + 1);
  rows.forEach((row, c) => {
    const name = report.candidates[c]!;
    const surname = row.name!.split(" ").pop()!.toUpperCase();
    expect(name.toUpperCase()).toContain(surname);
    expect(totalsAt(report, 1).get(name), `${name} first preferences`).toBe(units(row.first_prefs!));
    for (const column of stageColumns) {
      const stage = Number(column.replace("total_votes", ""));
      expect(totalsAt(report, stage).get(name), `${name} at stage ${stage}`).toBe(units(row[column]!));
    }
  });
}

/** Compares our stages with Droop's report: totals, non-transferable, loss of fractions. */
function expectDroopStages(report: RankedCountReport, droopText: string): void {
  const droop = parseDroopReport(droopText);
  expect(toUnits(report.quota!)).toBe(droop.quota);
  expect(report.stages).toHaveLength(droop.stages.length);
  droop.stages.forEach((expected, i) => {
    const stage = report.stages[i]!;
    const ours = totalsAt(report, stage.stage);
    for (const [name, value] of expected.totals) {
      expect(ours.get(name), `${name} at stage ${stage.stage} (${expected.action})`).toBe(value);
    }
    expect(toUnits(stage.nonTransferable), `non-transferable at stage ${stage.stage}`).toBe(expected.nonTransferable);
    expect(toUnits(stage.lossOfFractions), `loss of fractions at stage ${stage.stage}`).toBe(expected.residual);
  });
}

describe("Edinburgh 2017, Ward 1 Almond (Scottish STV, 4 seats)", () => {
  const dir = "scot2017-edinburgh-w01-almond";
  const election = parseBlt(readShared(dir, "edinburgh_2017_ward1.blt"));
  const report = countScottishStv(election);

  it("has the declared quota and valid poll", () => {
    expect(report.ballots.valid).toBe(14207);
    expect(report.quota).toBe(2842);
  });

  it("elects the declared councillors in the declared order and stages", () => {
    expect(report.winners.map((w) => [w.candidate, w.stage])).toEqual([
      ["Kevin LANG (LD)", 1],
      ["Louise YOUNG (LD)", 2],
      ["Graham HUTCHISON (C)", 3],
      ["Norrie WORK (SNP)", 10],
    ]);
    expect(report.winners.every((w) => w.reason === "quota")).toBe(true);
  });

  it("matches every official stage total to 5 decimal places", () => {
    expectOfficialStages(report, readShared(dir, "official_stages.csv"));
  });

  it("follows the declared sequence of surpluses and exclusions", () => {
    expect(
      report.stages.map((s) => (s.action.kind === "first-preferences" || s.action.kind === "round" ? "first" : `${s.action.kind} ${s.action.candidate}`)),
    ).toEqual([
      "first",
      "surplus Kevin LANG (LD)",
      "surplus Louise YOUNG (LD)",
      "surplus Graham HUTCHISON (C)",
      "exclusion Otto INGLIS (UKIP)",
      "exclusion John LONGSTAFF (Ind)",
      "exclusion Daniel FRASER (Libtn)",
      "exclusion Iain MCKINNON-WADDELL (Grn)",
      "exclusion Bruce WHITEHEAD (Lab)",
      "exclusion Pamela MITCHELL (SNP)",
    ]);
  });

  it("uses the rule 48(3) transfer values given in the README", () => {
    const values = (stage: number): number[] => [...new Set(report.stages[stage - 1]!.transfers.map((t) => t.value))].sort();
    expect(values(2)).toEqual([0.53248]);
    expect(values(3)).toEqual([0.1182, 0.22198]);
    expect(values(4)).toContain(0.05114);
  });

  it("matches Droop's non-transferable and loss-of-fractions figures at every stage", () => {
    expectDroopStages(report, readShared(dir, "droop-v0.14-scotland-report.txt"));
  });

  it("keeps every invariant", () => {
    expect(rankedInvariantProblems(report)).toEqual([]);
  });
});

describe("Renfrewshire 2017, Ward 3 Paisley Northeast and Ralston (tie between surpluses)", () => {
  const dir = "scot2017-renfrewshire-w03-paisley-ne-ralston";
  const election = parseBlt(readShared(dir, "renfrewshire_2017_ward3.blt"));
  const report = countScottishStv(election);

  it("elects the declared councillors", () => {
    expect(report.quota).toBe(1202);
    expect(report.winners.map((w) => [w.candidate, w.stage])).toEqual([
      ["JIM SHARKEY (Lab)", 6],
      ["Neill GRAHAM (C)", 6],
      ["Jennifer Marion ADAM-MCGREGOR (SNP)", 9],
    ]);
  });

  it("breaks the equal surpluses by stage 5, transferring Jim Sharkey's first, as the council did", () => {
    const stage7 = report.stages[6]!;
    expect(stage7.action).toMatchObject({ kind: "surplus", candidate: "JIM SHARKEY (Lab)", surplus: 109 });
    expect(stage7.tieBreaks).toEqual([
      {
        question: "surplus-order",
        tied: ["Neill GRAHAM (C)", "JIM SHARKEY (Lab)"],
        chosen: "JIM SHARKEY (Lab)",
        decidedBy: "earlier-stage",
        stage: 5,
      },
    ]);
    expect(report.stages[7]!.action).toMatchObject({ kind: "surplus", candidate: "Neill GRAHAM (C)" });
    // Both surpluses' first-preference papers go at 109/1311 = 0.08314.
    expect(stage7.transfers.map((t) => t.value)).toContain(0.08314);
    // The lot was never needed, so any seed gives the same count.
    expect(countScottishStv(election, { seed: "another seed" }).stages).toEqual(report.stages);
  });

  it("matches every official stage total", () => {
    expectOfficialStages(report, readShared(dir, "official_stages.csv"));
  });

  it("matches Droop's report at every stage", () => {
    expectDroopStages(report, readShared(dir, "droop-v0.14-scotland-report.txt"));
    expect(parseDroopReport(readShared(dir, "droop-v0.14-scotland-report.txt")).ties).toEqual([
      "Break tie by prior stage (largest surplus): [Neill GRAHAM (C), JIM SHARKEY (Lab)] -> JIM SHARKEY (Lab)",
    ]);
  });

  it("keeps every invariant", () => {
    expect(rankedInvariantProblems(report)).toEqual([]);
  });
});

describe("Edinburgh 2019, Leith Walk by-election (one seat, Scottish rules)", () => {
  const dir = "scot2019-edinburgh-leith-walk-by-election";
  const election = parseBlt(readShared(dir, "edinburgh_2019_by_election_leith_walk.blt"));
  const report = countScottishIrv(election);

  it("uses the fixed quota floor(7267 / 2) + 1 = 3634", () => {
    expect(report.method).toBe("irv-scottish");
    expect(report.ballots.valid).toBe(7267);
    expect(report.quota).toBe(3634);
  });

  it("has the declared first preferences", () => {
    const first = totalsAt(report, 1);
    const expected: Record<string, number> = {
      "Rob MUNN": 2596,
      "Lorna SLATER": 1855,
      "Nick GARDNER": 1123,
      "Dan MCCROSKRIE": 777,
      "Jack CALDWELL": 623,
      "Kevin ILLINGWORTH": 110,
      "Steven ALEXANDER": 85,
      "David Don JACOBSEN": 56,
      "John Ferguson SCOTT": 16,
      "Paul Mitchell STIRLING": 14,
      "Tom LAIRD": 12,
    };
    for (const [name, votes] of Object.entries(expected)) expect(first.get(name), name).toBe(votes * 100_000);
  });

  it("elects Rob Munn at stage 11, as declared, not at stage 10 as continuing-majority IRV would", () => {
    expect(report.winners).toEqual([{ candidate: "Rob MUNN", stage: 11, reason: "quota", ron: false }]);
    expect(report.stages).toHaveLength(11);
    const stage10 = totalsAt(report, 10);
    expect(stage10.get("Rob MUNN")).toBe(3021 * 100_000);
    expect(stage10.get("Lorna SLATER")).toBe(2765 * 100_000);
    expect(totalsAt(report, 11).get("Rob MUNN")).toBe(4487 * 100_000);
    expect(report.stages[10]!.nonTransferable).toBe(2780);
    expect(report.stages.slice(1).map((s) => (s.action.kind === "exclusion" ? s.action.candidate : ""))).toEqual([
      "Tom LAIRD",
      "Paul Mitchell STIRLING",
      "John Ferguson SCOTT",
      "David Don JACOBSEN",
      "Steven ALEXANDER",
      "Kevin ILLINGWORTH",
      "Jack CALDWELL",
      "Dan MCCROSKRIE",
      "Nick GARDNER",
      "Lorna SLATER",
    ]);
  });

  it("ends at stage 10 under common IRV (majority of continuing ballots), same winner", () => {
    const irv = countIrv(election);
    expect(irv.elected).toEqual(["Rob MUNN"]);
    expect(irv.winners[0]!.stage).toBe(10);
    expect(irv.winners[0]!.reason).toBe("majority");
  });

  it("matches Droop's report at every stage", () => {
    expectDroopStages(report, readShared(dir, "droop-v0.14-scotland-report.txt"));
  });

  it("gives the same count as Scottish STV with one seat", () => {
    const stv = countScottishStv(election, { seats: 1 });
    expect(stv.stages).toEqual(report.stages);
  });
});

describe("Burlington 2009 mayoral election (IRV; Schulze differs)", () => {
  const election = parsePreflib(readShared("burlington-2009-mayor", "00005-00000002.toi"), "toi");

  it("reads the PrefLib file", () => {
    expect(election.candidates).toEqual(["Bob Kiss", "Andy Montroll", "James Simpson", "Dan Smith", "Kurt Wright", "Write-In"]);
    expect(election.ballots.reduce((sum, b) => sum + b.weight, 0)).toBe(8980);
    expect(election.ballots).toHaveLength(384);
  });

  const irv = countIrv(election);

  it("has the declared round 1 exactly", () => {
    const round1 = totalsAt(irv, 1);
    expect(Object.fromEntries([...round1].map(([k, v]) => [k, v / 100_000]))).toEqual({
      "Kurt Wright": 2951,
      "Bob Kiss": 2585,
      "Andy Montroll": 2063,
      "Dan Smith": 1306,
      "James Simpson": 35,
      "Write-In": 36,
    });
    // The 4 papers with no valid first choice (a tie at rank 1).
    expect(irv.ballots.empty).toBe(4);
  });

  it("elects Bob Kiss, with later rounds within 3 votes of the declaration", () => {
    expect(irv.elected).toEqual(["Bob Kiss"]);
    expect(irv.winners[0]!.reason).toBe("majority");
    const montrollBest = Math.max(...irv.stages.map((s) => s.totals[1]!.votes));
    expect(Math.abs(montrollBest - 2554)).toBeLessThanOrEqual(3);
    const final = irv.stages[irv.stages.length - 1]!;
    const finalTotals = new Map(final.totals.map((t) => [t.candidate, t.votes]));
    expect(Math.abs(finalTotals.get("Bob Kiss")! - 4313)).toBeLessThanOrEqual(3);
    expect(Math.abs(finalTotals.get("Kurt Wright")! - 4061)).toBeLessThanOrEqual(3);
    expect(rankedInvariantProblems(irv)).toEqual([]);
  });

  it("elects Andy Montroll, the Condorcet winner, under Schulze", () => {
    const schulze = countSchulze(election);
    expect(schulze.elected).toEqual(["Andy Montroll"]);
    expect(schulze.ranking[0]).toEqual(["Andy Montroll"]);
    const [kiss, montroll, wright] = [0, 1, 4];
    expect(schulze.pairwise[montroll]![kiss]).toBe(4067);
    expect(schulze.pairwise[kiss]![montroll]).toBe(3477);
    expect(schulze.pairwise[montroll]![wright]).toBe(4597);
    expect(schulze.pairwise[wright]![montroll]).toBe(3668);
    expect(schulze.pairwise[kiss]![wright]).toBe(4314);
    expect(schulze.pairwise[wright]![kiss]).toBe(4064);
  });
});

/** The textbook file uses "count: A>C>B>E>D" lines; small reader kept here. */
function parseTextbookBallots(text: string): Election {
  const candidates = ["A", "B", "C", "D", "E"];
  const ballots = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [count, order] = line.split(":");
      const ranking: RankEntry[] = order!
        .trim()
        .split(">")
        .map((name) => candidates.indexOf(name.trim()));
      if (ranking.some((c) => c === -1)) throw new Error(`unknown candidate in ${line}`);
      return { ranking, weight: Number(count) };
    });
  return { title: "Schulze textbook", candidates, seats: 1, ballots, withdrawn: [] };
}

describe("Schulze textbook example (45 voters)", () => {
  const election = parseTextbookBallots(readShared("schulze-textbook-45-voters", "ballots.txt"));
  const report = countSchulze(election);

  it("ranks E > A > C > B > D with p[E,A] = 25 and p[A,E] = 24", () => {
    expect(election.ballots.reduce((sum, b) => sum + b.weight, 0)).toBe(45);
    expect(report.ranking).toEqual([["E"], ["A"], ["C"], ["B"], ["D"]]);
    expect(report.elected).toEqual(["E"]);
    expect(report.strongestPaths[4]![0]).toBe(25);
    expect(report.strongestPaths[0]![4]).toBe(24);
  });
});
