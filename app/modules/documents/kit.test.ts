import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderPdf } from "./render.server";
import { flat, pdfInfo, pdfPages, pdfText } from "./test-support/pdf-text";
import { LongTableDocument, longTableRows, namesInManyScripts, PackDocument } from "./test-support/sample-documents";

describe("the PDF kit", () => {
  it("numbers every page, repeats the header and table heading, and sets the metadata", async () => {
    const pdf = await renderPdf(createElement(LongTableDocument));
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain("Generated on 23 November 2026");
      expect(page).toContain("New Party");
      // The table's heading row is repeated on each page the table runs onto.
      expect(page).toContain("Number");
    });
    const text = pdfText(pdf);
    for (const [name] of longTableRows) expect(text).toContain(`${name}\n`);
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ Title: "Officer sheet", Author: "New Party", Subject: "Officers", Keywords: "officers", Creator: "Breakaway" });
    expect(info["Page size"]).toContain("595.28 x 841.89 pts (A4)");
    const raw = Buffer.from(pdf).toString("latin1");
    expect(raw).toContain("/Lang (en-GB)");
    expect(raw).toContain("/DisplayDocTitle true");
    // Level 1 and 2 headings become bookmarks.
    expect(raw).toContain("/Title (Officer sheet)");
  });

  it("runs page numbers across the parts of a pack and prints names in any European script", async () => {
    const pdf = await renderPdf(createElement(PackDocument));
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("Page 1 of 2");
    expect(flat(pages[0] ?? "")).toContain(namesInManyScripts);
    expect(pages[1]).toContain("Page 2 of 2");
    expect(pages[1]).not.toContain("Generated on");
    expect(flat(pages[1] ?? "")).toMatch(
      /Aims We are many\. • one • two 1\. first 2\. second 3\. Third Body of three Date: Write the date Number: A1 Signed, Treasurer Name Treasurer/,
    );
    expect(Buffer.from(pdf).toString("latin1")).toContain("/Lang (cy)");
  });
});
