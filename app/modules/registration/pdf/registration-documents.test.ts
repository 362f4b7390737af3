import { PDFDocument } from "pdf-lib";
import { createElement, type ComponentType } from "react";
import { describe, expect, it } from "vitest";
import { ConstitutionPdf, type ConstitutionPdfData } from "~/modules/constitution/pdf/constitution";
import { renderPdf } from "~/modules/documents/render.server";
import { flat, pdfInfo, pdfOutline, pdfPages } from "~/modules/documents/test-support/pdf-text";
import { summarySections } from "./application-summary";
import { assetsRows } from "./assets-and-liabilities";
import { packDocuments } from "./documents";
import { pollLines } from "./founding-record";
import { packMessages } from "./messages";
import { registrationTemplates } from "./worker-templates";
import { assemblePack, readOutline, type PackPart } from "./merge.server";
import { NoConstitutionPdf, PackCoverPdf, type PackData } from "./pack";

const generatedAt = new Date("2027-03-14T12:00:00Z");
const common = { partyName: "Commonwealth Party", generatedAt };
const HOME = "7 Secret Street, Hometown";

const constitution: ConstitutionPdfData = {
  ...common,
  title: "Constitution, version 1",
  status: "adopted",
  lineWidth: 80,
  clauses: [
    { number: 1, id: "name", title: "Name and register", entrenched: false, text: "(1) The party is called the party." },
    { number: 2, id: "aims", title: "Our aims", entrenched: true, text: "(1) Democracy at every step." },
  ],
  adoption: {
    version: 1,
    adoptedAt: generatedAt,
    rounds: [{ number: 1, openedAt: generatedAt, closedAt: generatedAt, rollSize: 5 }],
    clauses: [{ title: "Name and register", decision: "adopted", yes: 5, no: 0, abstain: 0, majority: "simple" }],
    adoptionVote: { rollSize: 5, turnout: 5, yes: 5, no: 0, abstain: 0, majority: "two-thirds", chainHead: "a".repeat(64) },
  },
};

const poll = {
  title: "Interim officers: Leader",
  method: "irv",
  status: "closed",
  openedAt: generatedAt,
  closedAt: generatedAt,
  rollSize: 5,
  ballots: 4,
  chainHead: "b".repeat(64),
  yesNo: null,
  elected: ["Ann Leader"],
};

function pack(overrides: Partial<PackData> = {}): PackData {
  return {
    ...common,
    "application-summary": {
      ...common,
      details: { register: "GB", nations: ["wales"], name: "Commonwealth Party" },
      officers: [{ role: "leader", name: "Ann Leader" }],
      emblems: [],
      additionalOfficerName: null,
    },
    "officer-sheets": {
      ...common,
      officers: [
        {
          name: "Ann",
          fullName: "Ann Leader",
          homeAddress: HOME,
          email: "ann@example.org",
          roles: [{ role: "leader", declaration: "I consent to being the leader.", confirmedAt: generatedAt }],
        },
      ],
    },
    constitution,
    "financial-scheme": {
      ...common,
      text: "# Financial scheme of Commonwealth Party\n\n## 1. About\n\nThe treasurer keeps the books.",
      edited: false,
      treasurerName: "Tom Treasurer",
    },
    "assets-and-liabilities": { ...common, partyType: "full", withinThreshold: true, record: undefined, treasurerName: "Tom Treasurer" },
    "founding-record": {
      ...common,
      campaign: { pledgesMade: 340, confirmed: 300, withdrawn: 12, subscriptionsPence: 123_450 },
      decision: null,
      founding: { invited: 300, accepted: 250, left: 4 },
      standingOrders: {
        ...poll,
        title: "Adopt the interim standing orders",
        method: "yes-no",
        yesNo: { yes: 4, no: 0, abstain: 0, passed: true },
        elected: null,
      },
      constitution: {
        version: 1,
        adoptedAt: generatedAt,
        clauses: [{ title: "Name and register", decision: "adopted", yes: 5, no: 0, abstain: 0 }],
        questions: [],
        adoptionVote: null,
        failedAdoptionVotes: [],
      },
      elections: [{ position: "Leader", declaredAt: generatedAt, elected: ["Ann Leader"], poll }],
      financialScheme: null,
      recordedSteps: [{ kind: "poll_cancelled", at: generatedAt, subject: "Which venue", reason: "Put with the wrong options.", from: null, to: null }],
    },
    "readiness-checklist": {
      ...common,
      groups: [{ heading: "The party's name", checks: [{ status: "warning", title: "Name looks like another", reason: "The Commission decides." }] }],
    },
    ...overrides,
  };
}

