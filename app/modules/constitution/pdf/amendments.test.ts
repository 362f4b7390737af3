import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { AMENDMENT_LINES_PER_FLOW, AmendmentsPdf, amendmentLines, changeBlocks, changeBlockText, type AmendmentsPdfData } from "./amendments";
import { pageGroups } from "~/modules/documents/page-groups";
import { renderPdf } from "~/modules/documents/render.server";
import { largeAmendments, largeConstitution } from "~/modules/documents/test-support/large-documents";
import { flat, pdfInfo, pdfOutline, pdfPages, pdfText } from "~/modules/documents/test-support/pdf-text";

const printed = (before: string, after: string) => changeBlocks(before, after).map(changeBlockText);

describe("an amendment's change as printed", () => {
  it("marks words taken out and put in, in words, with a space between them", () => {
    expect(printed("Members pay a yearly fee set by the conference.", "Members pay a monthly fee, set by the conference each year.")).toEqual([
      "Members pay a [deleted: yearly] [added: monthly] fee[added: ,] set by the conference [added: each year].",
    ]);
  });

  it("keeps paragraphs and list items apart, with new and removed ones marked whole", () => {
    const before = "The party may:\n\n- (a) stand candidates;\n- (b) raise funds.\n\nSecond paragraph.";
    const after = "The party may:\n\n- (a) stand candidates;\n- (b) hold rallies;\n- (c) raise money.";
    const blocks = changeBlocks(before, after);
    expect(blocks.map(changeBlockText)).toEqual([
      "The party may:",
      "- (a) stand candidates;",
      "[added: - (b) hold rallies;]",
      "[deleted: - (b)] [added: - (c)] raise [deleted: funds] [added: money].",
      "[deleted: Second paragraph.]",
    ]);
    expect(blocks.map((b) => [b.gapBefore, b.listItem])).toEqual([
      [false, false],
      [true, true],
      [false, true],
      [false, true],
      [true, false],
    ]);
  });

  it("reads a soft line break as a space", () => {
    expect(printed("One\ntwo three.", "One\ntwo four.")).toEqual(["One two [deleted: three] [added: four]."]);
  });

  it("marks a whole new or deleted clause, and nothing when the words are the same", () => {
    expect(printed("", "A new clause.\n\nIts second paragraph.")).toEqual(["[added: A new clause.]", "[added: Its second paragraph.]"]);
    expect(printed("An old clause.", "")).toEqual(["[deleted: An old clause.]"]);
    expect(changeBlocks("Same words.", "Same words.").flatMap((b) => b.runs)).toEqual([{ kind: "same", text: "Same words." }]);
  });
});

const data: AmendmentsPdfData = {
  partyName: "The Commonwealth Party",
  generatedAt: new Date("2027-03-14T12:00:00Z"),
  draftLabel: "the draft constitution of 1 March 2027",
  supportersNeeded: 5,
  amendments: [
    {
      number: 3,
      clauseNumber: 5,
      clauseTitle: "Membership",
      kindLabel: "Change words",
      proposer: "Siobhán Ó Dónaill",
      byCommittee: false,
      reason: "Monthly fees are easier to pay.\n\nThey are fairer too.",
      status: "Open",
      undecided: true,
      supporters: ["Łukasz Żółć", "Gwenllian Ŵyn"],
      before: "Members pay a yearly fee set by the conference.",
      after: "Members pay a monthly fee set by the conference.",
      recommendation: { kind: "compromise", reasons: "Members should be able to choose.", compromiseText: "Members pay a monthly or a yearly fee." },
    },
    {
      number: 4,
      clauseNumber: null,
      clauseTitle: "Local branches",
      kindLabel: "New clause after",
      proposer: "Drafting committee",
      byCommittee: true,
      reason: "",
      status: "Carried",
      undecided: false,
      supporters: [],
      before: "",
      after: "Members in an area may form a branch.",
      recommendation: { kind: "accept", reasons: "Branches are needed.", compromiseText: null },
    },
    {
      number: 5,
      clauseNumber: 9,
      clauseTitle: "Equality",
      kindLabel: "Delete clause",
      proposer: "A. Member",
      byCommittee: false,
      reason: "Covered elsewhere.",
      status: "Withdrawn",
      undecided: false,
      supporters: ["B. Member"],
      before: "The party treats every member equally.",
      after: "",
      recommendation: null,
    },
  ],
};

