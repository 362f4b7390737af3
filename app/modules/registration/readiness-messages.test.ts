import { describe, expect, it } from "vitest";
import { officerProblemMessages } from "~/modules/elections/officer-rules-messages";
import { officer, readyEmblem, readyInput, readyOfficers, withInput } from "./readiness-fixtures";
import { checkReadiness, readinessCodes } from "./readiness";
import { COMMISSION_DECIDES, describeCheck, emblemFileErrorMessages, groupHeading, isWorded, statusLabel } from "./readiness-messages";
import type { ReadinessCheck } from "./readiness-types";

const minor = { partyType: "minor" as const, minorElections: ["english-parish" as const] };
const thirteen = Array.from({ length: 13 }, (_, i) => ({ text: `Breakaway for Idea ${i + 1}` }));

/** Inputs that between them make every code, passing and not. */
const gallery = [
  readyInput,
  withInput({}),
  withInput({
    register: "both",
    nations: [],
    partyType: undefined,
    intendsToContest: false,
    headquarters: { line1: "hq@example.org", postcode: "75001" },
    headquartersIsHome: true,
    contactEmail: "x",
    contactPhone: "",
  }),
  withInput({ register: undefined, contactEmail: "", contactPhone: "1", notThirdParty: false }),
  withInput({ ...minor, register: "NI", minorElections: [], notContestingGeneralElections: true }),
  withInput(minor, { officers: readyOfficers.slice(0, 2) }),
  withInput({ name: "" }),
  withInput({ name: "The Green Party" }),
  withInput(
    {
      name: "Royal XYZ ✊ Vote for #Breakaway.org Green Party Now",
      nameTranslation: "Plaid",
      nameTranslationLanguage: undefined,
      descriptions: [
        { text: " " },
        { text: "breakaway party" },
        { text: "Power to the Members" },
        { text: "Power to the Members" },
        { text: "Scottish Breakaway Party Wales", translation: "Plaid" },
      ],
    },
    { registeredNames: ["Green Party"] },
  ),
  withInput({ nations: ["england"], name: "Scottish Breakaway Party", descriptions: thirteen }, { registeredNames: [] }),
  withInput(
    {},
    {
      emblems: [1, 2, 3, 4, 5].map((slot) => ({
        ...readyEmblem,
        slot,
        // 5 is freshly uploaded: nothing answered yet.
        hasPicture: slot === 5 ? null : slot !== 2,
        hasText: slot === 5 ? null : slot !== 3,
        smallestTextPx: slot === 3 || slot === 5 ? null : slot === 4 ? 10 : 80,
        inspection: {
          ...readyEmblem.inspection,
          width: 100,
          height: 100,
          maxSaturation: slot === 1 ? 0.9 : slot === 2 ? 0.3 : 0,
          colouredShare: slot === 1 ? 0.4 : 0.0001,
          margins: { top: 0.2, right: 0, bottom: 0, left: 0 },
        },
      })),
    },
  ),
  withInput({}, { officersDeclared: false, officers: [] }),
  withInput(
    {},
    {
      officerChanges: [
        { role: "treasurer", from: ["Ann Smith"], to: ["Dan Park"], reconfirmed: false },
        { role: "leader", from: ["Ann Smith"], to: ["Dan Park"], reconfirmed: true },
      ],
    },
  ),
  withInput(
    {},
    {
      officers: [
        officer("u-ann", "Ann Smith", "leader", { detailsComplete: false, confirmed: false }),
        officer("u-ann", "Ann Smith", "treasurer"),
        officer("u-dan", "Dan Park", "leader"),
      ],
    },
  ),
  withInput(
    { leaderPurpose: "Leader for registration" },
    { officers: [officer("u-ann", "Ann Smith", "leader"), officer("u-dan", "Dan Park", "leader"), ...readyOfficers.slice(1)] },
  ),
  withInput({ additionalOfficer: { userId: "00000000-0000-4000-8000-000000000001", office: "" } }),
  withInput({ additionalOfficer: { userId: "00000000-0000-4000-8000-000000000001", office: "Secretary" } }),
  withInput(
    {},
    {
      officers: [
        officer("u-a", "A", "leader"),
        officer("u-b", "B", "nominating-officer"),
        officer("u-b", "B", "treasurer"),
        officer("u-b", "B", "campaigns-officer"),
        officer("u-c", "C", "leader"),
        officer("u-c", "C", "nominating-officer"),
      ],
    },
  ),
  withInput(minor, {
    officers: [
      officer("u-a", "A", "leader"),
      officer("u-a", "A", "nominating-officer"),
      officer("u-b", "B", "treasurer"),
      officer("u-b", "B", "campaigns-officer"),
    ],
  }),
  withInput(minor, { officers: [officer("u-a", "A", "leader"), officer("u-a", "A", "nominating-officer")] }),
  withInput({}, { constitution: null, financialScheme: null }),
  withInput({}, { constitution: { version: 1, coveredItems: ["aims"] } }),
  withInput({ financialYearEnd: "31-02", hasAccountingUnits: undefined, assetsWithinThreshold: undefined }),
  withInput({ financialYearEnd: undefined, hasAccountingUnits: true, accountingUnits: [] }),
  withInput({ hasAccountingUnits: false, assetsWithinThreshold: false }),
  withInput({ accountingUnits: [{ name: "" }, { name: "Leeds" }], assetsWithinThreshold: false, assetsRecord: { cashAtBank: 900 } }),
];
const all: ReadinessCheck[] = gallery.flatMap((input) => checkReadiness(input));

