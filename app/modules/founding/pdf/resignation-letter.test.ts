import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { renderPdf } from "~/modules/documents/render.server";
import { ResignationLetterDocument, resignationLetterContent, resignationLetterText, type ResignationLetterData } from "./resignation-letter";
import { flat, pdfInfo, pdfText } from "~/modules/documents/test-support/pdf-text";

const data: ResignationLetterData = {
  memberName: "Gwenllian Ŵyn-Łukasiewicz",
  oldMembershipNumber: "CP123456",
  postcode: "LL57 2DG",
  partyName: "the Commonwealth Party",
  movementName: "Grassroots Ultimatum",
  leavingDay: "2027-02-01",
  reasonDeadline: new Date("2027-01-22T18:00:00Z"),
  generatedAt: new Date("2026-11-23T12:00:00Z"),
};
const undecided: ResignationLetterData = { ...data, oldMembershipNumber: null, postcode: null, leavingDay: null, reasonDeadline: null };

describe("the resignation letter", () => {
  it("is from the member, dated the leaving day, to the membership department, and gives the reason", () => {
    const text = resignationLetterText(data);
    expect(text).toBe(
      [
        "Gwenllian Ŵyn-Łukasiewicz\nMembership number: CP123456\nPostcode: LL57 2DG",
        "Date: 1 February 2027",
        "The Membership Department\nThe Commonwealth Party",
        "Dear Sir or Madam,",
        "Resignation of my membership",
        "I am writing to resign my membership of the Commonwealth Party with immediate effect, from today, 1 February 2027.",
        "I am leaving because the Commonwealth Party did not meet the demands that its members set out through Grassroots Ultimatum by 22 January 2027.",
        "Please confirm in writing that my membership has ended. Please cancel any Direct Debit or other regular payment I make to the party, and take no further payments from me.",
        "Yours faithfully,\n\nGwenllian Ŵyn-Łukasiewicz",
      ].join("\n\n") + "\n",
    );
  });

  it("leaves lines to fill in when the leaving day or the membership number is not known", () => {
    const text = resignationLetterText(undecided);
    expect(text).toContain("Membership number: ________________________ (add it if you know it");
    expect(text).toContain("Date: ________________________ (write the date you send this, on the agreed leaving day)");
    expect(text).toContain("with immediate effect, from the date of this letter.");
    expect(text).not.toContain("Postcode");
    expect(text).not.toContain("I am leaving because");
  });

  it("says the same in the PDF as in the text", async () => {
    for (const letter of [data, undecided]) {
      const pdf = await renderPdf(h(ResignationLetterDocument, { data: letter }));
      const text = flat(pdfText(pdf));
      const c = resignationLetterContent(letter);
      for (const line of [c.senderName, ...c.recipient, c.salutation, c.heading, ...c.paragraphs, c.closing]) expect(text).toContain(line);
      for (const field of [...c.senderFields, c.date]) {
        expect(text).toContain(field.value === null ? `${field.label}:` : `${field.label}: ${field.value}`);
      }
      expect(text).toContain("Page 1 of 1");
      // A letter from a member carries no movement header and no "generated" date.
      expect(text).not.toContain("Generated on");
      expect(text).not.toMatch(/^Grassroots Ultimatum/);
      expect(pdfInfo(pdf)).toMatchObject({ Author: "Gwenllian Ŵyn-Łukasiewicz", Pages: "1" });
    }
  });
});
