/**
 * Is the application ready to send to the Electoral Commission? Every rule of registration-uk.md
 * sections 1, 2 and 5 that an app can check, plus the constitution's section 3 items and the
 * financial scheme, as a list of checks: pass, warning or fail.
 *
 * Pure: the input is gathered by readiness.server.ts, the results are worded by
 * readiness-messages.ts. Every rule that applies to this party is returned, passes too, so the
 * checklist shows all of them. Rules that do not apply (a Welsh name for a Northern Ireland party,
 * the assets declaration or constitution for a minor party) are left out, not passed.
 *
 * Fails are what the law or the Commission's published rules make certain: the application
 * would be held or refused. Warnings are questions of judgement the Commission decides (acronyms,
 * prohibited words in a possibly qualified use, similar names, misleading words, whitespace) or
 * advice (a home address is published). docs/decisions/023-registration-readiness.md.
 */
import { checkOfficers, type Holding, type OfficerProblem, type RegisteredRole } from "~/modules/elections/officer-rules";
import { registrationItems } from "~/modules/constitution/registration-items";
import { isEmailAddress } from "~/utils/email";
import { MAX_DESCRIPTIONS, MAX_EMBLEMS, MAX_NAME_WORDS, type Address, type RegistrationDraft } from "./details";
import { acronymsIn, countWords, disallowedCharacters, misleadingPhrasesIn, onlineReferences, prohibitedWordsIn, sameTextKey } from "./name-rules";
import type { CheckStatus, FixPlace, ReadinessCheck, ReadinessEmblem, ReadinessInput } from "./readiness-types";
import { registeredNameClashes } from "./registered-names";
import { normaliseName, prepareNames, similarNames, type PreparedName } from "./similar-names";

// ---------------------------------------------------------------------------------------------
// Thresholds (exported for the tests and the decision record)
// ---------------------------------------------------------------------------------------------

/** Saturation (chroma, 0..1) at or below which a pixel is grey: anti-aliasing and JPEG noise. */
export const EMBLEM_GREY_SATURATION = 0.1;
/** Share of visibly coloured pixels above which an emblem is in colour (below: stray pixels, a warning). */
export const EMBLEM_COLOURED_SHARE = 0.001;
/** Any empty margin wider than this share of the side is whitespace to crop. */
export const EMBLEM_MARGIN = 0.02;
/** Printed at 2 cm square, lettering must be at least 6% of the emblem's height (registration-uk.md 1). */
export const EMBLEM_TEXT_SHARE = 0.06;
/** Below this many pixels on the shorter side an emblem may print blurred. UNCONFIRMED: the Commission publishes no minimum. */
export const EMBLEM_MIN_PIXELS = 200;

/** Every code a check can carry; readiness-messages.ts words each one. */
export const readinessCodes = [
  "application.register",
  "application.nations",
  "application.both-registers",
  "application.party-type",
  "application.minor-gb-only",
  "application.minor-elections",
  "application.minor-general-election",
  "application.intends-to-contest",
  "application.headquarters",
  "application.headquarters-physical",
  "application.headquarters-postcode",
  "application.headquarters-home",
  "application.contact-email",
  "application.contact-phone",
  "application.third-party",
  "name.required",
  "text.word-limit",
  "text.characters",
  "text.online",
  "text.acronyms",
  "text.prohibited-words",
  "text.misleading",
  "text.registered-name",
  "text.similar",
  "text.register-missing",
  "text.translation-allowed",
  "text.translation-language",
  "descriptions.count",
  "description.empty",
  "description.equals-name",
  "description.contains-name",
  "description.duplicate",
  "emblems.count",
  "emblem.colour",
  "emblem.whitespace",
  "emblem.text-size",
  "emblem.text-unanswered",
  "emblem.picture",
  "emblem.picture-unanswered",
  "emblem.resolution",
  "officers.declared",
  "officers.combination",
  "officers.rule",
  "officers.leader-purpose",
  "officers.additional-office",
  "officers.changed-by-recount",
  "officer.details",
  "officer.declaration",
  "constitution.adopted",
  "constitution.item",
  "finance.scheme",
  "finance.scheme-adopted",
  "finance.year-end",
  "finance.accounting-units",
  "finance.accounting-unit",
  "finance.assets-declaration",
  "finance.assets-record",
] as const;
export type ReadinessCode = (typeof readinessCodes)[number];