/** The pack as pack.server.ts makes it, but every part laid out here rather than on the PDF worker. */
async function packPdf(data: PackData): Promise<Uint8Array> {
  const parts: PackPart[] = [];
  for (const doc of packDocuments) {
    const element =
      doc === "constitution"
        ? data.constitution
          ? createElement(ConstitutionPdf, { data: data.constitution })
          : createElement(NoConstitutionPdf, { data: common })
        : createElement(registrationTemplates[doc].component as ComponentType<{ data: unknown }>, { data: data[doc] });
    parts.push({ doc, title: doc === "constitution" ? data.constitution?.title : undefined, bytes: new Uint8Array(await renderPdf(element)) });
  }
  return assemblePack(common, parts, async (cover) => new Uint8Array(await renderPdf(createElement(PackCoverPdf, { data: cover }))));
}

describe("the registration pack as one PDF", () => {
  it("speaks plainly to the Commission: no command names, no machine dates", async () => {
    const text = pdfPages(await packPdf(pack()))
      .map(flat)
      .join(" ");
    expect(text).not.toMatch(/npm run|poll:verify/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}:\d{2}/);
    expect(text).toContain("the free checking tool that comes with the voting software");
    expect(text).toContain("14 March 2027");
  });

  it("lists every part on the cover with its pages, keeps each part's own page numbers, and names the party on each page", async () => {
    const pdf = await packPdf(pack());
    const pages = pdfPages(pdf).map(flat);
    const text = pages.join(" ");
    const titles = packDocuments.map((d) => (d === "constitution" ? "Constitution, version 1" : (packMessages.documents[d]?.title ?? d)));
    // The cover's contents give each part's pages in the pack: one after another, from page 2 to the last.
    const ranges = packDocuments.map((d) => {
      const m = new RegExp(`${packMessages.documents[d]?.title ?? d} \\(pages? (\\d+)(?: to (\\d+))?\\)`).exec(pages[0]!);
      expect(m, d).not.toBeNull();
      return { first: Number(m![1]), last: Number(m![2] ?? m![1]) };
    });
    expect(ranges[0]!.first).toBe(2);
    ranges.forEach((r, i) => i > 0 && expect(r.first).toBe(ranges[i - 1]!.last + 1));
    expect(ranges.at(-1)!.last).toBe(pages.length);
    // Within each part: its title in the header (pdftotext reads the header's two ends in either order) and its own "Page x of y".
    ranges.forEach((r, part) => {
      const length = r.last - r.first + 1;
      for (let n = 1; n <= length; n += 1) {
        const page = pages[r.first + n - 2]!;
        expect(page, `${titles[part]} page ${n}`).toContain(`Page ${n} of ${length}`);
        expect(
          [`Commonwealth Party ${titles[part]}`, `${titles[part]} Commonwealth Party`].some((head) => page.trimStart().startsWith(head)),
          `${titles[part]} page ${n}`,
        ).toBe(true);
      }
    });
    expect(pages[0]).toContain("Page 1 of 1");
    expect(pages.every((p) => p.includes("Commonwealth Party") && p.includes("Generated on 14 March 2027"))).toBe(true);
    expect(text).toContain("Adoption record");
    expect(text).toContain("Chain head (verification hash): " + "b".repeat(64));
    const info = pdfInfo(pdf);
    expect(info.Title).toBe("Commonwealth Party: Application to register a political party: the pack");
    expect(info.Author).toBe("Commonwealth Party");
    const parts = pdfOutline(pdf).filter((o) => o.level === 0);
    expect(parts.map((o) => o.title)).toEqual([packMessages.packTitle, ...titles]);
    expect(parts.slice(1).map((o) => o.page)).toEqual(ranges.map((r) => r.first));
  }, 60_000);

  it("nests each part's own bookmarks under the part's: every clause of the constitution, opening the pack's page it starts on", async () => {
    const clauses = Array.from({ length: 12 }, (_, i) => ({
      number: i + 1,
      id: `clause-${i + 1}`,
      title: `Clause title ${i + 1}`,
      entrenched: i === 4,
      text: Array.from({ length: 6 }, (_, n) => `(${n + 1}) ${"The members decide this together at a general meeting. ".repeat(6)}`).join("\n\n"),
    }));
    const pdf = await packPdf(pack({ constitution: { ...constitution, clauses } }));
    const pages = pdfPages(pdf).map(flat);
    // Read back as written (catalog /Outlines, /First, /Next, /Title, /Dest).
    const outline = readOutline(await PDFDocument.load(pdf));
    expect(outline.map((o) => o.title)).toEqual([
      packMessages.packTitle,
      ...packDocuments.map((d) => (d === "constitution" ? "Constitution, version 1" : (packMessages.documents[d]?.title ?? d))),
    ]);
    const part = outline.find((o) => o.title === "Constitution, version 1")!;
    const headings = clauses.map((c) => `${c.number}. ${c.title}${c.entrenched ? " (entrenched)" : ""}`);
    expect(part.children.map((c) => c.title)).toEqual(["Contents", ...headings, "Adoption record"]);
    // The clauses run over several pages, each bookmark opening the pack's page where its heading is (not the part's own page number).
    const clausePages = part.children.filter((c) => headings.includes(c.title)).map((c) => c.page);
    expect(new Set(clausePages).size).toBeGreaterThan(2);
    expect(Math.min(...clausePages)).toBeGreaterThan(part.page);
    // Every part's bookmarks, the summary's sections and the founding record's too, open a page of that part showing their heading.
    outline.slice(1).forEach((p, i) => {
      const end = outline[i + 2]?.page ?? pages.length;
      for (const child of p.children) {
        expect(pages[child.page], `${p.title} > ${child.title}`).toContain(child.title);
        expect(child.page >= p.page && child.page < end, `${p.title} > ${child.title}`).toBe(true);
      }
    });
    expect(outline.find((o) => o.title === "Application summary")!.children.length).toBeGreaterThan(10);
    // Poppler reads the same tree: the clauses one level under the constitution, at the same pages.
    const poppler = pdfOutline(pdf);
    const at = poppler.findIndex((o) => o.title === "Constitution, version 1");
    expect(poppler.slice(at + 1, at + 1 + part.children.length)).toEqual(part.children.map((c) => ({ title: c.title, page: c.page + 1, level: 1 })));
  }, 60_000);

  it("prints the home address on the officer's sheet and nowhere else", async () => {
    const pages = pdfPages(await packPdf(pack())).map(flat);
    const holding = pages.filter((p) => p.includes(HOME));
    expect(holding).toHaveLength(1);
    expect(holding[0]).toContain("Officer: Ann Leader");
    expect(holding[0]).toContain("Confirmed on Breakaway on");
  }, 60_000);

  it("says when no constitution is adopted yet", async () => {
    const text = pdfPages(await packPdf(pack({ constitution: null })))
      .map(flat)
      .join(" ");
    expect(text).toContain("No constitution has been adopted yet.");
  }, 60_000);
});

