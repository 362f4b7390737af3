/**
 * The forms of the Application details page (routes/registration.details.tsx): a section saved
 * as a draft, or a repeated group's row added or removed (shown again, nothing saved).
 */
import { staleFieldErrors } from "~/components/stale-edit";
import type { Actor } from "~/modules/audit/audit.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import { editVersion, staleChanges } from "~/utils/stale-edit";
import type { DetailsAnswer } from "./components/details/answer";
import { MAX_DESCRIPTIONS } from "./details";
import { draftSectionIds, formPath, isDraftSection, parseSection, rowIndexes, type FormValues } from "./draft-form";
import { answerInWords, draftIssueMessage, labelOf } from "./messages";
import { electedPeople, saveDraftSection } from "./registration.server";

/** The rows of a repeated group, re-numbered from 0 after one is removed or one is added. */
export function reshapeRows(values: FormValues, prefix: string, change: { remove?: number; add?: string[] }): FormValues {
  const rows = rowIndexes(values, prefix).map((i) => {
    const fields: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(values)) if (key.startsWith(`${prefix}.${i}.`)) fields[key.slice(`${prefix}.${i}.`.length)] = value;
    return fields;
  });
  if (change.remove !== undefined) rows.splice(change.remove, 1);
  if (change.add) rows.push(Object.fromEntries(change.add.map((f) => [f, ""])));
  const rest = Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith(`${prefix}.`)));
  rows.forEach((fields, i) => {
    for (const [field, value] of Object.entries(fields)) rest[`${prefix}.${i}.${field}`] = value;
  });
  return rest;
}

const repeated = {
  descriptions: { section: "descriptions", prefix: "descriptions", fields: ["text", "translation"], max: MAX_DESCRIPTIONS },
  units: {
    section: "accounting-units",
    prefix: "accountingUnits",
    fields: ["name", "treasurer", "secondOfficer", "address.line1", "address.town", "address.postcode"],
    max: 50,
  },
} as const;

/**
 * The answer to a section's form: where to go once saved, or the section shown again (a row
 * added or removed, problems to mend, or someone else's save meanwhile); null for a form from no
 * section of the page.
 */
export async function detailsAction(db: Db, actor: Actor, values: FormValues): Promise<{ savedGoTo: string } | ActionAnswer<DetailsAnswer> | null> {
  const section = values.section;
  if (!isDraftSection(section)) return null;
  const intent = typeof values.intent === "string" ? values.intent : "save";
  const version = typeof values.version === "string" ? values.version : "";
  // Adding or removing a row shows the form again with the answers as typed: nothing is saved
  // until "Save and continue", so this works the same with and without JavaScript.
  const [verb, kind, index] = intent.split(":");
  if ((verb === "add" || verb === "remove") && (kind === "descriptions" || kind === "units")) {
    const group = repeated[kind];
    const rowCount = rowIndexes(values, group.prefix).length;
    const shaped =
      verb === "add"
        ? rowCount < group.max
          ? reshapeRows(values, group.prefix, { add: [...group.fields] })
          : values
        : reshapeRows(values, group.prefix, { remove: Number(index) });
    return succeeded({ section, errors: {}, values: shaped, version });
  }
  const parsed = parseSection(section, values);
  // Shown again as typed, empty rows included, numbered from 0 as the form's field ids are.
  const shown = reshapeRows(reshapeRows(values, repeated.descriptions.prefix, {}), repeated.units.prefix, {});
  const errors: Record<string, string> = {};
  for (const [path, code] of Object.entries(parsed.problems)) errors[path] = draftIssueMessage({ path, code });
  if (Object.keys(errors).length > 0) return refused({ section, errors, values: shown, version });
  const saved = await saveDraftSection(db, actor, section, parsed.patch, version);
  if (!saved.ok && "code" in saved) {
    // Someone else saved this section since the page was loaded: nothing is written; the person's input stays.
    const people = new Map((await electedPeople(db)).map((p) => [p.userId, `${p.name} (${p.position})`] as const));
    const inWords = Object.fromEntries(Object.entries(saved.current).map(([path, value]) => [path, answerInWords(path, value, people)]));
    const stale = staleChanges(saved.changed, inWords, labelOf);
    return refused({ section, errors: staleFieldErrors(stale), values: shown, stale, version: editVersion(saved.current) }, 409);
  }
  if (!saved.ok) {
    // The draft's rows leave out empty ones: each problem goes back to the row it was typed in.
    for (const issue of saved.issues) errors[formPath(parsed.rowOrigins, issue.path)] ??= draftIssueMessage(issue);
    return refused({ section, errors, values: shown, version });
  }
  const next = draftSectionIds[draftSectionIds.indexOf(section) + 1];
  return { savedGoTo: `/registration/details?saved=${section}${next ? `#section-${next}` : ""}` };
}
