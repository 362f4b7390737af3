import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fillTemplate, financialSchemeText, yearEndLabel } from "./financial-scheme";

const model = readFileSync(path.resolve("constitution/financial-scheme.md"), "utf8");
const scheme = (details: Parameters<typeof financialSchemeText>[0]["details"], treasurerName: string | null = "Ann Treasurer") =>
  financialSchemeText({ details, treasurerName, partyName: "The Commonwealth Party", model });

describe("the template filler", () => {
  it("fills placeholders and keeps or drops sections", () => {
    const out = fillTemplate("Hello {{name}}.\n\n{{#on}}\nKept {{name}}.\n{{/on}}\n{{#off}}\nDropped.\n{{/off}}\n\nEnd.", {
      name: "Ann",
      on: true,
      off: false,
    });
    expect(out).toBe("Hello Ann.\n\nKept Ann.\n\nEnd.\n");
  });

  it("refuses a placeholder or section it has no value for, or one of the wrong kind", () => {
    expect(() => fillTemplate("{{missing}}", {})).toThrow(/missing/);
    expect(() => fillTemplate("{{#flag}}x{{/flag}}", { flag: "yes" })).toThrow(/flag/);
    expect(() => fillTemplate("{{name}}", { name: true })).toThrow(/name/);
    expect(() => fillTemplate("{{ bad placeholder }}", {})).toThrow(/malformed/);
  });
});

describe("the financial year's end", () => {
  it("reads DD-MM as a day of the year, and refuses days that are not", () => {
    expect(yearEndLabel("31-12")).toBe("31 December");
    expect(yearEndLabel("05-04")).toBe("5 April");
    expect(yearEndLabel("31-04")).toBeNull();
    expect(yearEndLabel("00-01")).toBeNull();
    expect(yearEndLabel(undefined)).toBeNull();
  });
});

describe("the financial scheme from the model", () => {
  it("names the party, the treasurer and the financial year, and leaves no placeholder", () => {
    const text = scheme({ register: "GB", financialYearEnd: "05-04" });
    expect(text).toContain("# Financial scheme of The Commonwealth Party");
    expect(text).toContain("The party's registered treasurer is Ann Treasurer.");
    expect(text).toContain("ends on 5 April each year");
    expect(text).not.toMatch(/\{\{|\}\}/);
  });

  it("covers every item of section 4: accounts, audit above £250,000, donations and loans with quarterly reports, registered details, campaign spending", () => {
    const text = scheme({ register: "GB" });
    for (const phrase of [
      "statement of accounts",
      "more than £250,000",
      "permissible source",
      "Every quarter",
      "Keeping registered details up to date",
      "Campaign spending may be incurred or paid only by the campaigns officer",
      "The treasurer signs off the statement of accounts",
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it("defaults the financial year to the calendar year of the model constitution", () => {
    expect(scheme({})).toContain("ends on 31 December each year");
  });

  it("speaks of Irish donations only for a party in Northern Ireland, and of separate finances when both registers", () => {
    expect(scheme({ register: "GB" })).not.toContain("Irish citizens");
    expect(scheme({ register: "NI" })).toContain("Irish citizens");
    expect(scheme({ register: "NI" })).toContain("registered in the Northern Ireland register");
    const both = scheme({ register: "both" });
    expect(both).toContain("Irish citizens");
    expect(both).toContain("two separate parties");
    expect(scheme({ register: "GB" })).toContain("registered in the Great Britain register");
  });

  it("lists the accounting units, or says there are none", () => {
    expect(scheme({ hasAccountingUnits: false })).toContain("The party has no accounting units");
    const text = scheme({
      hasAccountingUnits: true,
      accountingUnits: [
        {
          name: "Party in Wales",
          treasurer: "Lowri Evans",
          secondOfficer: "Owen Hughes",
          address: { line1: "1 Stryd Fawr", town: "Aberystwyth", postcode: "SY23 1AA" },
        },
      ],
    });
    expect(text).toContain("- **Party in Wales**: treasurer Lowri Evans; second officer Owen Hughes; address 1 Stryd Fawr, Aberystwyth, SY23 1AA.");
    expect(text).not.toContain("The party has no accounting units");
  });

  it("says who the treasurer will be before one is elected", () => {
    expect(scheme({}, null)).toContain("The party's registered treasurer is the treasurer named in the party's application for registration.");
  });
});
