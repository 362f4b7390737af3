import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { numberClauses } from "~/modules/constitution/text/lines";
import { ConstitutionPdf, constitutionLayout, lineFontSize, type ConstitutionPdfData } from "./constitution";
import { renderPdf } from "~/modules/documents/render.server";
import { flat, pdfInfo, pdfOutline, pdfPages } from "~/modules/documents/test-support/pdf-text";

/**
 * The PDF's text in the order it was written (`pdftotext -raw`): one printed row per line, its
 * number first. The default mode reads the number column apart from the text beside it.
 */
function rawLines(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "breakaway-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }).split(/\n|\f/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const generatedAt = new Date("2027-03-14T12:00:00Z");
const adoptedAt = new Date("2027-03-14T18:00:00Z");

const clauses: ConstitutionPdfData["clauses"] = [
  { number: 1, id: "name", title: "Name", entrenched: false, text: "The party's name is the Commonwealth Party." },
  {
    number: 2,
    id: "aims",
    title: "Aims",
    entrenched: true,
    text: "The party's aims are:\n\n- (a) that members decide everything;\n- (b) one member, one vote, by secret ballot.\n\nThese aims can be changed only by a two-thirds majority of the members voting.",
  },
  { number: 3, id: "fees", title: "Membership fees", entrenched: false, text: "" },
];

const draft: ConstitutionPdfData = {
  partyName: "The Commonwealth Party",
  title: "Constitution (draft)",
  status: "draft",
  generatedAt,
  clauses,
  lineWidth: 40,
  adoption: null,
};

const adopted: ConstitutionPdfData = {
  ...draft,
  title: "Constitution, version 1",
  status: "adopted",
  adoption: {
    version: 1,
    adoptedAt,
    rounds: [
      { number: 1, openedAt: new Date("2027-03-01T09:00:00Z"), closedAt: new Date("2027-03-07T18:00:00Z"), rollSize: 1480 },
      { number: 2, openedAt: new Date("2027-03-08T09:00:00Z"), closedAt: new Date("2027-03-13T18:00:00Z"), rollSize: 1502 },
    ],
    clauses: [
      { title: "Name", decision: "adopted", yes: 1201, no: 88, abstain: 17, majority: "More than half" },
      { title: "Aims", decision: "adopted", yes: 1050, no: 240, abstain: 30, majority: "Two thirds" },
      { title: "Membership fees", decision: "rejected", yes: 500, no: 790, abstain: 12, majority: "More than half" },
    ],
    adoptionVote: {
      rollSize: 1502,
      turnout: 1234,
      yes: 1111,
      no: 100,
      abstain: 23,
      majority: "Two thirds of votes cast",
      chainHead: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    },
  },
};

describe("the constitution's layout", () => {
  it("numbers lines continuously through the clauses, as numberClauses does, and lists where each clause starts", () => {
    const layout = constitutionLayout(draft);
    const expected = numberClauses(clauses, { width: 40 }).clauses;
    expect(layout.map((l) => l.lines)).toEqual(expected.map((c) => c.lines));
    expect(layout.map((l) => l.contents)).toEqual([
      { number: 1, title: "Name", entrenched: false, firstLine: 1 },
      { number: 2, title: "Aims", entrenched: true, firstLine: 3 },
      { number: 3, title: "Membership fees", entrenched: false, firstLine: null },
    ]);
  });

  it("sizes the text so a full line fits the column", () => {
    expect(lineFontSize(80)).toBe(9.3);
    expect(lineFontSize(40)).toBe(10.5);
    expect(lineFontSize(120)).toBeLessThan(lineFontSize(80));
  });
});

describe("the constitution PDF", () => {
  it("prints a draft with its contents, numbered lines, list markers and a note that it is not adopted", async () => {
    const pdf = await renderPdf(createElement(ConstitutionPdf, { data: draft }));
    const lines = rawLines(pdf);
    const text = flat(lines.join("\n"));
    expect(text).toContain("Constitution (draft)");
    expect(text).toContain("This is a draft. The members have not adopted it");
    expect(text).toContain("has not been adopted, so there is no adoption record yet.");
    expect(text).not.toContain("Adoption record");
    // Contents: number, title, first line.
    expect(text).toContain("Clause Title From line 1 Name 1 2 Aims (entrenched) 3 3 Membership fees no text");
    expect(text).toContain("1. Name");
    expect(text).toContain("2. Aims (entrenched)");
    expect(text).toContain("3. Membership fees This clause has no text yet.");
    // Every numbered line on a row of its own, whole, after its number and any list marker.
    for (const line of constitutionLayout(draft).flatMap((l) => l.lines)) {
      if (line.number === null) continue;
      expect(lines).toContain([String(line.number), line.listMarker, line.text].filter((p) => p !== undefined).join(" "));
    }
    expect(lines).toContain("4 - (a) that members decide everything;");
    expect(pdfInfo(pdf)).toMatchObject({ Title: "Constitution (draft)", Author: "The Commonwealth Party" });
  });

  it("prints an adopted constitution with its adoption record", async () => {
    const pdf = await renderPdf(createElement(ConstitutionPdf, { data: adopted }));
    const text = flat(rawLines(pdf).join("\n"));
    expect(text).toContain("The members adopted this constitution as version 1 on 14 March 2027.");
    expect(text).not.toContain("This is a draft");
    expect(text).toContain("Adoption record");
    expect(text).toContain("Clause Result Yes No Abstain Majority needed");
    expect(text).toContain("Name Adopted 1,201 88 17 More than half");
    expect(text).toContain("Aims Adopted 1,050 240 30 Two thirds");
    expect(text).toContain("Membership fees Rejected 500 790 12 More than half");
    expect(text).toContain("1 Monday 1 March 2027 at 9am Sunday 7 March 2027 at 6pm 1,480");
    expect(text).toContain("2 Monday 8 March 2027 at 9am Saturday 13 March 2027 at 6pm 1,502");
    expect(text).toContain("Members on the roll: 1,502");
    expect(text).toContain("Members who voted: 1,234 (82.2% of the roll)");
    expect(text).toContain("Yes: 1,111 No: 100 Abstain: 23 Majority needed: Two thirds of votes cast");
    expect(text).toContain(
      "Head of the ballot chain, which seals the published ballots of this vote: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    );
    expect(text).toContain("Adopted on 14 March 2027.");
    // The contents, the clauses and the record each start on a page of their own.
    const pages = pdfPages(pdf).map(flat);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain("Contents");
    expect(pages[0]).not.toContain("1. Name");
    expect(pages[1]).toContain("1. Name");
    expect(pages[1]).not.toContain("Adoption record");
    expect(pages[2]).toContain("Adoption record");
    expect(pdfOutline(pdf).map((b) => `${b.page} ${b.title}`)).toEqual([
      "1 Constitution, version 1",
      "1 Contents",
      "2 1. Name",
      "2 2. Aims (entrenched)",
      "2 3. Membership fees",
      "3 Adoption record",
    ]);
  });

  it("prints a 60-clause constitution with every line whole on its own numbered row", { timeout: 60_000 }, async () => {
    // A pseudo-random but repeatable text, with capitals, long words and lists, at the real width.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = [
      "the",
      "party",
      "Members",
      "CONFERENCE",
      "shall",
      "decide",
      "by",
      "ballot",
      "whenever",
      "Wales",
      "Scotland",
      "England",
      "committee",
      "accountability",
      "representatives",
      "of",
      "and",
      "in",
      "a",
      "majority",
    ];
    const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(" ") + ".";
    const generated: ConstitutionPdfData["clauses"] = Array.from({ length: 60 }, (_, i) => ({
      number: i + 1,
      id: `clause-${i + 1}`,
      title: `Clause title ${i + 1}`,
      entrenched: i % 10 === 0,
      text: [`(1) ${sentence(30 + (i % 7) * 5)}`, `(2) ${sentence(12)}\n\n- (a) ${sentence(14)}\n- (b) ${sentence(20)}`, sentence(60)].join("\n\n"),
    }));
    const data: ConstitutionPdfData = { ...draft, clauses: generated, lineWidth: 80 };
    const pdf = await renderPdf(createElement(ConstitutionPdf, { data }));
    const lines = rawLines(pdf);
    const numbered = constitutionLayout(data).flatMap((l) => l.lines.filter((line) => line.number !== null));
    // Past line 1,000, so four-digit numbers must fit their column too.
    expect(numbered.length).toBeGreaterThan(1000);
    for (const line of numbered) {
      expect(lines).toContain([String(line.number), line.listMarker, line.text].filter((p) => p !== undefined).join(" "));
    }
    const text = flat(lines.join("\n"));
    expect(text).toContain("60. Clause title 60");
    expect(text).toContain("51. Clause title 51 (entrenched)");
    expect(Number(pdfInfo(pdf).Pages)).toBeGreaterThan(15);

    // Laid out in several flows of whole clauses, it still reads as one document: the header and
    // "Page N of M" on every page, and every clause's bookmark opens the page it starts on.
    const pages = pdfPages(pdf).map(flat);
    expect(pages.length).toBe(Number(pdfInfo(pdf).Pages));
    pages.forEach((page, i) => {
      // pdftotext reads the line-number column apart, so the header's two sides are looked for apart.
      expect(page).toMatch(/^ ?The Commonwealth Party /);
      expect(page).toContain("Constitution (draft)");
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const outline = pdfOutline(pdf);
    for (const clause of generated) {
      const heading = `${clause.number}. ${clause.title}${clause.entrenched ? " (entrenched)" : ""}`;
      const mark = outline.find((b) => b.title === heading);
      expect(mark, heading).toBeDefined();
      expect(pages[mark!.page - 1]).toContain(heading);
      expect(outline.filter((b) => b.title === heading)).toHaveLength(1);
    }
    // The clauses start on the page after the contents.
    const first = outline.find((b) => b.title.startsWith("1. "))!;
    expect(pages[first.page - 2]).toContain("Clause title 60");
    expect(pages[first.page - 1]).not.toContain("From line");
  });
});
