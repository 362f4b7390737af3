import { describe, expect, it } from "vitest";
import { registrationItems } from "~/modules/constitution/registration-items";
import { greyInspection, officer, readyEmblem, readyInput, readyOfficers, withInput } from "./readiness-fixtures";
import {
  EMBLEM_MIN_PIXELS,
  LIST_SEPARATOR,
  checkReadiness,
  plausibleEmail,
  plausiblePhone,
  readinessCodes,
  translationAllowed,
  validYearEnd,
} from "./readiness";
import type { ReadinessCheck, ReadinessInput } from "./readiness-types";

function find(checks: readonly ReadinessCheck[], id: string): ReadinessCheck {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id} among ${checks.map((c) => c.id).join(", ")}`);
  return found;
}
const statusOf = (input: ReadinessInput, id: string) => find(checkReadiness(input), id).status;
const ids = (input: ReadinessInput) => checkReadiness(input).map((c) => c.id);
const notPassing = (input: ReadinessInput) =>
  checkReadiness(input)
    .filter((c) => c.status !== "pass")
    .map((c) => `${c.id}:${c.status}`);
const listParam = (check: ReadinessCheck, key: string) => String(check.params?.[key] ?? "").split(LIST_SEPARATOR);

describe("a party ready to apply", () => {
  const checks = checkReadiness(readyInput);

  it("passes every check", () => {
    expect(notPassing(readyInput)).toEqual([]);
  });

  it("returns the passes too, one per rule, with unique ids, in checklist order", () => {
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    const groups = [...new Set(checks.map((c) => c.group))];
    expect(groups).toEqual(["application", "name", "descriptions", "emblems", "officers", "constitution", "finance"]);
    for (const id of [
      "application.register",
      "name.word-limit",
      "name.translation.allowed",
      "description.1.equals-name",
      "description.1.translation.word-limit",
      "emblem.1.colour",
      "officers.combination",
      "constitution.dissolution",
      "finance.assets-declaration",
    ]) {
      expect(checks.map((c) => c.id)).toContain(id);
    }
  });

  it("uses only known codes and gives every check a place to fix it", () => {
    for (const c of checks) {
      expect(readinessCodes as readonly string[]).toContain(c.code);
      expect(c.fix.page).toBeTruthy();
    }
    expect(find(checks, "description.2.word-limit").fix).toEqual({ page: "details", field: "descriptions-2" });
    expect(find(checks, "emblem.1.colour").fix).toEqual({ page: "emblems", slot: 1 });
    expect(find(checks, "finance.scheme").fix).toEqual({ page: "financial-scheme" });
  });
});

describe("the application", () => {
  it("needs a register", () => {
    expect(statusOf(withInput({ register: undefined }), "application.register")).toBe("fail");
  });

  it("needs at least one nation for Great Britain or both, and none for Northern Ireland", () => {
    expect(statusOf(withInput({ nations: [] }), "application.nations")).toBe("fail");
    expect(statusOf(withInput({ register: "both", nations: undefined }), "application.nations")).toBe("fail");
    expect(statusOf(withInput({ register: "both", nations: ["scotland"] }), "application.nations")).toBe("pass");
    expect(ids(withInput({ register: "NI", nations: [], nameTranslation: undefined }))).not.toContain("application.nations");
  });

  it("warns that both registers make two separate parties", () => {
    expect(statusOf(withInput({ register: "both" }), "application.both-registers")).toBe("warning");
    expect(ids(readyInput)).not.toContain("application.both-registers");
  });

  it("needs a party type", () => {
    expect(statusOf(withInput({ partyType: undefined }), "application.party-type")).toBe("fail");
  });

  it("holds a minor party to Great Britain, named elections and no general election declaration", () => {
    const minor = { partyType: "minor" as const, minorElections: ["english-parish" as const] };
    expect(statusOf(withInput(minor), "application.minor-gb-only")).toBe("pass");
    expect(statusOf(withInput({ ...minor, register: "NI" }), "application.minor-gb-only")).toBe("fail");
    expect(statusOf(withInput({ ...minor, register: "both" }), "application.minor-gb-only")).toBe("fail");
    expect(statusOf(withInput(minor), "application.minor-elections")).toBe("pass");
    expect(statusOf(withInput({ ...minor, minorElections: [] }), "application.minor-elections")).toBe("fail");
    expect(statusOf(withInput(minor), "application.minor-general-election")).toBe("pass");
    expect(statusOf(withInput({ ...minor, notContestingGeneralElections: true }), "application.minor-general-election")).toBe("fail");
  });

  it("leaves the minor-party rules out for a full party, which may make the general election declaration", () => {
    const checks = ids(withInput({ notContestingGeneralElections: true }));
    expect(checks.filter((id) => id.startsWith("application.minor"))).toEqual([]);
    expect(notPassing(withInput({ notContestingGeneralElections: true }))).toEqual([]);
  });

  it("needs the intention to contest elections", () => {
    expect(statusOf(withInput({ intendsToContest: false }), "application.intends-to-contest")).toBe("fail");
    expect(statusOf(withInput({ intendsToContest: undefined }), "application.intends-to-contest")).toBe("fail");
  });

  it("needs a complete headquarters address and says what is missing", () => {
    const check = find(checkReadiness(withInput({ headquarters: { line1: "1 High Street" } })), "application.headquarters");
    expect(check.status).toBe("fail");
    expect(listParam(check, "missing")).toEqual(["town", "postcode"]);
    expect(statusOf(withInput({ headquarters: undefined }), "application.headquarters")).toBe("fail");
  });

  it("needs a physical address, not an email or web address", () => {
    expect(
      statusOf(withInput({ headquarters: { line1: "hq@breakaway.example", town: "Leeds", postcode: "LS1 1AA" } }), "application.headquarters-physical"),
    ).toBe("fail");
    expect(
      statusOf(withInput({ headquarters: { line1: "www.breakaway.example", town: "Leeds", postcode: "LS1 1AA" } }), "application.headquarters-physical"),
    ).toBe("fail");
    expect(ids(withInput({ headquarters: undefined }))).not.toContain("application.headquarters-physical");
  });

  it("warns about a postcode that is not a UK one", () => {
    expect(statusOf(withInput({ headquarters: { line1: "1 Rue", town: "Paris", postcode: "75001" } }), "application.headquarters-postcode")).toBe("warning");
    expect(statusOf(withInput({ headquarters: { line1: "1 Road", town: "Belfast", postcode: "bt11aa" } }), "application.headquarters-postcode")).toBe("pass");
  });

  it("warns that a home address would be published", () => {
    expect(statusOf(withInput({ headquartersIsHome: true }), "application.headquarters-home")).toBe("warning");
    expect(statusOf(withInput({ headquartersIsHome: undefined }), "application.headquarters-home")).toBe("pass");
  });

  it("needs a plausible contact email and phone", () => {
    expect(statusOf(withInput({ contactEmail: undefined }), "application.contact-email")).toBe("fail");
    expect(find(checkReadiness(withInput({ contactEmail: "" })), "application.contact-email").params).toEqual({ state: "missing" });
    expect(find(checkReadiness(withInput({ contactEmail: "not an email" })), "application.contact-email").params).toEqual({ state: "invalid" });
    expect(statusOf(withInput({ contactPhone: "12" }), "application.contact-phone")).toBe("fail");
    expect(statusOf(withInput({ contactPhone: undefined }), "application.contact-phone")).toBe("fail");
  });

  it.each([
    ["a@b.org", true],
    ["first.last@example.co.uk", true],
    ["a@b", false],
    ["a b@c.org", false],
    ["@b.org", false],
    ["a@b.c", false],
  ])("plausibleEmail(%j) is %s", (email, ok) => {
    expect(plausibleEmail(email)).toBe(ok);
  });

  it.each([
    ["0113 496 0000", true],
    ["(020) 7946-0000", true],
    ["07700 900000", true],
    ["+44 20 7946 0000", true],
    ["+353 1 234 5678", true],
    ["0113", false],
    ["phone me", false],
    ["44 20 7946 0000", false],
  ])("plausiblePhone(%j) is %s", (phone, ok) => {
    expect(plausiblePhone(phone)).toBe(ok);
  });

  it("needs the third-party confirmation", () => {
    expect(statusOf(withInput({ notThirdParty: undefined }), "application.third-party")).toBe("fail");
    expect(statusOf(withInput({ notThirdParty: false }), "application.third-party")).toBe("fail");
  });
});

describe("the name", () => {
  it("is required; without one no other name check runs", () => {
    const input = withInput({ name: "  ", nameTranslation: undefined });
    expect(statusOf(input, "name.required")).toBe("fail");
    expect(ids(input).filter((id) => id.startsWith("name."))).toEqual(["name.required"]);
  });

  it("has at most 6 words", () => {
    const check = find(checkReadiness(withInput({ name: "The Very Long Breakaway Members Party Now" })), "name.word-limit");
    expect(check).toMatchObject({ status: "fail", params: { words: 7, limit: 6, subject: "name" } });
    expect(statusOf(withInput({ name: "One Two Three Four Five Six" }), "name.word-limit")).toBe("pass");
  });

  it("uses Roman script typeable on a UK keyboard", () => {
    const check = find(checkReadiness(withInput({ name: "Breakaway ✊ Party" })), "name.characters");
    expect(check).toMatchObject({ status: "fail", params: { characters: "✊" } });
  });

  it("has no web address, hashtag, handle or QR", () => {
    for (const name of ["Breakaway.org", "#Breakaway", "@breakaway Party", "Breakaway QR Party", "www Breakaway"]) {
      expect(statusOf(withInput({ name }), "name.online")).toBe("fail");
    }
  });

  it("warns about acronyms, saying how many words they could count as", () => {
    const check = find(checkReadiness(withInput({ name: "XYZW Breakaway Party" })), "name.acronyms");
    expect(check).toMatchObject({ status: "warning", params: { acronyms: "XYZW", wordsCountingLetters: 6 } });
    expect(statusOf(withInput({ name: "Breakaway UK" }), "name.acronyms")).toBe("pass");
  });

  it("warns about prohibited words unless used in a qualified way", () => {
    const royal = find(checkReadiness(withInput({ name: "Royal Breakaway Party" })), "name.prohibited-words");
    expect(royal).toMatchObject({ status: "warning", params: { words: "Royal", uses: "place-or-institution" } });
    const scottish = find(checkReadiness(withInput({ name: "Scottish Breakaway Party" })), "name.prohibited-words");
    expect(scottish).toMatchObject({ status: "pass", params: { qualified: "Scotland" } });
    expect(statusOf(withInput({ name: "Scottish Breakaway" }), "name.prohibited-words")).toBe("warning");
    expect(statusOf(withInput({ name: "Independent Party" }), "name.prohibited-words")).toBe("warning");
  });

  it("warns about words that mislead about voting", () => {
    const check = find(checkReadiness(withInput({ name: "None of the Above Party" })), "name.misleading");
    expect(check).toMatchObject({ status: "warning", params: { phrases: "none of the above" } });
  });

  it("warns about names close to registered ones, listing them", () => {
    const check = find(checkReadiness(withInput({ name: "The Green Party" })), "name.similar");
    expect(check).toMatchObject({ status: "warning", code: "text.similar", fix: { page: "details", field: "name" } });
    expect(listParam(check, "names")).toEqual(["Green Party"]);
    expect(statusOf(withInput({ name: "Liberal Democrat" }), "name.similar")).toBe("warning");
  });

  it("fails a registered party's name, identical or with a qualifier, citing the rule", () => {
    for (const name of ["Official Labour Party of Wales", "Real Labour", "labour  PARTY"]) {
      const check = find(checkReadiness(withInput({ name })), "name.registered-name");
      expect(check, name).toMatchObject({ status: "fail", code: "text.registered-name", fix: { page: "details", field: "name" } });
      expect(listParam(check, "names")).toEqual(["Labour Party"]);
    }
    expect(statusOf(withInput({ name: "Breakaway Party of Wales" }), "name.registered-name")).toBe("pass");
    const description = find(checkReadiness(withInput({ descriptions: [{ text: "True Labour" }] })), "description.1.registered-name");
    expect(description.status).toBe("fail");
  });

  it("warns that similarity was not checked when no register list is loaded", () => {
    const check = find(checkReadiness(withInput({}, { registeredNames: [] })), "name.similar");
    expect(check).toMatchObject({ status: "warning", code: "text.register-missing" });
    // Once, on the name: not repeated on every description.
    expect(ids(withInput({}, { registeredNames: [] })).filter((id) => id.endsWith(".similar"))).toEqual(["name.similar"]);
  });

  it("allows a Welsh form only for a GB party covering Wales, and an Irish one only for NI", () => {
    expect(statusOf(withInput({ nations: ["england"] }), "name.translation.allowed")).toBe("fail");
    expect(statusOf(withInput({ register: "NI", nations: undefined }), "name.translation.allowed")).toBe("fail");
    expect(
      statusOf(
        withInput({ register: "NI", nations: undefined, nameTranslation: "Páirtí Scaoilte", nameTranslationLanguage: "irish" }),
        "name.translation.allowed",
      ),
    ).toBe("pass");
    expect(statusOf(withInput({ register: "GB", nameTranslation: "Páirtí Scaoilte", nameTranslationLanguage: "irish" }), "name.translation.allowed")).toBe(
      "fail",
    );
    expect(statusOf(withInput({ register: "both", nations: ["wales"] }), "name.translation.allowed")).toBe("pass");
    expect(translationAllowed({ register: "both", nations: ["england"] }, "irish")).toBe(true);
    expect(translationAllowed({ register: "both", nations: ["england"] }, "welsh")).toBe(false);
  });

  it("needs the translation's language", () => {
    const check = find(checkReadiness(withInput({ nameTranslationLanguage: undefined })), "name.translation.allowed");
    expect(check).toMatchObject({ status: "fail", code: "text.translation-language" });
  });

  it("holds the translation to the same limits, but not the register comparison", () => {
    const input = withInput({ nameTranslation: "Plaid Ymwahanu Fawr Iawn I Bawb Nawr" });
    expect(find(checkReadiness(input), "name.translation.word-limit")).toMatchObject({ status: "fail", params: { words: 7, subject: "name-translation" } });
    expect(statusOf(withInput({ nameTranslation: "Plaid.cymru" }), "name.translation.online")).toBe("fail");
    expect(ids(readyInput)).not.toContain("name.translation.similar");
    expect(ids(withInput({ nameTranslation: undefined })).filter((id) => id.startsWith("name.translation"))).toEqual([]);
  });
});

describe("descriptions", () => {
  const describeAs = (...texts: (string | { text: string; translation?: string })[]) =>
    withInput({ descriptions: texts.map((t) => (typeof t === "string" ? { text: t } : t)) });

  it("are at most 12", () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => `Breakaway for Idea ${i + 1}`);
    expect(find(checkReadiness(describeAs(...thirteen)), "descriptions.count")).toMatchObject({ status: "fail", params: { count: 13, limit: 12 } });
    expect(statusOf(describeAs(...thirteen.slice(0, 12)), "descriptions.count")).toBe("pass");
    expect(statusOf(withInput({ descriptions: undefined }), "descriptions.count")).toBe("pass");
  });

  it("must not be empty", () => {
    const input = describeAs(" ");
    expect(statusOf(input, "description.1.empty")).toBe("fail");
    expect(ids(input).filter((id) => id.startsWith("description.1."))).toEqual(["description.1.empty"]);
  });

  it("have at most 6 words each, in each language", () => {
    expect(statusOf(describeAs("Breakaway for a fairer and greener Britain"), "description.1.word-limit")).toBe("fail");
    expect(
      statusOf(
        describeAs({ text: "Breakaway for Fair Votes", translation: "Ymwahanu dros Bleidleisiau Teg i Bawb Nawr" }),
        "description.1.translation.word-limit",
      ),
    ).toBe("fail");
  });

  it("follow the name's script and online rules", () => {
    expect(statusOf(describeAs("Breakaway → Forward"), "description.1.characters")).toBe("fail");
    expect(statusOf(describeAs("Breakaway #Forward"), "description.1.online")).toBe("fail");
  });

  it("must not be the name, ignoring case and spaces", () => {
    expect(statusOf(describeAs("breakaway  PARTY"), "description.1.equals-name")).toBe("fail");
    expect(statusOf(describeAs({ text: "Breakaway Wales", translation: "plaid ymwahanu" }), "description.1.equals-name")).toBe("fail");
    expect(statusOf(describeAs("Breakaway Party Wales"), "description.1.equals-name")).toBe("pass");
  });

  it("should contain the party's name", () => {
    const check = find(checkReadiness(describeAs("Power to the Members")), "description.1.contains-name");
    expect(check).toMatchObject({ status: "warning", params: { name: "Breakaway Party" } });
    expect(statusOf(describeAs("The Breakaway - for members"), "description.1.contains-name")).toBe("pass");
    expect(statusOf(describeAs("Breakawayers United"), "description.1.contains-name")).toBe("warning");
  });

  it("must not repeat each other", () => {
    const checks = checkReadiness(describeAs("Breakaway for Members", "Breakaway for Fairness", "breakaway FOR members"));
    expect(find(checks, "description.1.duplicate").status).toBe("pass");
    expect(find(checks, "description.2.duplicate").status).toBe("pass");
    expect(find(checks, "description.3.duplicate")).toMatchObject({ status: "fail", params: { index: 3, of: 1 } });
  });

  it("get the warnings too: acronyms, prohibited words, misleading words, similar names", () => {
    const checks = checkReadiness(describeAs("Breakaway QQX", "Breakaway Royal Charter", "Breakaway: Vote for Change", "Labour Party"));
    expect(find(checks, "description.1.acronyms").status).toBe("warning");
    expect(find(checks, "description.2.prohibited-words").status).toBe("warning");
    expect(find(checks, "description.3.misleading").status).toBe("warning");
    expect(find(checks, "description.4.similar").status).toBe("warning");
  });

  it("may be translated only where the name may be", () => {
    const translated = { text: "Breakaway Wales", translation: "Ymwahanu Cymru" };
    expect(statusOf(describeAs(translated), "description.1.translation.allowed")).toBe("pass");
    expect(
      statusOf(
        withInput({ nations: ["england"], nameTranslation: undefined, nameTranslationLanguage: undefined, descriptions: [translated] }),
        "description.1.translation.allowed",
      ),
    ).toBe("fail");
    expect(
      statusOf(
        withInput({ register: "NI", nations: undefined, nameTranslation: undefined, nameTranslationLanguage: undefined, descriptions: [translated] }),
        "description.1.translation.allowed",
      ),
    ).toBe("pass");
  });
});

describe("emblems", () => {
  const emblem = (changes: Partial<Omit<typeof readyEmblem, "inspection">> & { inspection?: Partial<typeof greyInspection> }) => ({
    ...readyEmblem,
    ...changes,
    inspection: { ...greyInspection, ...changes.inspection },
  });
  const withEmblem = (e: ReturnType<typeof emblem>) => withInput({}, { emblems: [e] });

  it("are at most 3", () => {
    const four = [1, 2, 3, 4].map((slot) => emblem({ slot }));
    expect(find(checkReadiness(withInput({}, { emblems: four })), "emblems.count")).toMatchObject({ status: "fail", params: { count: 4, limit: 3 } });
    expect(statusOf(withInput({}, { emblems: [] }), "emblems.count")).toBe("pass");
  });

  it("must be black and white or greyscale, allowing for anti-aliasing noise", () => {
    expect(statusOf(withEmblem(emblem({ inspection: { maxSaturation: 0.8, colouredShare: 0.3 } })), "emblem.1.colour")).toBe("fail");
    expect(statusOf(withEmblem(emblem({ inspection: { maxSaturation: 0.3, colouredShare: 0.0002 } })), "emblem.1.colour")).toBe("warning");
    expect(statusOf(withEmblem(emblem({ inspection: { maxSaturation: 0.05, colouredShare: 0 } })), "emblem.1.colour")).toBe("pass");
  });

  it("should be cropped: any margin over 2% is a warning", () => {
    const check = find(checkReadiness(withEmblem(emblem({ inspection: { margins: { top: 0, right: 0, bottom: 0.15, left: 0 } } }))), "emblem.1.whitespace");
    expect(check).toMatchObject({ status: "warning", params: { marginPercent: 15 } });
    expect(statusOf(withEmblem(emblem({ inspection: { margins: { top: 0.02, right: 0.02, bottom: 0.02, left: 0.02 } } })), "emblem.1.whitespace")).toBe("pass");
  });

  it("needs lettering at least 6% of its height", () => {
    expect(find(checkReadiness(withEmblem(emblem({ smallestTextPx: 40 }))), "emblem.1.text-size")).toMatchObject({
      status: "fail",
      params: { textPercent: 5, minimumPercent: 6 },
    });
    expect(statusOf(withEmblem(emblem({ smallestTextPx: 48 })), "emblem.1.text-size")).toBe("pass");
    expect(find(checkReadiness(withEmblem(emblem({ hasText: false, smallestTextPx: null }))), "emblem.1.text-size")).toMatchObject({
      status: "pass",
      code: "emblem.text-size",
      params: { slot: 1 },
    });
  });

  it("fails until it is said whether it has lettering, and how small", () => {
    expect(find(checkReadiness(withEmblem(emblem({ hasText: null, smallestTextPx: null }))), "emblem.1.text-size")).toMatchObject({
      status: "fail",
      code: "emblem.text-unanswered",
      params: { slot: 1 },
    });
    // "Yes, lettering" without its height is not an answer either.
    expect(find(checkReadiness(withEmblem(emblem({ hasText: true, smallestTextPx: null }))), "emblem.1.text-size")).toMatchObject({
      status: "fail",
      code: "emblem.text-unanswered",
    });
  });

  it("needs a pictorial element", () => {
    expect(statusOf(withEmblem(emblem({ hasPicture: false })), "emblem.1.picture")).toBe("fail");
    expect(find(checkReadiness(withEmblem(emblem({ hasPicture: true }))), "emblem.1.picture")).toMatchObject({ status: "pass", code: "emblem.picture" });
  });

  it("fails until it is said whether it has a picture", () => {
    expect(find(checkReadiness(withEmblem(emblem({ hasPicture: null }))), "emblem.1.picture")).toMatchObject({
      status: "fail",
      code: "emblem.picture-unanswered",
      fix: { page: "emblems", slot: 1 },
    });
  });

  it("a fresh upload, with nothing answered, is not ready", () => {
    const checks = checkReadiness(withEmblem(emblem({ hasPicture: null, hasText: null, smallestTextPx: null })));
    expect(checks.filter((c) => c.id.startsWith("emblem.1.") && c.status === "fail").map((c) => c.code)).toEqual([
      "emblem.text-unanswered",
      "emblem.picture-unanswered",
    ]);
  });

  it("warns about tiny images", () => {
    expect(statusOf(withEmblem(emblem({ inspection: { width: 150, height: 600 } })), "emblem.1.resolution")).toBe("warning");
    expect(statusOf(withEmblem(emblem({ inspection: { width: EMBLEM_MIN_PIXELS, height: EMBLEM_MIN_PIXELS } })), "emblem.1.resolution")).toBe("pass");
  });

  it("names each check by slot", () => {
    const checks = checkReadiness(withInput({}, { emblems: [emblem({ slot: 2, hasPicture: false })] }));
    expect(find(checks, "emblem.2.picture")).toMatchObject({ status: "fail", fix: { page: "emblems", slot: 2 }, params: { slot: 2 } });
  });
});

describe("officers", () => {
  const withOfficers = (officers: ReadinessInput["officers"], details = {}) => withInput(details, { officers });

  it("must be declared first; nothing else is checked until then", () => {
    const input = withInput({}, { officersDeclared: false, officers: [] });
    expect(
      checkReadiness(input)
        .filter((c) => c.group === "officers")
        .map((c) => `${c.id}:${c.status}`),
    ).toEqual(["officers.declared:fail"]);
  });

  it("maps the officer rules' problems into checks, naming the people", () => {
    const checks = checkReadiness(withOfficers([officer("u-ann", "Ann Smith", "leader"), officer("u-ben", "Ben Jones", "nominating-officer")]));
    const missing = find(checks, "officers.treasurer_missing");
    expect(missing).toMatchObject({ status: "fail", code: "officers.rule", params: { problem: "treasurer_missing", roles: "treasurer" } });
    expect(checks.map((c) => c.id)).not.toContain("officers.combination");

    const same = find(
      checkReadiness(
        withOfficers([
          officer("u-ann", "Ann Smith", "leader"),
          officer("u-ben", "Ben Jones", "nominating-officer"),
          officer("u-ben", "Ben Jones", "treasurer"),
        ]),
      ),
      "officers.nominating_officer_is_treasurer",
    );
    expect(same).toMatchObject({ status: "fail", params: { people: "Ben Jones" } });
  });

  it("applies the minor party's rules: no treasurer", () => {
    const input = withOfficers(readyOfficers, { partyType: "minor", minorElections: ["welsh-community"] });
    expect(statusOf(input, "officers.minor_party_treasurer")).toBe("fail");
    const fine = withOfficers(readyOfficers.slice(0, 2), { partyType: "minor", minorElections: ["welsh-community"] });
    expect(statusOf(fine, "officers.combination")).toBe("pass");
  });

  it("applies our standing orders' one-office rule", () => {
    const input = withOfficers([
      officer("u-ann", "Ann Smith", "leader"),
      officer("u-ann", "Ann Smith", "nominating-officer"),
      officer("u-cat", "Cat Brown", "treasurer"),
    ]);
    expect(find(checkReadiness(input), "officers.more_than_one_office")).toMatchObject({
      status: "fail",
      params: { people: "Ann Smith", roles: `leader${LIST_SEPARATOR}nominating-officer` },
    });
  });

  it("gives each repeated problem its own id", () => {
    const input = withOfficers([
      officer("u-ann", "Ann Smith", "leader"),
      officer("u-ben", "Ben Jones", "nominating-officer"),
      officer("u-dan", "Dan Park", "nominating-officer"),
      officer("u-cat", "Cat Brown", "treasurer"),
      officer("u-eve", "Eve Hall", "treasurer"),
    ]);
    const checks = checkReadiness(input);
    expect(find(checks, "officers.role_held_twice").params?.roles).toBe("nominating-officer");
    expect(find(checks, "officers.role_held_twice.2").params?.roles).toBe("treasurer");
  });

  it("accepts co-leaders when the registered leader's purpose is stated", () => {
    const coLeaders = [officer("u-ann", "Ann Smith", "leader"), officer("u-dan", "Dan Park", "leader"), ...readyOfficers.slice(1)];
    const without = checkReadiness(withOfficers(coLeaders));
    expect(find(without, "officers.leader-purpose")).toMatchObject({ status: "fail", params: { people: `Ann Smith${LIST_SEPARATOR}Dan Park` } });
    expect(without.map((c) => c.id)).not.toContain("officers.role_held_twice");
    const withPurpose = withOfficers(coLeaders, { leaderPurpose: "Leader for the purposes of registration" });
    expect(notPassing(withPurpose)).toEqual([]);
    expect(ids(readyInput)).not.toContain("officers.leader-purpose");
  });

  it("needs the additional officer when one person holds every required office, with a named office", () => {
    const alone = [officer("u-ann", "Ann Smith", "leader"), officer("u-ann", "Ann Smith", "nominating-officer")];
    const minor = { partyType: "minor" as const, minorElections: ["english-parish" as const] };
    expect(find(checkReadiness(withOfficers(alone, minor)), "officers.additional_officer_required")).toMatchObject({
      status: "fail",
      fix: { page: "details", field: "additionalOfficer" },
    });
    const withOffice = withOfficers(alone, { ...minor, additionalOfficer: { userId: "00000000-0000-4000-8000-000000000001", office: "Secretary" } });
    expect(ids(withOffice)).not.toContain("officers.additional_officer_required");
    expect(statusOf(withOffice, "officers.additional-office")).toBe("pass");
    const noOffice = withOfficers(alone, { ...minor, additionalOfficer: { userId: "00000000-0000-4000-8000-000000000001", office: " " } });
    expect(statusOf(noOffice, "officers.additional-office")).toBe("fail");
  });

  it("refuses an additional officer who is not needed", () => {
    const input = withOfficers(readyOfficers, { additionalOfficer: { userId: "00000000-0000-4000-8000-000000000001", office: "Secretary" } });
    expect(find(checkReadiness(input), "officers.additional_officer_not_allowed")).toMatchObject({
      status: "fail",
      params: { people: "the additional officer" },
    });
  });

  it("needs each officer's own details once, and a declaration for each role they hold", () => {
    const input = withOfficers([
      officer("u-ann", "Ann Smith", "leader", { detailsComplete: false, confirmed: false }),
      officer("u-ben", "Ben Jones", "nominating-officer"),
      officer("u-cat", "Cat Brown", "treasurer", { confirmed: false }),
      officer("u-cat", "Cat Brown", "campaigns-officer"),
    ]);
    const checks = checkReadiness(input);
    expect(find(checks, "officer.u-ann.details")).toMatchObject({ status: "fail", params: { name: "Ann Smith" } });
    expect(find(checks, "officer.u-ann.leader.declaration")).toMatchObject({ status: "fail", params: { name: "Ann Smith", role: "leader" } });
    expect(find(checks, "officer.u-cat.details").status).toBe("pass");
    expect(find(checks, "officer.u-cat.treasurer.declaration").status).toBe("fail");
    expect(find(checks, "officer.u-cat.campaigns-officer.declaration").status).toBe("pass");
    expect(checks.filter((c) => c.id === "officer.u-cat.details")).toHaveLength(1);
    expect(find(checks, "officers.campaigns_officer_is_treasurer").status).toBe("fail");
  });
});

describe("the constitution", () => {
  it("must be adopted by a full party", () => {
    const checks = checkReadiness(withInput({}, { constitution: null }));
    expect(checks.filter((c) => c.group === "constitution").map((c) => `${c.id}:${c.status}`)).toEqual(["constitution.adopted:fail"]);
    expect(statusOf(withInput({ partyType: undefined }, { constitution: null }), "constitution.adopted")).toBe("fail");
  });

  it("must cover every item the Commission looks for", () => {
    const covered = registrationItems.map((i) => i.key).filter((key) => key !== "dissolution" && key !== "membership");
    const checks = checkReadiness(withInput({}, { constitution: { version: 1, coveredItems: covered } }));
    expect(checks.filter((c) => c.group === "constitution" && c.status === "fail").map((c) => c.id)).toEqual([
      "constitution.membership",
      "constitution.dissolution",
    ]);
    expect(find(checks, "constitution.membership").params).toEqual({ item: "membership" });
    expect(checks.filter((c) => c.code === "constitution.item")).toHaveLength(registrationItems.length);
  });

  it("is not needed by a minor party", () => {
    const input = withInput({ partyType: "minor", minorElections: ["english-parish"] }, { constitution: null });
    expect(checkReadiness(input).filter((c) => c.group === "constitution")).toEqual([]);
  });
});

describe("finances", () => {
  it("need a financial scheme", () => {
    expect(statusOf(withInput({}, { financialScheme: null }), "finance.scheme")).toBe("fail");
    expect(statusOf(withInput({}, { financialScheme: "  \n" }), "finance.scheme")).toBe("fail");
  });

  it("need a real financial year end", () => {
    expect(statusOf(withInput({ financialYearEnd: undefined }), "finance.year-end")).toBe("fail");
    expect(statusOf(withInput({ financialYearEnd: "31-02" }), "finance.year-end")).toBe("fail");
    expect(validYearEnd("29-02")).toBe(true);
    expect(validYearEnd("31-04")).toBe(false);
    expect(validYearEnd("01-13")).toBe(false);
    expect(validYearEnd("00-01")).toBe(false);
    expect(validYearEnd("5-4")).toBe(false);
  });

  it("need the accounting units question answered, and each unit complete", () => {
    expect(find(checkReadiness(withInput({ hasAccountingUnits: undefined })), "finance.accounting-units")).toMatchObject({
      status: "fail",
      params: { state: "unanswered" },
    });
    expect(statusOf(withInput({ hasAccountingUnits: true, accountingUnits: [] }), "finance.accounting-units")).toBe("fail");
    const none = withInput({ hasAccountingUnits: false, accountingUnits: [{ name: "" }] });
    expect(statusOf(none, "finance.accounting-units")).toBe("pass");
    expect(ids(none)).not.toContain("finance.accounting-unit.1");
    const incomplete = find(
      checkReadiness(withInput({ accountingUnits: [{ name: "Leeds", treasurer: "Dai Jones", address: { line1: "1 Road", town: "Leeds" } }] })),
      "finance.accounting-unit.1",
    );
    expect(incomplete).toMatchObject({ status: "fail", params: { index: 1, name: "Leeds" } });
    expect(listParam(incomplete, "missing")).toEqual(["secondOfficer", "address"]);
    expect(listParam(find(checkReadiness(withInput({ accountingUnits: [{ name: " " }] })), "finance.accounting-unit.1"), "missing")).toEqual([
      "name",
      "treasurer",
      "secondOfficer",
      "address",
    ]);
  });

  it("need the assets and liabilities declaration, and a record when over £500", () => {
    expect(statusOf(withInput({ assetsWithinThreshold: undefined }), "finance.assets-declaration")).toBe("fail");
    expect(ids(readyInput)).not.toContain("finance.assets-record");
    expect(statusOf(withInput({ assetsWithinThreshold: false }), "finance.assets-record")).toBe("fail");
    expect(statusOf(withInput({ assetsWithinThreshold: false, assetsRecord: { otherAssetsDetail: " " } }), "finance.assets-record")).toBe("fail");
    expect(statusOf(withInput({ assetsWithinThreshold: false, assetsRecord: { cashAtBank: 0 } }), "finance.assets-record")).toBe("pass");
    expect(statusOf(withInput({ assetsWithinThreshold: false, assetsRecord: { cashAtBank: 1200, otherLoans: 800 } }), "finance.assets-record")).toBe("pass");
  });

  it("are not checked for a minor party", () => {
    const input = withInput(
      { partyType: "minor", minorElections: ["english-parish"], assetsWithinThreshold: undefined, hasAccountingUnits: undefined },
      { financialScheme: null, officers: readyOfficers.slice(0, 2) },
    );
    expect(checkReadiness(input).filter((c) => c.group === "finance")).toEqual([]);
    expect(notPassing(input)).toEqual([]);
  });
});
