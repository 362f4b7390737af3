/**
 * Which column of a sign-up form's CSV export holds which pledge field: the fields, the
 * organiser's mapping as stored with the import, and what must be settled before an import can
 * start. Pure; the wording is import-messages.ts.
 */

/** What a column can be. `name` or `firstName` + `lastName` give the name. */
export const pledgeFields = [
  "name",
  "firstName",
  "lastName",
  "email",
  "postcode",
  "relation",
  "membershipNumber",
  "subscription",
  "consentContact",
  "consentDataUse",
  "consentVersion",
  "createdAt",
  "confirmed",
  "withdrawn",
] as const;
export type PledgeField = (typeof pledgeFields)[number];

/** Fields whose select also offers "every row agreed" (the form could not be sent without it). */
export const consentFields = ["consentContact", "consentDataUse"] as const satisfies readonly PledgeField[];

/** A mapping value meaning "every row says yes" (consent fields only). */
export const EVERY_ROW = "all";
/** A mapping value meaning "not in this file". */
export const NOT_MAPPED = "";

export const subscriptionUnits = ["pounds", "pence"] as const;
export type SubscriptionUnit = (typeof subscriptionUnits)[number];

/**
 * Which column holds each field: the column's index as a string, NOT_MAPPED, or EVERY_ROW. Stored
 * as jsonb in pledge_imports.mapping, so it is a flat record of strings.
 */
export type ImportMapping = Record<PledgeField, string> & { subscriptionUnit: SubscriptionUnit };

/** Cleans a mapping from a form or the database: unknown keys dropped, bad values unmapped. */
export function normaliseMapping(raw: Record<string, unknown>, columnCount: number): ImportMapping {
  const mapping = { subscriptionUnit: raw.subscriptionUnit === "pence" ? "pence" : "pounds" } as ImportMapping;
  for (const field of pledgeFields) {
    const value = typeof raw[field] === "string" ? (raw[field] as string) : NOT_MAPPED;
    const isColumn = /^\d+$/.test(value) && Number(value) < columnCount;
    const isEveryRow = value === EVERY_ROW && (consentFields as readonly string[]).includes(field);
    mapping[field] = isColumn || isEveryRow ? value : NOT_MAPPED;
  }
  return mapping;
}

export type MappingProblemCode = "email_not_mapped" | "name_not_mapped" | "postcode_not_mapped" | "data_consent_not_mapped" | "column_used_twice";
export interface MappingProblem {
  field: PledgeField;
  code: MappingProblemCode;
}

/** What must be settled before an import can start. */
export function checkMapping(mapping: ImportMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.email === NOT_MAPPED) problems.push({ field: "email", code: "email_not_mapped" });
  if (mapping.name === NOT_MAPPED && mapping.firstName === NOT_MAPPED && mapping.lastName === NOT_MAPPED) {
    problems.push({ field: "name", code: "name_not_mapped" });
  }
  if (mapping.postcode === NOT_MAPPED) problems.push({ field: "postcode", code: "postcode_not_mapped" });
  // Without agreement to hold their details we may not keep anyone's pledge, so the organiser
  // must say where that agreement is (or that the form required it) rather than lose every row.
  if (mapping.consentDataUse === NOT_MAPPED) problems.push({ field: "consentDataUse", code: "data_consent_not_mapped" });
  const seen = new Map<string, PledgeField>();
  for (const field of pledgeFields) {
    const value = mapping[field];
    if (value === NOT_MAPPED || value === EVERY_ROW) continue;
    if (seen.has(value)) problems.push({ field, code: "column_used_twice" });
    else seen.set(value, field);
  }
  return problems;
}
