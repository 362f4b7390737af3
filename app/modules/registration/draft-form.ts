import { isEmailAddress } from "~/utils/email";
import type { AccountingUnit, AssetsRecord, Description, RegistrationDraft } from "./details";

/**
 * The registration details form, section by section: which draft fields each section owns, and
 * how a section's submitted form becomes a change to the draft. Pure (no database, no wording):
 * the server merges the change and checks it with registrationDraftSchema; messages.ts words
 * the problems.
 *
 * Field names in the form are the draft's paths ("headquarters.town", "descriptions.2.text"), so a
 * problem's path is also the id of the field it belongs to.
 */

export const draftSections = {
  register: ["register", "nations"],
  "party-type": ["partyType", "minorElections", "intendsToContest"],
  name: ["name", "nameTranslation", "nameTranslationLanguage"],
  descriptions: ["descriptions"],
  headquarters: ["headquarters", "headquartersIsHome", "contactEmail", "contactPhone"],
  officers: ["leaderPurpose", "additionalOfficer"],
  "accounting-units": ["hasAccountingUnits", "accountingUnits"],
  "financial-year": ["financialYearEnd"],
  assets: ["assetsWithinThreshold", "assetsRecord"],
  "third-party": ["notThirdParty"],
  "general-election": ["notContestingGeneralElections"],
} as const satisfies Record<string, readonly (keyof RegistrationDraft)[]>;

export type DraftSection = keyof typeof draftSections;
export const draftSectionIds = Object.keys(draftSections) as DraftSection[];

export function isDraftSection(value: unknown): value is DraftSection {
  return typeof value === "string" && Object.hasOwn(draftSections, value);
}

/** A section is answered once any of its fields holds something. */
export function sectionAnswered(draft: RegistrationDraft, section: DraftSection): boolean {
  return draftSections[section].some((key) => draft[key] !== undefined);
}

/** The form as submitted: one string per field, several for checkboxes. */
export type FormValues = Record<string, string | string[]>;

export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

/** Problems found before the schema is asked: input that cannot become the field's type. */
export type FormProblem = "not_a_number" | "not_an_email" | "invalid_date" | "unit_name_missing";

export type SectionPatch = Partial<Record<keyof RegistrationDraft, unknown>>;

/** The repeated groups: empty rows are dropped when saved, so saved rows and form rows differ. */
export type RowGroup = "descriptions" | "accountingUnits";

export interface ParsedSection {
  patch: SectionPatch;
  /** Keyed by the form's field ids, rows numbered as submitted. */
  problems: Record<string, FormProblem>;
  /** For each saved row of a group, the position of the form row it came from. */
  rowOrigins: Partial<Record<RowGroup, number[]>>;
}

/**
 * The form field for a path into the saved draft: "descriptions.1.text" is the second row kept,
 * which is the third row shown when an empty row came before it. Other paths are unchanged.
 */
export function formPath(rowOrigins: ParsedSection["rowOrigins"], path: string): string {
  const m = /^(descriptions|accountingUnits)\.(\d+)(\..*)?$/.exec(path);
  if (!m) return path;
  const origin = rowOrigins[m[1] as RowGroup]?.[Number(m[2])];
  return origin === undefined ? path : `${m[1]}.${origin}${m[3] ?? ""}`;
}