/** What a text check is about, for the wording: `subject` param. */
export type TextSubject = "name" | "name-translation" | "description" | "description-translation";

type Group = ReadinessCheck["group"];
type Params = Record<string, string | number>;

function check(id: string, group: Group, status: CheckStatus, code: ReadinessCode, fix: FixPlace, params?: Params): ReadinessCheck {
  return { id, group, status, code, fix, ...(params && Object.keys(params).length > 0 ? { params } : {}) };
}

const details = (field: string): FixPlace => ({ page: "details", field });
const blank = (value: string | undefined | null): boolean => value === undefined || value === null || value.trim() === "";
/** Lists in params are joined with this, which no name or word contains. */
export const LIST_SEPARATOR = "\n";
const list = (items: readonly string[]) => items.join(LIST_SEPARATOR);

/** Full parties, or a draft that has not said (the stricter rules apply until it does). */
const isMinor = (d: RegistrationDraft) => d.partyType === "minor";

// ---------------------------------------------------------------------------------------------
// The application (section 1)
// ---------------------------------------------------------------------------------------------

const UK_POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[^\s@.]{2,}$/;
const LOOKS_ONLINE = /@|https?:\/\/|www\./i;

/** A UK number (0 and 10 or 11 digits in all) or an international one (+ and 8 to 15 digits). */
export function plausiblePhone(phone: string): boolean {
  const compact = phone.replace(/[\s().-]/g, "");
  return /^0\d{9,10}$/.test(compact) || /^\+\d{8,15}$/.test(compact);
}

/** The app's one address check, and a top-level domain of two letters or more for the Commission. */
export function plausibleEmail(email: string): boolean {
  return isEmailAddress(email.trim()) && EMAIL.test(email.trim());
}

function missingAddressParts(address: Address | undefined): string[] {
  const missing: string[] = [];
  if (blank(address?.line1)) missing.push("line1");
  if (blank(address?.town)) missing.push("town");
  if (blank(address?.postcode)) missing.push("postcode");
  return missing;
}

