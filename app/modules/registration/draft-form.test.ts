import { describe, expect, it } from "vitest";
import { registrationDraftSchema, type RegistrationDraft } from "./details";
import { draftSections, draftToValues, formPath, parseSection, rowIndexes, sectionAnswered, sectionValues, type DraftSection } from "./draft-form";

/** A whole draft through its form values and back, section by section. */
function roundTrip(draft: RegistrationDraft): RegistrationDraft {
  const values = draftToValues(draft);
  const out: Record<string, unknown> = {};
  for (const section of Object.keys(draftSections) as DraftSection[]) {
    const { patch, problems } = parseSection(section, values);
    expect(problems, section).toEqual({});
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) out[k] = v;
  }
  return registrationDraftSchema.parse(out);
}

describe("the details form", () => {
  it("gives back every field of a full draft", () => {
    const draft: RegistrationDraft = {
      register: "both",
      nations: ["england", "wales"],
      partyType: "full",
      intendsToContest: true,
      notContestingGeneralElections: true,
      name: "Common Ground",
      nameTranslation: "Tir Cyffredin",
      nameTranslationLanguage: "welsh",
      descriptions: [{ text: "Common Ground for All", translation: "Tir Cyffredin i Bawb" }, { text: "Common Ground Wales" }],
      headquarters: { line1: "PO Box 1", line2: "Unit 2", town: "Cardiff", postcode: "CF10 1AA" },
      headquartersIsHome: false,
      contactEmail: "hq@example.org",
      contactPhone: "029 2000 0000",
      leaderPurpose: "Leader in Wales",
      additionalOfficer: { userId: "0b0e1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", office: "Secretary" },
      hasAccountingUnits: true,
      accountingUnits: [
        { name: "Cardiff branch", treasurer: "T One", secondOfficer: "S Two", address: { line1: "1 High St", town: "Cardiff", postcode: "CF1 1AA" } },
      ],
      financialYearEnd: "05-04",
      assetsWithinThreshold: false,
      assetsRecord: { cashAtBank: 900, equipment: 0, otherLiabilitiesDetail: "A printer lease" },
      notThirdParty: true,
    };
    expect(roundTrip(draft)).toEqual(draft);
  });

  it("clears fields that no longer apply", () => {
    expect(parseSection("register", { register: "NI", nations: ["england"] }).patch).toEqual({ register: "NI", nations: undefined });
    expect(parseSection("party-type", { partyType: "full", minorElections: "english-parish" }).patch).toMatchObject({
      minorElections: undefined,
      intendsToContest: false,
    });
    expect(parseSection("assets", { assetsWithinThreshold: "yes", "assetsRecord.cashAtBank": "900" }).patch).toEqual({
      assetsWithinThreshold: true,
      assetsRecord: undefined,
    });
    expect(parseSection("accounting-units", { hasAccountingUnits: "no", "accountingUnits.0.name": "Branch" }).patch).toEqual({
      hasAccountingUnits: false,
      accountingUnits: undefined,
    });
    expect(parseSection("name", { name: "X", nameTranslation: "", nameTranslationLanguage: "welsh" }).patch.nameTranslationLanguage).toBeUndefined();
  });

  it("drops empty description rows and keeps the order of the rest", () => {
    const { patch } = parseSection("descriptions", {
      "descriptions.0.text": "One",
      "descriptions.1.text": " ",
      "descriptions.10.text": "Three",
      "descriptions.2.text": "Two",
    });
    expect(patch.descriptions).toEqual([{ text: "One" }, { text: "Two" }, { text: "Three" }]);
    expect(rowIndexes({ "descriptions.0.text": "", "descriptions.10.translation": "", other: "" }, "descriptions")).toEqual([0, 10]);
  });

  it("refuses what cannot become the field's type", () => {
    expect(parseSection("headquarters", { contactEmail: "not an email" }).problems).toEqual({ contactEmail: "not_an_email" });
    expect(parseSection("financial-year", { "financialYearEnd.day": "30", "financialYearEnd.month": "2" }).problems).toEqual({
      "financialYearEnd.day": "invalid_date",
    });
    expect(parseSection("financial-year", { "financialYearEnd.day": "29", "financialYearEnd.month": "2" }).patch.financialYearEnd).toBe("29-02");
    expect(parseSection("assets", { assetsWithinThreshold: "no", "assetsRecord.cashAtBank": "1.50" }).problems).toEqual({
      "assetsRecord.cashAtBank": "not_a_number",
    });
    expect(parseSection("assets", { assetsWithinThreshold: "no", "assetsRecord.cashAtBank": "£12,500" }).patch.assetsRecord).toEqual({ cashAtBank: 12500 });
    expect(parseSection("accounting-units", { hasAccountingUnits: "yes", "accountingUnits.0.treasurer": "T" }).problems).toEqual({
      "accountingUnits.0.name": "unit_name_missing",
    });
  });

  it("puts a row's problem on the row as typed, not as saved, when an empty row comes before it", () => {
    const units = parseSection("accounting-units", {
      hasAccountingUnits: "yes",
      "accountingUnits.0.name": "",
      "accountingUnits.1.name": "Leeds",
      "accountingUnits.2.treasurer": "T",
    });
    expect(units.problems).toEqual({ "accountingUnits.2.name": "unit_name_missing" });
    expect(units.rowOrigins.accountingUnits).toEqual([1, 2]);

    // The draft's second description is the third row typed: a schema problem with it goes there.
    const descriptions = parseSection("descriptions", {
      "descriptions.0.text": "",
      "descriptions.1.text": "One",
      "descriptions.2.text": "",
      "descriptions.3.text": "Two",
    });
    expect(descriptions.patch.descriptions).toEqual([{ text: "One" }, { text: "Two" }]);
    expect(formPath(descriptions.rowOrigins, "descriptions.1.text")).toBe("descriptions.3.text");
    expect(formPath(descriptions.rowOrigins, "descriptions.0.translation")).toBe("descriptions.1.translation");
    expect(formPath(descriptions.rowOrigins, "descriptions")).toBe("descriptions");
    expect(formPath(descriptions.rowOrigins, "name")).toBe("name");
    // Rows numbered with gaps are counted by position, as the form shows them again.
    expect(parseSection("descriptions", { "descriptions.0.text": "", "descriptions.5.text": "Five" }).rowOrigins.descriptions).toEqual([1]);
  });

  it("knows which sections have been answered", () => {
    expect(sectionAnswered({}, "name")).toBe(false);
    expect(sectionAnswered({ nameTranslation: "X" }, "name")).toBe(true);
    expect(sectionAnswered({ name: "X" }, "register")).toBe(false);
  });
});

describe("a section's values (what its edit version covers)", () => {
  it("holds that section's fields, rows and parts included, and no other section's", () => {
    const values = draftToValues({
      name: "Common Ground",
      nameTranslation: "Tir Cyffredin",
      descriptions: [{ text: "Common Ground for All" }],
      headquarters: { line1: "1 High Street", town: "Leeds", postcode: "LS1 1AA" },
      financialYearEnd: "31-12",
    });
    expect(sectionValues(values, "name")).toEqual({ name: "Common Ground", nameTranslation: "Tir Cyffredin" });
    expect(sectionValues(values, "descriptions")).toEqual({ "descriptions.0.text": "Common Ground for All" });
    expect(Object.keys(sectionValues(values, "headquarters"))).toEqual(["headquarters.line1", "headquarters.town", "headquarters.postcode"]);
    expect(sectionValues(values, "financial-year")).toEqual({ "financialYearEnd.day": "31", "financialYearEnd.month": "12" });
    expect(sectionValues(values, "register")).toEqual({});
  });
});
