import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { countElection, type Election, type RankedCountReport, type RankedMethod } from "~/modules/ballots";
import { declarationLayout, DeclarationPdf, formatVotes, percentOf, stagesPerTable, type DeclarationData } from "./declaration";

import { renderPdf } from "~/modules/documents/render.server";
import { flat, pdfInfo } from "~/modules/documents/test-support/pdf-text";

function election(title: string, seats: number, candidates: string[], ballots: [number, number[]][]): Election {
  return { title, candidates, seats, withdrawn: [], ballots: ballots.map(([weight, ranking]) => ({ weight, ranking })) };
}

function count(e: Election, method: RankedMethod, seed = ""): RankedCountReport {
  const report = countElection(e, method, { seed });
  if (report.method === "schulze") throw new Error("expected a ranked count");
  return report;
}

// Instant-runoff, 4 candidates and RON: RON is excluded at stage 2, Dafydd at stage 3, which
// gives Aled more than half of the continuing votes.
const chairElection = election(
  "Chair",
  1,
  ["Aled Jones", "Bethan Łukasiewicz", "Ciarán Ó Dónaill", "Dafydd Evans", "RON"],
  [
    [40, [0]],
    [30, [1]],
    [15, [2, 0]],
    [9, [3, 0]],
    [6, [4]],
  ],
);

// Scottish STV, 3 seats and 8 candidates: 8 stages (two surpluses, five exclusions), fractional
// transfer values, loss of fractions, and two papers with no usable preference.
const committeeCandidates = [
  "Gwenllian Ŵyn",
  "Łukasz Żółć",
  "Siobhán Ó Dónaill",
  "Priya Patel",
  "Tom Baker",
  "Mairi MacLeod",
  "Oluwaseun Adeyemi",
  "Eleanor Fitzwilliam-Hargreaves",
];
const committeeElection = election("Committee", 3, committeeCandidates, [
  [31, [0, 1, 2]],
  [12, [1, 0, 3]],
  [11, [2, 4, 5]],
  [10, [3, 2, 1]],
  [9, [4, 5, 6]],
  [8, [5, 6, 7]],
  [7, [6, 7, 4]],
  [6, [7, 3, 5]],
  [4, [2]],
  [2, []],
]);

// Re-open nominations wins the treasurer's seat at stage 2.
const treasurerElection = election(
  "Treasurer",
  1,
  ["Aled Jones", "Bethan Łukasiewicz", "Re-open nominations"],
  [
    [50, [2]],
    [30, [0]],
    [20, [1, 2]],
  ],
);

const chainHead = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

function declaration(report: RankedCountReport, overrides: Partial<DeclarationData> = {}): DeclarationData {
  return {
    partyName: "The Commonwealth Party",
    positionTitle: report.title,
    seats: report.seats,
    methodLabel: report.method === "irv" ? "Instant-runoff" : "Scottish STV",
    returningOfficer: "Morag Ní Bhriain",
    declaredAt: new Date("2027-05-08T17:30:00Z"),
    generatedAt: new Date("2027-05-08T18:00:00Z"),
    rollSize: 160,
    ballotsCast: report.ballots.cast,
    chainHead,
    pollUrl: "https://breakaway.example/polls/p-123/ballots",
    countSheetUrl: "https://breakaway.example/polls/p-123/count-sheet.pdf",
    report,
    ...overrides,
  };
}

/**
 * The PDF's text in the order it was written (`pdftotext -raw`), so each row of a table reads
 * across, as a screen reader gets it; the default mode reads the figure columns apart.
 */
function rawText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "breakaway-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function render(data: DeclarationData): Promise<{ pdf: Uint8Array; text: string }> {
  const pdf = await renderPdf(createElement(DeclarationPdf, { data }));
  return { pdf, text: flat(rawText(pdf)) };
}

/** Where each phrase first appears, to check things are printed in order. */
function positions(text: string, phrases: readonly string[]): number[] {
  return phrases.map((p) => {
    const at = text.indexOf(p);
    expect(at, `"${p}" is printed`).toBeGreaterThanOrEqual(0);
    return at;
  });
}

describe("figures on a declaration", () => {
  it("prints whole votes with thousands separators and fractional ones exactly to five places", () => {
    expect(formatVotes(1234)).toBe("1,234");
    expect(formatVotes(0)).toBe("0");
    expect(formatVotes(17.99974)).toBe("17.99974");
    expect(formatVotes(12345.5)).toBe("12,345.50000");
    expect(formatVotes(0.00026)).toBe("0.00026");
    expect(percentOf(31, 98)).toBe("31.6%");
    expect(percentOf(1, 0)).toBe("–");
  });

  it("fits six stages of whole numbers to a table, fewer when the figures are wide", () => {
    expect(stagesPerTable(["40", "1,234"])).toBe(6);
    expect(stagesPerTable(["12,345.67890"])).toBeLessThan(6);
    expect(stagesPerTable(["12,345.67890"])).toBeGreaterThanOrEqual(3);
  });
});