describe("what the documents print", () => {
  it("writes 'not given' for every missing answer of the summary", () => {
    const fields = summarySections({ ...pack()["application-summary"], details: {} }).flatMap((s) => s.fields);
    expect(fields.find(([label]) => label === "Registered name")?.[1]).toBe("not given");
    expect(fields.find(([label]) => label === "Headquarters address (published)")?.[1]).toBe("not given");
    expect(fields.find(([label]) => label === "Register applied to")?.[1]).toBe("not given");
  });

  it("lists every asset and liability line, with 'not given' for blanks", () => {
    const { assets, liabilities } = assetsRows({ cashAtBank: 10, otherAssets: 5, otherAssetsDetail: "a van" });
    expect(assets.map((a) => a[0])).toEqual(["Money in the bank", "Equipment", "Other assets: a van"]);
    expect(liabilities).toHaveLength(4);
  });

  it("gives a yes/no poll its tally and result, a ranked one who was elected", () => {
    const yesNo = pollLines({ ...poll, method: "yes-no", yesNo: { yes: 4, no: 1, abstain: 0, passed: true }, elected: null });
    expect(yesNo).toContainEqual(["Result", "Carried"]);
    expect(yesNo).toContainEqual(["Ballots cast", "4 of 5 (80.0%)"]);
    expect(pollLines(poll)).toContainEqual(["Elected", "Ann Leader"]);
  });
});