describe("wording", () => {
  it("the gallery makes every code the rules can produce", () => {
    const made = new Set(all.map((c) => c.code));
    expect(readinessCodes.filter((code) => !made.has(code))).toEqual([]);
  });

  it("words every code", () => {
    for (const code of readinessCodes) expect(isWorded(code), code).toBe(true);
  });

  it("gives every check a title and a reason, without gaps in the wording", () => {
    for (const check of all) {
      const { title, reason } = describeCheck(check);
      const label = `${check.id} (${check.status})`;
      expect(title, label).not.toBe("");
      expect(reason.length, label).toBeGreaterThanOrEqual(10);
      expect(`${title} ${reason}`, label).not.toMatch(/undefined|NaN|\[object|“”|has no wording/);
      expect(reason, label).toMatch(/[.)]$/);
    }
  });

  it("says the Commission decides on every warning, and only on warnings", () => {
    for (const check of all) {
      const { reason } = describeCheck(check);
      if (check.status === "warning") expect(reason, check.id).toContain(COMMISSION_DECIDES);
      else expect(reason, check.id).not.toContain(COMMISSION_DECIDES);
    }
  });

  it("says what to do about every fail", () => {
    for (const check of all.filter((c) => c.status === "fail")) {
      const { reason } = describeCheck(check);
      expect(reason, check.id).toMatch(
        /\b(Choose|Change|Remove|Confirm|Enter|Add|Shorten|Replace|Upload|Enlarge|Hold|Ask|Adopt|Amend|Prepare|Answer|Fill|Say|State|Load)\b/i,
      );
    }
  });

  it("words the pass and fail of one rule differently", () => {
    const pass = describeCheck(checkReadiness(readyInput).find((c) => c.id === "name.word-limit") as ReadinessCheck);
    const fail = describeCheck(all.find((c) => c.id === "name.word-limit" && c.status === "fail") as ReadinessCheck);
    expect(pass.title).toBe("The name: at most 6 words");
    expect(pass.reason).toBe("It has 2 words.");
    expect(fail.reason).toBe("It has 8 words; the limit is 6. Shorten it.");
  });

  it("cites the Act and the Commission's guidance when a name is a registered party's", () => {
    const check = checkReadiness(withInput({ name: "Real Labour" })).find((c) => c.id === "name.registered-name") as ReadinessCheck;
    const { title, reason } = describeCheck(check);
    expect(title).toBe("The name: not a registered party's name");
    expect(reason).toContain("“Labour Party”");
    expect(reason).toContain("Political Parties, Elections and Referendums Act 2000, section 28(4)");
    expect(reason).toContain("Electoral Commission's guidance");
  });

  it("reuses the officer rules' own wording", () => {
    const check = all.find((c) => c.code === "officers.rule" && c.params?.problem === "campaigns_officer_is_treasurer") as ReadinessCheck;
    const expected = officerProblemMessages.campaigns_officer_is_treasurer(
      { code: "campaigns_officer_is_treasurer", people: ["B"], severity: "fail" },
      (p) => p,
    );
    expect(describeCheck(check).reason).toContain(expected);
  });

  it("sends an additional-officer problem to the details form, and others to a new election", () => {
    const required = all.find((c) => c.params?.problem === "additional_officer_required") as ReadinessCheck;
    expect(describeCheck(required).reason).toContain("Name the additional officer and the office they hold in the registration details.");
    const notAllowed = all.find((c) => c.params?.problem === "additional_officer_not_allowed") as ReadinessCheck;
    expect(describeCheck(notAllowed).reason).toContain("Remove the additional officer");
    const missing = all.find((c) => c.params?.problem === "treasurer_missing" || c.params?.problem === "nominating_officer_is_treasurer") as ReadinessCheck;
    expect(describeCheck(missing).reason).toContain("new election");
  });

  it("names the close registered names and the words found", () => {
    const similar = all.find((c) => c.id === "name.similar" && c.status === "warning" && c.code === "text.similar") as ReadinessCheck;
    expect(describeCheck(similar).reason).toContain("“Green Party”");
    const prohibited = all.find((c) => c.id === "name.prohibited-words" && c.status === "warning") as ReadinessCheck;
    expect(describeCheck(prohibited).reason).toContain("“Royal” can only appear as part of the name of a place or institution");
    expect(describeCheck(prohibited).reason).toContain("unconfirmed");
  });

  it("falls back safely for an unknown code", () => {
    expect(describeCheck({ id: "x", group: "name", status: "fail", code: "nonsense", fix: { page: "names" } })).toEqual({
      title: "nonsense",
      reason: "This check has no wording yet.",
    });
    expect(isWorded("nonsense")).toBe(false);
  });

  it("labels statuses and groups", () => {
    expect(statusLabel).toEqual({ pass: "Pass", warning: "Warning", fail: "Fail" });
    for (const group of ["application", "name", "descriptions", "emblems", "officers", "constitution", "finance"] as const)
      expect(groupHeading(group)).toMatch(/^[A-Z]/);
  });

  it("words every refusal of an uploaded emblem", () => {
    for (const message of Object.values(emblemFileErrorMessages)) expect(message).toMatch(/^The selected (file|image)/);
  });
});