describe("the layout of a count", () => {
  it("gives the first preferences, a column per stage with marks, and the summary rows of an instant-runoff count", () => {
    const layout = declarationLayout(declaration(count(chairElection, "irv")));
    expect(layout.firstPreferences).toEqual([
      ["Aled Jones", "40", "40.0%"],
      ["Bethan Łukasiewicz", "30", "30.0%"],
      ["Ciarán Ó Dónaill", "15", "15.0%"],
      ["Dafydd Evans", "9", "9.0%"],
      ["RON", "6", "6.0%"],
    ]);
    expect(layout.firstPreferencesTotal).toEqual(["Total valid votes", "100", "100.0%"]);
    expect(layout.stageTables).toHaveLength(1);
    const [table] = layout.stageTables;
    expect(table?.stages).toEqual([1, 2, 3]);
    const row = (label: string) => table?.rows.find((r) => r.label === label)?.cells.map((c) => [c.text, c.mark]);
    expect(row("Aled Jones")).toEqual([
      ["40", null],
      ["40", null],
      ["49", "elected"],
    ]);
    expect(row("RON")).toEqual([
      ["6", null],
      ["", "excluded"],
      ["–", null],
    ]);
    expect(row("Dafydd Evans")).toEqual([
      ["9", null],
      ["9", null],
      ["", "excluded"],
    ]);
    expect(row("Non-transferable")).toEqual([
      ["0", null],
      ["6", null],
      ["6", null],
    ]);
    expect(row("Total")).toEqual([
      ["100", null],
      ["100", null],
      ["100", null],
    ]);
    expect(row("Votes needed to win")).toEqual([
      ["51", null],
      ["48", null],
      ["48", null],
    ]);
    expect(row("Loss of fractions")).toBeUndefined();
    expect(layout.winners).toEqual(["Aled Jones (stage 3: won more than half of the votes for continuing candidates)"]);
    expect(layout.facts).toContainEqual(["Votes needed to win", "more than half of the votes for continuing candidates at each stage"]);
  });

  it("splits a long STV count into tables of at most six stages whose totals always add up to the valid votes", () => {
    const report = count(committeeElection, "scottish-stv");
    expect(report.stages.length).toBeGreaterThanOrEqual(7);
    const layout = declarationLayout(declaration(report));
    expect(layout.stageTables.length).toBeGreaterThan(1);
    expect(layout.stageTables.flatMap((t) => t.stages)).toEqual(report.stages.map((s) => s.stage));
    for (const table of layout.stageTables) {
      expect(table.stages.length).toBeLessThanOrEqual(6);
      expect(table.rows.find((r) => r.label === "Total")?.cells.map((c) => c.text)).toEqual(table.stages.map(() => "98"));
    }
    const lossRow = layout.stageTables.flatMap((t) => t.rows.find((r) => r.label === "Loss of fractions")?.cells ?? []);
    expect(lossRow.map((c) => c.text)).toEqual(report.stages.map((s) => formatVotes(s.lossOfFractions)));
    expect(layout.facts).toContainEqual(["Quota (votes needed to be elected)", "25"]);
    expect(layout.facts).toContainEqual(["Rejected papers (no usable preference)", "2"]);
  });
});