function applicationChecks(d: RegistrationDraft): ReadinessCheck[] {
  const out: ReadinessCheck[] = [];
  const g: Group = "application";

  out.push(
    check(
      "application.register",
      g,
      d.register ? "pass" : "fail",
      "application.register",
      details("register"),
      d.register ? { register: d.register } : undefined,
    ),
  );
  if (d.register === "GB" || d.register === "both") {
    const nations = d.nations ?? [];
    out.push(check("application.nations", g, nations.length > 0 ? "pass" : "fail", "application.nations", details("nations"), { nations: list(nations) }));
  }
  if (d.register === "both") out.push(check("application.both-registers", g, "warning", "application.both-registers", details("register")));

  out.push(
    check(
      "application.party-type",
      g,
      d.partyType ? "pass" : "fail",
      "application.party-type",
      details("partyType"),
      d.partyType ? { partyType: d.partyType } : undefined,
    ),
  );
  if (isMinor(d)) {
    if (d.register)
      out.push(
        check("application.minor-gb-only", g, d.register === "GB" ? "pass" : "fail", "application.minor-gb-only", details("register"), {
          register: d.register,
        }),
      );
    const elections = d.minorElections ?? [];
    out.push(
      check("application.minor-elections", g, elections.length > 0 ? "pass" : "fail", "application.minor-elections", details("minorElections"), {
        elections: list(elections),
      }),
    );
    out.push(
      check(
        "application.minor-general-election",
        g,
        d.notContestingGeneralElections ? "fail" : "pass",
        "application.minor-general-election",
        details("notContestingGeneralElections"),
      ),
    );
  }
  out.push(
    check("application.intends-to-contest", g, d.intendsToContest === true ? "pass" : "fail", "application.intends-to-contest", details("intendsToContest")),
  );

  const hq = d.headquarters;
  const missing = missingAddressParts(hq);
  out.push(
    check(
      "application.headquarters",
      g,
      missing.length === 0 ? "pass" : "fail",
      "application.headquarters",
      details("headquarters"),
      missing.length ? { missing: list(missing) } : undefined,
    ),
  );
  const lines = [hq?.line1, hq?.line2, hq?.town, hq?.postcode].filter((l): l is string => !blank(l));
  if (lines.length > 0) {
    const online = lines.some((line) => LOOKS_ONLINE.test(line));
    out.push(check("application.headquarters-physical", g, online ? "fail" : "pass", "application.headquarters-physical", details("headquarters")));
  }
  if (!blank(hq?.postcode)) {
    const ok = UK_POSTCODE.test((hq?.postcode ?? "").trim());
    out.push(
      check("application.headquarters-postcode", g, ok ? "pass" : "warning", "application.headquarters-postcode", details("headquarters"), {
        postcode: (hq?.postcode ?? "").trim(),
      }),
    );
  }
  out.push(
    check("application.headquarters-home", g, d.headquartersIsHome ? "warning" : "pass", "application.headquarters-home", details("headquartersIsHome")),
  );

  const email = d.contactEmail ?? "";
  out.push(
    check("application.contact-email", g, plausibleEmail(email) ? "pass" : "fail", "application.contact-email", details("contactEmail"), {
      state: blank(email) ? "missing" : "invalid",
    }),
  );
  const phone = d.contactPhone ?? "";
  out.push(
    check("application.contact-phone", g, plausiblePhone(phone) ? "pass" : "fail", "application.contact-phone", details("contactPhone"), {
      state: blank(phone) ? "missing" : "invalid",
    }),
  );

  out.push(check("application.third-party", g, d.notThirdParty === true ? "pass" : "fail", "application.third-party", details("notThirdParty")));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names and descriptions (sections 1 and 5)
// ---------------------------------------------------------------------------------------------

type TranslationLanguage = "welsh" | "irish";

/** Welsh only for a GB party contesting in Wales; Irish only for a Northern Ireland party. */
export function translationAllowed(d: RegistrationDraft, language: TranslationLanguage): boolean {
  if (language === "welsh") return (d.register === "GB" || d.register === "both") && (d.nations ?? []).includes("wales");
  return d.register === "NI" || d.register === "both";
}

interface TextContext {
  group: Group;
  /** Id prefix: "name", "name.translation", "description.3", "description.3.translation". */
  idPrefix: string;
  subject: TextSubject;
  /** Descriptions: 1-based. */
  index?: number;
  fix: FixPlace;
  register: readonly PreparedName[] | null;
}

/** Checks every text on the ballot paper gets: words, script, online, acronyms, prohibited, misleading, similar. */
function textChecks(text: string, ctx: TextContext): ReadinessCheck[] {
  const out: ReadinessCheck[] = [];
  const base: Params = { subject: ctx.subject, ...(ctx.index !== undefined ? { index: ctx.index } : {}) };
  const add = (rule: string, status: CheckStatus, code: ReadinessCode, params: Params = {}) =>
    out.push(check(`${ctx.idPrefix}.${rule}`, ctx.group, status, code, ctx.fix, { ...base, ...params }));

  const words = countWords(text);
  add("word-limit", words <= MAX_NAME_WORDS ? "pass" : "fail", "text.word-limit", { words, limit: MAX_NAME_WORDS });

  const characters = disallowedCharacters(text);
  add("characters", characters.length === 0 ? "pass" : "fail", "text.characters", characters.length ? { characters: characters.join(" ") } : {});

  const online = onlineReferences(text);
  add("online", online.length === 0 ? "pass" : "fail", "text.online", online.length ? { found: list(online) } : {});

  const { acronyms, wordsCountingLetters } = acronymsIn(text);
  add(
    "acronyms",
    acronyms.length === 0 ? "pass" : "warning",
    "text.acronyms",
    acronyms.length ? { acronyms: list(acronyms), wordsCountingLetters, limit: MAX_NAME_WORDS } : {},
  );

  const prohibited = prohibitedWordsIn(text);
  const unqualified = prohibited.filter((p) => !p.qualified);
  const qualified = prohibited.filter((p) => p.qualified);
  add("prohibited-words", unqualified.length === 0 ? "pass" : "warning", "text.prohibited-words", {
    ...(unqualified.length ? { words: list(unqualified.map((p) => p.word)), uses: list(unqualified.map((p) => p.qualifiedUse)) } : {}),
    ...(qualified.length ? { qualified: list(qualified.map((p) => p.word)) } : {}),
  });

  const misleading = misleadingPhrasesIn(text);
  add("misleading", misleading.length === 0 ? "pass" : "warning", "text.misleading", misleading.length ? { phrases: list(misleading) } : {});

  if (ctx.register !== null) {
    if (ctx.register.length === 0) {
      add("similar", "warning", "text.register-missing");
    } else {
      const clashes = registeredNameClashes(text, ctx.register);
      add("registered-name", clashes.length === 0 ? "pass" : "fail", "text.registered-name", clashes.length ? { names: list(clashes.map((c) => c.name)) } : {});
      const similar = similarNames(text, ctx.register);
      add("similar", similar.length === 0 ? "pass" : "warning", "text.similar", similar.length ? { names: list(similar.map((s) => s.name)) } : {});
    }
  }
  return out;
}

/** The translation checks: allowed at all, then the same text rules (no similarity: the register is in English). */
function translationChecks(d: RegistrationDraft, translation: string, language: TranslationLanguage | undefined, ctx: TextContext): ReadinessCheck[] {
  const base: Params = { subject: ctx.subject, ...(ctx.index !== undefined ? { index: ctx.index } : {}) };
  const out: ReadinessCheck[] = [];
  if (language === undefined) {
    out.push(check(`${ctx.idPrefix}.allowed`, ctx.group, "fail", "text.translation-language", ctx.fix, base));
  } else {
    const allowed = translationAllowed(d, language);
    out.push(
      check(`${ctx.idPrefix}.allowed`, ctx.group, allowed ? "pass" : "fail", "text.translation-allowed", ctx.fix, {
        ...base,
        language,
        register: d.register ?? "",
      }),
    );
  }
  return [...out, ...textChecks(translation, { ...ctx, register: null })];
}

/** The language a description's translation is in: the name's, else the one this register allows. */
function descriptionLanguage(d: RegistrationDraft): TranslationLanguage | undefined {
  if (d.nameTranslationLanguage) return d.nameTranslationLanguage;
  if (translationAllowed(d, "welsh")) return "welsh";
  if (translationAllowed(d, "irish")) return "irish";
  return undefined;
}

function nameChecks(d: RegistrationDraft, register: readonly PreparedName[]): ReadinessCheck[] {
  const name = d.name?.trim() ?? "";
  const out: ReadinessCheck[] = [];
  out.push(check("name.required", "name", name === "" ? "fail" : "pass", "name.required", details("name")));
  if (name !== "") out.push(...textChecks(name, { group: "name", idPrefix: "name", subject: "name", fix: details("name"), register }));
  const translation = d.nameTranslation?.trim() ?? "";
  if (translation !== "") {
    out.push(
      ...translationChecks(d, translation, d.nameTranslationLanguage, {
        group: "name",
        idPrefix: "name.translation",
        subject: "name-translation",
        fix: details("nameTranslation"),
        register: null,
      }),
    );
  }
  return out;
}

/** Does `text` contain the party's name (normalised, as whole words)? */
function containsName(text: string, name: string): boolean {
  const normalName = normaliseName(name);
  if (normalName === "") return sameTextKey(text).includes(sameTextKey(name));
  return ` ${normaliseName(text)} `.includes(` ${normalName} `);
}

function descriptionChecks(d: RegistrationDraft, register: readonly PreparedName[]): ReadinessCheck[] {
  const g: Group = "descriptions";
  const descriptions = d.descriptions ?? [];
  const out: ReadinessCheck[] = [];
  out.push(
    check("descriptions.count", g, descriptions.length <= MAX_DESCRIPTIONS ? "pass" : "fail", "descriptions.count", details("descriptions"), {
      count: descriptions.length,
      limit: MAX_DESCRIPTIONS,
    }),
  );
  const name = d.name?.trim() ?? "";
  const nameTranslation = d.nameTranslation?.trim() ?? "";
  const seen = new Map<string, number>();
  descriptions.forEach((description, i) => {
    const index = i + 1;
    const id = `description.${index}`;
    const fix = details(`descriptions-${index}`);
    const text = description.text.trim();
    const translation = description.translation?.trim() ?? "";
    if (text === "") {
      out.push(check(`${id}.empty`, g, "fail", "description.empty", fix, { index }));
      return;
    }
    // A missing register list is reported once, on the name, not on every description.
    out.push(...textChecks(text, { group: g, idPrefix: id, subject: "description", index, fix, register: register.length === 0 ? null : register }));

    if (name !== "") {
      const equal =
        sameTextKey(text) === sameTextKey(name) ||
        (nameTranslation !== "" && translation !== "" && sameTextKey(translation) === sameTextKey(nameTranslation)) ||
        (translation !== "" && sameTextKey(translation) === sameTextKey(name));
      out.push(check(`${id}.equals-name`, g, equal ? "fail" : "pass", "description.equals-name", fix, { index }));
      if (!equal) {
        const contains = containsName(text, name) || (nameTranslation !== "" && translation !== "" && containsName(translation, nameTranslation));
        out.push(check(`${id}.contains-name`, g, contains ? "pass" : "warning", "description.contains-name", fix, { index, name }));
      }
    }

    const key = sameTextKey(text);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    out.push(
      check(`${id}.duplicate`, g, first === undefined ? "pass" : "fail", "description.duplicate", fix, first === undefined ? { index } : { index, of: first }),
    );

    if (translation !== "") {
      out.push(
        ...translationChecks(d, translation, descriptionLanguage(d), {
          group: g,
          idPrefix: `${id}.translation`,
          subject: "description-translation",
          index,
          fix,
          register: null,
        }),
      );
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Emblems (section 1)
// ---------------------------------------------------------------------------------------------

const percent = (share: number) => Math.round(share * 1000) / 10;

function emblemChecks(emblems: readonly ReadinessEmblem[]): ReadinessCheck[] {
  const g: Group = "emblems";
  const out: ReadinessCheck[] = [
    check(
      "emblems.count",
      g,
      emblems.length <= MAX_EMBLEMS ? "pass" : "fail",
      "emblems.count",
      { page: "emblems" },
      { count: emblems.length, limit: MAX_EMBLEMS },
    ),
  ];
  for (const emblem of emblems) {
    const { slot, inspection } = emblem;
    const id = `emblem.${slot}`;
    const fix: FixPlace = { page: "emblems", slot };
    const add = (rule: string, status: CheckStatus, code: ReadinessCode, params: Params = {}) =>
      out.push(check(`${id}.${rule}`, g, status, code, fix, { slot, ...params }));

    const grey = inspection.maxSaturation <= EMBLEM_GREY_SATURATION;
    const colourStatus: CheckStatus = grey ? "pass" : inspection.colouredShare > EMBLEM_COLOURED_SHARE ? "fail" : "warning";
    add("colour", colourStatus, "emblem.colour", grey ? {} : { colouredPercent: percent(inspection.colouredShare) });

    const m = inspection.margins;
    const widest = Math.max(m.top, m.right, m.bottom, m.left);
    add("whitespace", widest > EMBLEM_MARGIN ? "warning" : "pass", "emblem.whitespace", { marginPercent: percent(widest) });

    // The inspection cannot see lettering or pictures: the organiser answers, and an unanswered
    // question fails rather than passing on a guess (a fresh upload has no answers).
    if (emblem.hasText === null || (emblem.hasText && emblem.smallestTextPx === null)) {
      add("text-size", "fail", "emblem.text-unanswered");
    } else if (!emblem.hasText || emblem.smallestTextPx === null || inspection.height <= 0) {
      add("text-size", "pass", "emblem.text-size");
    } else {
      const share = emblem.smallestTextPx / inspection.height;
      add("text-size", share >= EMBLEM_TEXT_SHARE ? "pass" : "fail", "emblem.text-size", {
        textPercent: percent(share),
        minimumPercent: percent(EMBLEM_TEXT_SHARE),
      });
    }

    if (emblem.hasPicture === null) add("picture", "fail", "emblem.picture-unanswered");
    else add("picture", emblem.hasPicture ? "pass" : "fail", "emblem.picture");

    const shorter = Math.min(inspection.width, inspection.height);
    add("resolution", shorter >= EMBLEM_MIN_PIXELS ? "pass" : "warning", "emblem.resolution", {
      width: inspection.width,
      height: inspection.height,
      minimum: EMBLEM_MIN_PIXELS,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Officers (section 2)
// ---------------------------------------------------------------------------------------------

function officerChecks(input: ReadinessInput): ReadinessCheck[] {
  const g: Group = "officers";
  const fix: FixPlace = { page: "officers" };
  const d = input.details;
  const out: ReadinessCheck[] = [check("officers.declared", g, input.officersDeclared ? "pass" : "fail", "officers.declared", fix)];
  if (!input.officersDeclared) return out;
  // A recount that changed an office's holder: what was prepared for the earlier one needs checking.
  for (const change of input.officerChanges ?? []) {
    out.push(
      check(`officers.changed-by-recount.${change.role}`, g, change.reconfirmed ? "pass" : "fail", "officers.changed-by-recount", fix, {
        role: change.role,
        from: list(change.from),
        to: list(change.to),
      }),
    );
  }

  const names = new Map<string, string>();
  const rolesOf = new Map<string, RegisteredRole[]>();
  for (const officer of input.officers) {
    names.set(officer.userId, officer.name);
    rolesOf.set(officer.userId, [...(rolesOf.get(officer.userId) ?? []), officer.role]);
  }
  const holdings: Holding[] = [...rolesOf].map(([person, roles]) => ({ person, roles }));
  const additional = d.additionalOfficer?.userId ? { person: d.additionalOfficer.userId, office: d.additionalOfficer.office?.trim() ?? "" } : null;
  const leaders = input.officers.filter((o) => o.role === "leader");
  const coLeaders = new Set(leaders.map((o) => o.userId)).size > 1;

  // Our standing orders (11.3) bind us as the Commission's rules do, as on the Elections page.
  let problems: OfficerProblem[] = checkOfficers(holdings, {
    partyKind: isMinor(d) ? "minor" : "major",
    onePerPerson: input.onePerPerson ?? true,
    additionalOfficer: additional,
  });
  // Co-leaders are allowed: one of them registers as leader "for some purpose", which must be
  // stated (the leader-purpose check below), so two leaders is not the "role held twice" fail.
  if (coLeaders) problems = problems.filter((p) => !(p.code === "role_held_twice" && p.roles?.[0] === "leader"));

  const nameOf = (person: string) => names.get(person) ?? (person === additional?.person ? "the additional officer" : person);
  const used = new Map<string, number>();
  for (const problem of problems) {
    let id = `officers.${problem.code}`;
    const n = (used.get(id) ?? 0) + 1;
    used.set(id, n);
    if (n > 1) id = `${id}.${n}`;
    // The additional officer is named in the details form; every other problem needs different officers.
    const additionalProblem = problem.code === "additional_officer_required" || problem.code === "additional_officer_not_allowed";
    out.push(
      check(id, g, problem.severity, "officers.rule", additionalProblem ? details("additionalOfficer") : fix, {
        problem: problem.code,
        people: list((problem.people ?? []).map(nameOf)),
        roles: list(problem.roles ?? []),
      }),
    );
  }
  if (problems.length === 0) out.push(check("officers.combination", g, "pass", "officers.combination", fix));

  if (coLeaders) {
    const purpose = d.leaderPurpose?.trim() ?? "";
    out.push(
      check("officers.leader-purpose", g, purpose === "" ? "fail" : "pass", "officers.leader-purpose", details("leaderPurpose"), {
        people: list(leaders.map((o) => o.name)),
        ...(purpose ? { purpose } : {}),
      }),
    );
  }
  if (additional) {
    out.push(
      check(
        "officers.additional-office",
        g,
        additional.office === "" ? "fail" : "pass",
        "officers.additional-office",
        details("additionalOfficer"),
        additional.office ? { office: additional.office } : undefined,
      ),
    );
  }

  for (const [userId, roles] of rolesOf) {
    const name = names.get(userId) ?? userId;
    const complete = input.officers.some((o) => o.userId === userId && o.detailsComplete);
    out.push(check(`officer.${userId}.details`, g, complete ? "pass" : "fail", "officer.details", fix, { name }));
    for (const role of roles) {
      const confirmed = input.officers.some((o) => o.userId === userId && o.role === role && o.confirmed);
      out.push(check(`officer.${userId}.${role}.declaration`, g, confirmed ? "pass" : "fail", "officer.declaration", fix, { name, role }));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Constitution (section 3) and finances (sections 1 and 4)
// ---------------------------------------------------------------------------------------------

function constitutionChecks(input: ReadinessInput): ReadinessCheck[] {
  // A minor party needs no constitution (registration-uk.md 1).
  if (isMinor(input.details)) return [];
  const g: Group = "constitution";
  const fix: FixPlace = { page: "constitution" };
  const constitution = input.constitution;
  if (constitution === null) return [check("constitution.adopted", g, "fail", "constitution.adopted", fix)];
  const covered = new Set(constitution.coveredItems);
  return [
    check("constitution.adopted", g, "pass", "constitution.adopted", fix, { version: constitution.version }),
    ...registrationItems.map((item) =>
      check(`constitution.${item.key}`, g, covered.has(item.key) ? "pass" : "fail", "constitution.item", fix, { item: item.key }),
    ),
  ];
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "DD-MM" naming a real day (29 February allowed). */
export function validYearEnd(value: string | undefined): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!match) return false;
  const day = Number(match[1]);
  const month = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

function financeChecks(input: ReadinessInput): ReadinessCheck[] {
  const d = input.details;
  // A minor party has no treasurer, so no financial scheme, accounting units or assets declaration.
  if (isMinor(d)) return [];
  const g: Group = "finance";
  const out: ReadinessCheck[] = [];

  out.push(check("finance.scheme", g, blank(input.financialScheme) ? "fail" : "pass", "finance.scheme", { page: "financial-scheme" }));
  out.push(
    check("finance.scheme-adopted", g, !blank(input.financialScheme) && input.financialSchemeAdopted ? "pass" : "fail", "finance.scheme-adopted", {
      page: "financial-scheme",
    }),
  );
  out.push(
    check(
      "finance.year-end",
      g,
      validYearEnd(d.financialYearEnd) ? "pass" : "fail",
      "finance.year-end",
      details("financialYearEnd"),
      d.financialYearEnd ? { value: d.financialYearEnd } : undefined,
    ),
  );

  const units = d.accountingUnits ?? [];
  const answered = d.hasAccountingUnits === false || (d.hasAccountingUnits === true && units.length > 0);
  out.push(
    check("finance.accounting-units", g, answered ? "pass" : "fail", "finance.accounting-units", details("hasAccountingUnits"), {
      state: d.hasAccountingUnits === undefined ? "unanswered" : d.hasAccountingUnits ? "yes" : "no",
      count: d.hasAccountingUnits ? units.length : 0,
    }),
  );
  if (d.hasAccountingUnits) {
    units.forEach((unit, i) => {
      const index = i + 1;
      const missing: string[] = [];
      if (blank(unit.name)) missing.push("name");
      if (blank(unit.treasurer)) missing.push("treasurer");
      if (blank(unit.secondOfficer)) missing.push("secondOfficer");
      if (missingAddressParts(unit.address).length > 0) missing.push("address");
      out.push(
        check(`finance.accounting-unit.${index}`, g, missing.length === 0 ? "pass" : "fail", "finance.accounting-unit", details(`accountingUnits-${index}`), {
          index,
          ...(unit.name.trim() ? { name: unit.name.trim() } : {}),
          ...(missing.length ? { missing: list(missing) } : {}),
        }),
      );
    });
  }

  const declared = d.assetsWithinThreshold;
  out.push(
    check(
      "finance.assets-declaration",
      g,
      declared === undefined ? "fail" : "pass",
      "finance.assets-declaration",
      details("assetsWithinThreshold"),
      declared === undefined ? undefined : { withinThreshold: declared ? "yes" : "no" },
    ),
  );
  if (declared === false) {
    const record = d.assetsRecord ?? {};
    const given = Object.entries(record).some(([, value]) => (typeof value === "number" ? true : !blank(value)));
    out.push(check("finance.assets-record", g, given ? "pass" : "fail", "finance.assets-record", details("assetsRecord")));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Every check that applies to this party, in checklist order: application, name, descriptions, emblems, officers, constitution, finances. */
export function checkReadiness(input: ReadinessInput): ReadinessCheck[] {
  const register = prepareNames(input.registeredNames);
  return [
    ...applicationChecks(input.details),
    ...nameChecks(input.details, register),
    ...descriptionChecks(input.details, register),
    ...emblemChecks(input.emblems),
    ...officerChecks(input),
    ...constitutionChecks(input),
    ...financeChecks(input),
  ];
}
