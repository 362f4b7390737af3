import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderPdf } from "~/modules/documents/render.server";
import { flat, pdfText } from "~/modules/documents/test-support/pdf-text";
import { UltimatumDocument, ultimatumTables, type UltimatumData } from "./ultimatum";

const data: UltimatumData = {
  movementName: "Grassroots Ultimatum",
  partyName: "the Commonwealth Party",
  statement: "",
  deadline: new Date("2027-01-22T18:00:00Z"),
  demands: [],
  figures: {
    pledged: 1234,
    byRelation: { member: 1000, former_member: 200, supporter: 34 },
    byRegion: [
      { region: "London", pledged: 1200 },
      { region: "Wales", pledged: 34 },
      { region: "Scotland", pledged: 0 },
    ],
    subscriptionsPence: 500_000,
  },
  generatedAt: new Date("2026-11-23T12:00:00Z"),
};

describe("the ultimatum's figures", () => {
  it("lists relations in a fixed order and regions with pledges, with a total", () => {
    expect(ultimatumTables(data)).toEqual({
      byRelation: [
        ["Members of the Commonwealth Party", "1,000"],
        ["Former members of the Commonwealth Party", "200"],
        ["Supporters who are not members", "34"],
      ],
      byRegion: [
        ["London", "1,200"],
        ["Wales", "34"],
      ],
      total: ["Total", "1,234"],
    });
  });
});

describe("the ultimatum letter before anyone has pledged", () => {
  it("says so instead of printing empty tables", async () => {
    const empty: UltimatumData = {
      ...data,
      demands: [{ title: "Open books", body: "Publish the accounts." }],
      figures: { pledged: 0, byRelation: { member: 0, former_member: 0, supporter: 0 }, byRegion: [], subscriptionsPence: 0 },
    };
    const text = flat(pdfText(await renderPdf(createElement(UltimatumDocument, { data: empty }))));
    expect(text).toContain("No pledges have been confirmed yet.");
    expect(text).toContain("We write on behalf of Grassroots Ultimatum, whose supporters are pledging to leave");
    expect(text).not.toContain(" 0 people");
    expect(text).toContain("have not yet told us what they pay");
    expect(text).not.toContain("Pledges by region");
    // No statement, no "Who we are" heading.
    expect(text).not.toContain("Who we are");
    expect(text).toContain("1. Open books Publish the accounts.");
  });
});
