import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { A4Page, Paragraph, PdfDocument } from "./kit";
import { renderPdf } from "./render.server";
import { flat, pdfText } from "./test-support/pdf-text";

/**
 * fontkit 2.0.4 could drop a letter from later documents of the process when the first document
 * met only an accented form of it (render.server.ts warms the fonts to prevent it). This file
 * must render the accented document first, in a fresh process, so it has no other test.
 */
const doc = (text: string) =>
  createElement(PdfDocument, {
    info: { title: "t", author: "a", generatedAt: new Date() },
    children: createElement(A4Page, { header: null, generatedAt: null, children: createElement(Paragraph, { children: text }) }),
  });

describe("fonts after an accented first document", () => {
  it("print every plain letter of later documents", async () => {
    await renderPdf(doc("Ŵyn Ó Súilleabháin"));
    const later = flat(pdfText(await renderPdf(doc("Withdrawn Owen Wales"))));
    expect(later).toContain("Withdrawn Owen Wales");
  });
});