describe("the amendments book", () => {
  it("prints each amendment with its facts, its change marked in words and the committee's recommendation", async () => {
    const pdf = await renderPdf(createElement(AmendmentsPdf, { data }));
    const text = flat(pdfText(pdf));
    expect(text).toContain("Amendments proposed to: the draft constitution of 1 March 2027.");
    expect(text).toContain("An amendment needs 5 supporters to go forward to the vote.");

    expect(text).toContain("A3: Clause 5, Membership Kind: Change words Proposed by: Siobhán Ó Dónaill Status: Open Supporters: 2 (5 needed)");
    expect(text).toContain("Supported by: Łukasz Żółć, Gwenllian Ŵyn.");
    expect(text).toContain("Reason Monthly fees are easier to pay. They are fairer too.");
    expect(text).toContain("The change Members pay a [deleted: yearly] [added: monthly] fee set by the conference.");
    expect(text).toContain(
      "Drafting committee recommends: compromise Members should be able to choose. Compromise text: Members pay a monthly or a yearly fee.",
    );

    expect(text).toContain("A4: Local branches Kind: New clause after Proposed by: Drafting committee Status: Carried Supporters: 0 (5 needed)");
    expect(text).toContain("No reason given.");
    expect(text).toContain("[added: Members in an area may form a branch.]");
    expect(text).toContain("Drafting committee recommends: accept Branches are needed.");

    expect(text).toContain("A5: Clause 9, Equality Kind: Delete clause");
    expect(text).toContain("[deleted: The party treats every member equally.]");
    // Withdrawn without a recommendation: none is coming, so the book does not say "yet" (issue 15).
    expect(text).toContain("The drafting committee made no recommendation.");
    expect(text).not.toContain("has not made a recommendation yet");

    expect(pdfInfo(pdf)).toMatchObject({ Title: "Amendments to the constitution", Author: "The Commonwealth Party" });
  });

  it("says a recommendation may yet come only while the amendment is undecided (issue 15)", async () => {
    const bare = { ...data.amendments[0]!, recommendation: null };
    const book = (a: typeof bare) => renderPdf(createElement(AmendmentsPdf, { data: { ...data, amendments: [a] } })).then((pdf) => flat(pdfText(pdf)));
    expect(await book(bare)).toContain("The drafting committee has not made a recommendation yet.");
    const carried = await book({ ...bare, status: "Carried", undecided: false });
    expect(carried).toContain("The drafting committee made no recommendation.");
    expect(carried).not.toContain("has not made a recommendation yet");
  });

  it("says when no amendments have been proposed", async () => {
    const text = flat(pdfText(await renderPdf(createElement(AmendmentsPdf, { data: { ...data, amendments: [] } }))));
    expect(text).toContain("No amendments have been proposed.");
    expect(text).not.toContain("How changes are shown");
  });
});

describe("a long amendments book", () => {
  it("lays out groups of whole amendments, each on new pages, as one document", { timeout: 120_000 }, async () => {
    const book = largeAmendments(largeConstitution({ clauses: 10 }), 12);
    const pdf = await renderPdf(createElement(AmendmentsPdf, { data: book }));
    const pages = pdfPages(pdf).map(flat);
    const groups = pageGroups(book.amendments, amendmentLines, AMENDMENT_LINES_PER_FLOW);
    expect(groups.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain("The Commonwealth Party Amendments to the constitution");
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    const outline = pdfOutline(pdf);
    for (const a of book.amendments) {
      const heading = `A${a.number}: Clause ${a.clauseNumber}, ${a.clauseTitle}`;
      const mark = outline.find((b) => b.title === heading);
      expect(mark, heading).toBeDefined();
      expect(pages[mark!.page - 1]).toContain(heading);
    }
    // Every group after the first starts at the top of a page.
    for (const group of groups.slice(1)) {
      const a = group[0]!;
      const mark = outline.find((b) => b.title === `A${a.number}: Clause ${a.clauseNumber}, ${a.clauseTitle}`)!;
      expect(pages[mark.page - 1]).toMatch(new RegExp(`^ ?The Commonwealth Party Amendments to the constitution A${a.number}: `));
    }
  });
});