describe("the declaration PDF", () => {
  // fontkit 2.0.4 caches a glyph by id with the characters it was first met with (foliojs/fontkit#154).
  // Writing a document that has "Ŵ" (drawn from the glyph of "W") before any "W" has been laid out
  // caches "W" with no characters, and every "W" of every later document in the process vanishes.
  // These tests render several documents in one process, so every plain letter is laid out first.

  it("declares an instant-runoff result: the election, its figures, first preferences, three stages and the winner", async () => {
    const report = count(chairElection, "irv");
    expect(report.stages).toHaveLength(3);
    const { pdf, text } = await render(declaration(report));
    expect(text).toContain("Declaration of result of poll");
    expect(text).toContain("Election of Chair");
    expect(text).toContain(
      "I, Morag Ní Bhriain, the returning officer for the election of Chair of The Commonwealth Party, give notice that the votes given at the poll were counted as set out below.",
    );
    expect(text).toContain("Position: Chair");
    expect(text).toContain("Seats to fill: 1");
    expect(text).toContain("Voting method: Instant-runoff");
    expect(text).toContain("Returning officer: Morag Ní Bhriain");
    expect(text).toContain("Result declared: Saturday 8 May 2027 at 6:30pm (UK time)");
    expect(text).toContain("Electorate (members on the roll): 160");
    expect(text).toContain("Ballot papers cast: 100 (turnout 62.5%)");
    expect(text).not.toContain("Rejected papers");
    expect(text).not.toContain("Quota");
    // First preferences: every candidate with votes and share of the valid votes.
    expect(text).toContain("Candidate Votes % of valid votes");
    for (const [name, votes, share] of [
      ["Aled Jones", "40", "40.0%"],
      ["Bethan Łukasiewicz", "30", "30.0%"],
      ["Ciarán Ó Dónaill", "15", "15.0%"],
      ["Dafydd Evans", "9", "9.0%"],
      ["RON", "6", "6.0%"],
    ]) {
      expect(text).toContain(`${name} ${votes} ${share}`);
    }
    expect(text).toContain("Total valid votes 100 100.0%");
    // Stages: what happened at each, then the table.
    expect(text).toContain("Stage 1: first preferences counted.");
    expect(text).toContain("Stage 2: RON excluded with 6 votes, the lowest total, and the papers transferred.");
    expect(text).toContain(
      "Stage 3: Dafydd Evans excluded with 9 votes, the lowest total, and the papers transferred. Aled Jones elected: won more than half of the votes for continuing candidates.",
    );
    expect(text).toContain("Stages 1 to 3 Candidate Stage 1 Stage 2 Stage 3");
    expect(text).toContain("Aled Jones 40 40 49 Elected");
    expect(text).toContain("Non-transferable 0 6 6");
    expect(text).toContain("Votes needed to win 51 48 48");
    expect(text).toContain("The following were elected In order of election: 1. Aled Jones (stage 3");
    expect(text).not.toContain("How ties were decided");
    expect(text).toContain(`Head of the ballot chain, which seals the published ballots of this poll: ${chainHead}`);
    expect(text).toContain("https://breakaway.example/polls/p-123/ballots");
    // The declaration refers to the count sheet published with it (issue 18).
    expect(text).toContain(
      "The count sheet, which gives every stage with what was transferred, at what value, the change and the new total for every candidate, is published with this declaration at https://breakaway.example/polls/p-123/count-sheet.pdf",
    );
    expect(text).toContain("Signed, Morag Ní Bhriain Returning officer Dated 8 May 2027");
    expect(pdfInfo(pdf)).toMatchObject({
      Title: "Declaration of result of poll: Chair",
      Author: "The Commonwealth Party",
      "Page size": expect.stringContaining("595.28 x 841.89") as unknown as string,
    });
  });

  it("declares a 3-seat STV result with the quota, fractional stages split over several tables, and the elected in order", { timeout: 30_000 }, async () => {
    const report = count(committeeElection, "scottish-stv");
    const { text } = await render(declaration(report, { positionTitle: "National Executive Committee", rollSize: 150 }));
    expect(text).toContain("Election of National Executive Committee");
    expect(text).toContain("Seats to fill: 3");
    expect(text).toContain("Voting method: Scottish STV");
    expect(text).toContain("Ballot papers cast: 100 (turnout 66.7%)");
    expect(text).toContain("Rejected papers (no usable preference): 2");
    expect(text).toContain("Valid papers: 98");
    expect(text).toContain("Quota (votes needed to be elected): 25");
    for (const name of committeeCandidates) expect(text).toContain(name);
    expect(text).toContain("Gwenllian Ŵyn 31 31.6%");
    expect(text).toContain("Łukasz Żółć 12 12.2%");
    expect(text).toContain("Eleanor Fitzwilliam-Hargreaves 6 6.1%");
    expect(text).toContain("Stage 2: the surplus of Gwenllian Ŵyn (6 votes) transferred.");
    // Every stage has its column, in tables that follow one another.
    for (const stage of report.stages) expect(text).toContain(`Stage ${stage.stage} `);
    const layout = declarationLayout(declaration(report));
    const ranges = layout.stageTables.map(
      (t) => `Stages ${t.stages[0]} to ${t.stages[t.stages.length - 1]} Candidate ${t.stages.map((s) => `Stage ${s}`).join(" ")}`,
    );
    expect(ranges.length).toBeGreaterThan(1);
    const at = positions(text, ranges);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Fractional totals, exact to five places, and the rows for papers not with a candidate.
    expect(text).toContain("17.99974");
    expect(text).toContain("Loss of fractions 0 0.00026");
    expect(text).toContain("Non-transferable");
    expect(text).toMatch(/Tom Baker [\d ]+27 Elected/);
    expect(text).toContain("Elected");
    expect(text).toContain("Excluded");
    // The elected, in order of election.
    expect(report.elected).toEqual(["Gwenllian Ŵyn", "Tom Baker", "Łukasz Żółć"]);
    const elected = text.slice(text.indexOf("The following were elected"));
    positions(elected, [
      "1. Gwenllian Ŵyn (stage 1: reached the quota)",
      "2. Tom Baker (stage 6: reached the quota)",
      "3. Łukasz Żółć (stage 8: reached the quota)",
    ]);
    expect(text).toContain(chainHead);
  });

  it("prints a seat won by re-open nominations as left vacant", async () => {
    const report = count(treasurerElection, "irv");
    expect(report.winners).toEqual([expect.objectContaining({ candidate: "Re-open nominations", ron: true })]);
    const { text } = await render(declaration(report));
    expect(text).toContain("Election of Treasurer");
    expect(text).toContain("Stage 2: Bethan Łukasiewicz excluded with 20 votes");
    expect(text).toContain("Re-open nominations won a seat, which is left vacant for nominations to re-open.");
    expect(text).toContain("Re-open nominations 50 70 Elected");
    expect(text).toContain("The following were elected In order of election: 1. Seat left vacant: re-open nominations won");
    expect(text).not.toContain("1. Re-open nominations");
  });

  it("prints the tie-breaks of the count in words", async () => {
    // A and B tie for last place at stage 1 and never differed before: decided by lot.
    const report = count(
      election(
        "Secretary",
        1,
        ["Ann Hughes", "Bryn Thomas", "Carys Lloyd"],
        [
          [4, [2]],
          [2, [0, 2]],
          [2, [1, 2]],
        ],
      ),
      "irv",
      "seed-2027",
    );
    expect(report.tieBreaks).toHaveLength(1);
    const { text } = await render(declaration(report));
    expect(text).toContain("How ties were decided");
    // In sentences a reader can follow: no arrows, no lottery tickets.
    expect(text).toMatch(
      /Stage 2: Ann Hughes and Bryn Thomas had the same lowest total; (Ann Hughes|Bryn Thomas) was excluded, decided by lot: their totals never differed, so the choice was drawn from the seed "seed-2027", fixed before the count\./,
    );
    expect(text).toContain("When candidates are level and the rules must choose between them");
    expect(text).not.toMatch(/->|ticket/);
  });

  it("lists withdrawn candidates apart and says which seats nobody could fill", async () => {
    const trustees: Election = {
      ...election(
        "Trustees",
        3,
        ["Ann Hughes", "Bryn Thomas", "Carys Lloyd"],
        [
          [5, [0, 2]],
          [3, [2, 1]],
        ],
      ),
      withdrawn: [2],
    };
    const report = count(trustees, "scottish-stv");
    expect(report.vacantSeats).toBe(1);
    const { text } = await render(declaration(report));
    expect(text).toContain("Withdrawn before the count: Carys Lloyd");
    expect(text).toContain("Total valid votes 8 100.0%");
    expect(text.match(/Carys Lloyd/g)).toHaveLength(1);
    expect(text).toContain(
      "In order of election: 1. Ann Hughes (stage 1: reached the quota) 2. Bryn Thomas (stage 1: reached the quota) 1 seat left vacant: not enough candidates",
    );
  });

  it("says nobody was elected when there was nobody to elect, with no turnout for an empty roll", async () => {
    const empty: Election = { ...election("Auditor", 1, ["Ann Hughes"], [[5, [0]]]), withdrawn: [0] };
    const report = count(empty, "irv");
    const { text } = await render(declaration(report, { rollSize: 0 }));
    expect(text).toContain("Ballot papers cast: 5 Rejected papers (no usable preference): 5 Valid papers: 0");
    expect(text).not.toContain("turnout");
    expect(text).toContain("Total valid votes 0 –");
    expect(text).toContain("The following were elected Nobody was elected. 1 seat left vacant: not enough candidates");
  });
});

describe("names as typed (issue 13)", () => {
  it("prints quote marks, backslashes and markup in names and titles as they are", { timeout: 60_000 }, async () => {
    const names = ['Robert "Bob" Smith', "Back\\slash; a=b", "<b>Zoë</b>"];
    const report = count(
      election('Chair "for now"', 1, names, [
        [5, [0]],
        [3, [1]],
        [2, [2, 0]],
      ]),
      "irv",
    );
    const { text } = await render(declaration(report, { positionTitle: 'Chair "for now"' }));
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('Chair "for now"');
  });
});