const one = (values: FormValues, key: string): string => {
  const v = values[key];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
};
const opt = (values: FormValues, key: string): string | undefined => one(values, key) || undefined;
const many = (values: FormValues, key: string): string[] => {
  const v = values[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
};
/** Radios answering yes or no. */
const yesNo = (values: FormValues, key: string): boolean | undefined => {
  const v = one(values, key);
  return v === "yes" ? true : v === "no" ? false : undefined;
};
/** A single checkbox: ticked is true, not ticked is false. */
const ticked = (values: FormValues, key: string): boolean => one(values, key) === "yes";

/** Row numbers present for a repeated group ("descriptions.3.text" → 3), in order. */
export function rowIndexes(values: FormValues, prefix: string): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^${prefix.replace(".", "\\.")}\\.(\\d{1,3})\\.`);
  for (const key of Object.keys(values)) {
    const m = pattern.exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

function pounds(values: FormValues, key: string, problems: Record<string, FormProblem>): number | undefined {
  const raw = one(values, key).replace(/^£/, "").replaceAll(",", "").trim();
  if (!raw) return undefined;
  if (!/^\d{1,12}$/.test(raw)) {
    problems[key] = "not_a_number";
    return undefined;
  }
  return Number(raw);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const compact = <T extends object>(o: T): T | undefined => (Object.values(o).some((v) => v !== undefined) ? o : undefined);

/** Turns one section's submitted form into the change to the draft (undefined clears a field). */
export function parseSection(section: DraftSection, values: FormValues): ParsedSection {
  const problems: Record<string, FormProblem> = {};
  const patch: SectionPatch = {};
  const rowOrigins: ParsedSection["rowOrigins"] = {};
  switch (section) {
    case "register": {
      patch.register = opt(values, "register");
      const nations = many(values, "nations");
      // Northern Ireland alone covers none of England, Scotland and Wales.
      patch.nations = patch.register === "NI" || nations.length === 0 ? undefined : nations;
      break;
    }
    case "party-type": {
      patch.partyType = opt(values, "partyType");
      const elections = many(values, "minorElections");
      patch.minorElections = patch.partyType === "minor" && elections.length > 0 ? elections : undefined;
      patch.intendsToContest = ticked(values, "intendsToContest");
      break;
    }
    case "name":
      patch.name = opt(values, "name");
      patch.nameTranslation = opt(values, "nameTranslation");
      patch.nameTranslationLanguage = patch.nameTranslation ? opt(values, "nameTranslationLanguage") : undefined;
      break;
    case "descriptions": {
      const rows: Description[] = [];
      const origins: number[] = [];
      rowIndexes(values, "descriptions").forEach((i, position) => {
        const text = one(values, `descriptions.${i}.text`);
        const translation = opt(values, `descriptions.${i}.translation`);
        if (!text && !translation) return;
        rows.push(translation ? { text, translation } : { text });
        origins.push(position);
      });
      patch.descriptions = rows.length > 0 ? rows : undefined;
      rowOrigins.descriptions = origins;
      break;
    }
    case "headquarters": {
      patch.headquarters = compact({
        line1: opt(values, "headquarters.line1"),
        line2: opt(values, "headquarters.line2"),
        town: opt(values, "headquarters.town"),
        postcode: opt(values, "headquarters.postcode")?.toUpperCase(),
      });
      patch.headquartersIsHome = yesNo(values, "headquartersIsHome");
      const email = opt(values, "contactEmail");
      if (email && !isEmailAddress(email)) problems.contactEmail = "not_an_email";
      patch.contactEmail = email;
      patch.contactPhone = opt(values, "contactPhone");
      break;
    }
    case "officers":
      patch.leaderPurpose = opt(values, "leaderPurpose");
      patch.additionalOfficer = compact({ userId: opt(values, "additionalOfficer.userId"), office: opt(values, "additionalOfficer.office") });
      break;
    case "accounting-units": {
      patch.hasAccountingUnits = yesNo(values, "hasAccountingUnits");
      const units: AccountingUnit[] = [];
      const origins: number[] = [];
      if (patch.hasAccountingUnits) {
        for (const [position, i] of rowIndexes(values, "accountingUnits").entries()) {
          const p = `accountingUnits.${i}`;
          const unit = {
            name: one(values, `${p}.name`),
            treasurer: opt(values, `${p}.treasurer`),
            secondOfficer: opt(values, `${p}.secondOfficer`),
            address: compact({
              line1: opt(values, `${p}.address.line1`),
              town: opt(values, `${p}.address.town`),
              postcode: opt(values, `${p}.address.postcode`)?.toUpperCase(),
            }),
          };
          if (!unit.name && !unit.treasurer && !unit.secondOfficer && !unit.address) continue;
          // Problems point at the row as shown: the form is shown again with the rows as typed.
          if (!unit.name) problems[`accountingUnits.${position}.name`] = "unit_name_missing";
          units.push(unit);
          origins.push(position);
        }
      }
      patch.accountingUnits = units.length > 0 ? units : undefined;
      rowOrigins.accountingUnits = origins;
      break;
    }
    case "financial-year": {
      const day = one(values, "financialYearEnd.day");
      const month = one(values, "financialYearEnd.month");
      if (!day && !month) patch.financialYearEnd = undefined;
      else {
        const d = Number(day);
        const m = Number(month);
        if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!)
          problems["financialYearEnd.day"] = "invalid_date";
        else patch.financialYearEnd = `${String(d).padStart(2, "0")}-${String(m).padStart(2, "0")}`;
      }
      break;
    }
    case "assets": {
      patch.assetsWithinThreshold = yesNo(values, "assetsWithinThreshold");
      if (patch.assetsWithinThreshold === false) {
        const record: AssetsRecord = {
          cashAtBank: pounds(values, "assetsRecord.cashAtBank", problems),
          equipment: pounds(values, "assetsRecord.equipment", problems),
          otherAssets: pounds(values, "assetsRecord.otherAssets", problems),
          otherAssetsDetail: opt(values, "assetsRecord.otherAssetsDetail"),
          loansFromFinancialInstitutions: pounds(values, "assetsRecord.loansFromFinancialInstitutions", problems),
          otherLoans: pounds(values, "assetsRecord.otherLoans", problems),
          tradeAndOtherCreditors: pounds(values, "assetsRecord.tradeAndOtherCreditors", problems),
          otherLiabilities: pounds(values, "assetsRecord.otherLiabilities", problems),
          otherLiabilitiesDetail: opt(values, "assetsRecord.otherLiabilitiesDetail"),
        };
        patch.assetsRecord = compact(record);
      } else patch.assetsRecord = undefined;
      break;
    }
    case "third-party":
      patch.notThirdParty = ticked(values, "notThirdParty");
      break;
    case "general-election":
      patch.notContestingGeneralElections = ticked(values, "notContestingGeneralElections");
      break;
  }
  return { patch, problems, rowOrigins };
}

/** The values one section's form shows (a part of draftToValues): what its edit version is a fingerprint of. */
export function sectionValues(values: FormValues, section: DraftSection): FormValues {
  const owned: readonly string[] = draftSections[section];
  return Object.fromEntries(Object.entries(values).filter(([key]) => owned.some((field) => key === field || key.startsWith(`${field}.`))));
}

/** The values a section's form shows for a stored draft (the inverse of parseSection). */
export function draftToValues(draft: RegistrationDraft): FormValues {
  const v: FormValues = {};
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined) v[key] = String(value);
  };
  const yn = (b: boolean | undefined) => (b === undefined ? undefined : b ? "yes" : "no");
  put("register", draft.register);
  if (draft.nations) v.nations = [...draft.nations];
  put("partyType", draft.partyType);
  if (draft.minorElections) v.minorElections = [...draft.minorElections];
  if (draft.intendsToContest) v.intendsToContest = "yes";
  put("name", draft.name);
  put("nameTranslation", draft.nameTranslation);
  put("nameTranslationLanguage", draft.nameTranslationLanguage);
  (draft.descriptions ?? []).forEach((d, i) => {
    put(`descriptions.${i}.text`, d.text);
    put(`descriptions.${i}.translation`, d.translation);
  });
  for (const [k, value] of Object.entries(draft.headquarters ?? {})) put(`headquarters.${k}`, value);
  put("headquartersIsHome", yn(draft.headquartersIsHome));
  put("contactEmail", draft.contactEmail);
  put("contactPhone", draft.contactPhone);
  put("leaderPurpose", draft.leaderPurpose);
  put("additionalOfficer.userId", draft.additionalOfficer?.userId);
  put("additionalOfficer.office", draft.additionalOfficer?.office);
  put("hasAccountingUnits", yn(draft.hasAccountingUnits));
  (draft.accountingUnits ?? []).forEach((u, i) => {
    put(`accountingUnits.${i}.name`, u.name);
    put(`accountingUnits.${i}.treasurer`, u.treasurer);
    put(`accountingUnits.${i}.secondOfficer`, u.secondOfficer);
    put(`accountingUnits.${i}.address.line1`, u.address?.line1);
    put(`accountingUnits.${i}.address.town`, u.address?.town);
    put(`accountingUnits.${i}.address.postcode`, u.address?.postcode);
  });
  if (draft.financialYearEnd) {
    const [day, month] = draft.financialYearEnd.split("-");
    put("financialYearEnd.day", String(Number(day)));
    put("financialYearEnd.month", String(Number(month)));
  }
  put("assetsWithinThreshold", yn(draft.assetsWithinThreshold));
  for (const [k, value] of Object.entries(draft.assetsRecord ?? {})) put(`assetsRecord.${k}`, value);
  if (draft.notThirdParty) v.notThirdParty = "yes";
  if (draft.notContestingGeneralElections) v.notContestingGeneralElections = "yes";
  return v;
}
