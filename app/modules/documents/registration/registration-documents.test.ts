import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { ConstitutionPdfData } from "../constitution";
import { renderPdf } from "../render.server";
import { flat, pdfInfo, pdfPages } from "../test-support/pdf-text";
import { summarySections } from "./application-summary";
import { assetsRows } from "./assets-and-liabilities";
import { packDocuments } from "./documents";
import { pollLines } from "./founding-record";
import { packMessages } from "./messages";
import { PackPdf, type PackData } from "./pack";

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

const poll = { title: "Interim officers: Leader", method: "irv", status: "closed", openedAt: generatedAt, closedAt: generatedAt, rollSize: 5, ballots: 4, chainHead: "b".repeat(64), yesNo: null, elected: ["Ann Leader"] };

function pack(overrides: Partial<PackData> = {}): PackData {
  return {
    ...common,
    "application-summary": { ...common, details: { register: "GB", nations: ["wales"], name: "Commonwealth Party" }, officers: [{ role: "leader", name: "Ann Leader" }], emblems: [], additionalOfficerName: null },
    "officer-sheets": { ...common, officers: [{ name: "Ann", fullName: "Ann Leader", homeAddress: HOME, email: "ann@example.org", roles: [{ role: "leader", declaration: "I consent to being the leader.", confirmedAt: generatedAt }] }] },
    constitution,
    "financial-scheme": { ...common, text: "# Financial scheme of Commonwealth Party\n\n## 1. About\n\nThe treasurer keeps the books.", edited: false, treasurerName: "Tom Treasurer" },
    "assets-and-liabilities": { ...common, partyType: "full", withinThreshold: true, record: undefined, treasurerName: "Tom Treasurer" },
    "founding-record": {
      ...common,
      campaign: { pledgesMade: 340, confirmed: 300, withdrawn: 12, subscriptionsPence: 123_450 },
      decision: null,
      founding: { invited: 300, accepted: 250 },
      standingOrders: { ...poll, title: "Adopt the interim standing orders", method: "yes-no", yesNo: { yes: 4, no: 0, abstain: 0, passed: true }, elected: null },
      constitution: { version: 1, adoptedAt: generatedAt, clauses: [{ title: "Name and register", decision: "adopted", yes: 5, no: 0, abstain: 0 }], questions: [], adoptionVote: null },
      elections: [{ position: "Leader", declaredAt: generatedAt, elected: ["Ann Leader"], poll }],
    },
    "readiness-checklist": { ...common, groups: [{ heading: "The party's name", checks: [{ status: "warning", title: "Name looks like another", reason: "The Commission decides." }] }] },
    ...overrides,
  };
}

describe("the registration pack as one PDF", () => {
  it("holds every part in order, numbers its pages through, and names the party on each", async () => {
    const pdf = await renderPdf(createElement(PackPdf, { data: pack() }));
    const pages = pdfPages(pdf).map(flat);
    const text = pages.join(" ");
    // Each page's header names its part: the parts follow the cover, in order, none left out.
    const titles = ["Application to register a political party: the pack", ...packDocuments.map((d) => (d === "constitution" ? "Constitution, version 1" : (packMessages.documents[d]?.title ?? d)))];
    // (pdftotext reads the header's two ends in either order.)
    const partOf = pages.map((p) => titles.findIndex((title) => [`Commonwealth Party ${title}`, `${title} Commonwealth Party`].some((head) => p.trimStart().startsWith(head))));
    expect(partOf.every((part, i) => part >= 0 && (i === 0 || part >= partOf[i - 1]!))).toBe(true);
    expect(new Set(partOf).size).toBe(titles.length);
    expect(pages.every((p, i) => p.includes(`Page ${i + 1} of ${pages.length}`) && p.includes("Commonwealth Party") && p.includes("Generated on 14 March 2027"))).toBe(true);
    expect(text).toContain("Adoption record");
    expect(text).toContain("Chain head (verification hash): " + "b".repeat(64));
    expect(pdfInfo(pdf).Title).toBe("Commonwealth Party: Application to register a political party: the pack");
  }, 30_000);

  it("prints the home address on the officer's sheet and nowhere else", async () => {
    const pages = pdfPages(await renderPdf(createElement(PackPdf, { data: pack() }))).map(flat);
    const holding = pages.filter((p) => p.includes(HOME));
    expect(holding).toHaveLength(1);
    expect(holding[0]).toContain("Officer: Ann Leader");
    expect(holding[0]).toContain("Confirmed on Breakaway on");
  }, 30_000);

  it("says when no constitution is adopted yet", async () => {
    const text = pdfPages(await renderPdf(createElement(PackPdf, { data: pack({ constitution: null }) }))).map(flat).join(" ");
    expect(text).toContain("No constitution has been adopted yet.");
  }, 30_000);
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
