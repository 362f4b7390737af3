/**
 * Issue 18: the count sheet PDF, landscape A4 like a council's stage-by-stage sheet, with the
 * returning officer's signature block; every stage of a real ward's count printed with its
 * changes and totals, in tables as wide as the page allows.
 */
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { countReferenceRule, countScottishStv, countSheetWords, parseBlt, sheetFromRankedReport, type CountSheet } from "~/modules/ballots";
import { readShared } from "~/modules/ballots/test-support/shared-ballots";
import { CountSheetPdf, stageBlocks, type CountSheetData } from "./count-sheet";
import { renderPdf } from "~/modules/documents/render.server";
import { flat, pdfInfo, pdfText } from "~/modules/documents/test-support/pdf-text";

const almond = parseBlt(readShared("scot2017-edinburgh-w01-almond", "edinburgh_2017_ward1.blt"));

const data = (sheet: CountSheet): CountSheetData => ({
  partyName: "The Commonwealth Party",
  title: "Ward 1 - Almond",
  sheet,
  returningOfficer: "Morag Ní Bhriain",
  generatedAt: new Date("2027-05-08T12:00:00Z"),
  closedAt: new Date("2027-05-07T21:00:00Z"),
  pollUrl: "https://breakaway.example/polls/p-123",
  lotSeed: "seed-fixed-before-voting",
});

describe("the count sheet PDF", () => {
  it("prints every stage of a Scottish count on landscape A4, with the signature block", { timeout: 60_000 }, async () => {
    const sheet = sheetFromRankedReport(countScottishStv(almond));
    const pdf = await renderPdf(createElement(CountSheetPdf, { data: data(sheet) }));
    const text = flat(pdfText(pdf));
    expect(pdfInfo(pdf)).toMatchObject({
      Title: "Count sheet: Ward 1 - Almond",
      Author: "The Commonwealth Party",
      "Page size": expect.stringContaining("841.89 x 595.28") as unknown as string,
    });
    expect(text).toContain("Counted by: Single transferable vote (Scottish rules)");
    expect(text).toContain("Valid papers: 14,207");
    // Each table's stages, and under it what each stage did and at what value.
    const blocks = stageBlocks(sheet);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.flat()).toHaveLength(sheet.stages.length);
    for (const stage of sheet.stages) expect(text).toContain(`Stage ${stage.stage}: ${countSheetWords.events(stage.events)}`);
    expect(text).toContain("Stage 2: Surplus of Kevin LANG (LD); Elected: Louise YOUNG (LD) · Transfer value 0.53248");
    // Kevin Lang: elected on first preferences, then down to the quota as his surplus moves.
    expect(text).toMatch(/Kevin LANG \(LD\) \+6079\.00000 6079\.00000 E -3237\.00000 2842\.00000/);
    expect(text).toMatch(/Loss of fractions 0\.00000 \+0\.05408 0\.05408/);
    expect(text).toMatch(/Totals 14207\.00000 14207\.00000/);
    expect(text).toContain("Elected, in order of election 1. Kevin LANG (LD) 2. Louise YOUNG (LD) 3. Graham HUTCHISON (C) 4. Norrie WORK (SNP)");
    expect(text).toContain("seed-fixed-before-voting");
    expect(text).toContain("I certify that this is a true record of the count. Morag Ní Bhriain Returning officer Date:");
  });

  it("prints a Meek count's figures to 9 places, the excess and a falling quota", { timeout: 60_000 }, async () => {
    const { sheet } = countReferenceRule(almond, "meek");
    const pdf = await renderPdf(createElement(CountSheetPdf, { data: data(sheet) }));
    const text = flat(pdfText(pdf));
    expect(text).toContain("Counted by: Meek STV");
    expect(text).toContain("Excess");
    expect(text).toContain("Excess: what no candidate keeps");
    for (const stage of sheet.stages) expect(text).toContain(`Stage ${stage.stage}: ${countSheetWords.events(stage.events)}`);
    expect(text).toContain(sheet.stages.at(-1)!.quota!);
    expect(text).not.toContain("Loss of fractions");
  });
});
