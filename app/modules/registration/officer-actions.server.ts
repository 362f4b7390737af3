/**
 * The officer's details form (routes/registration.officer.tsx): their name, home address, email
 * and declarations saved, or a stale save shown beside what was saved since the page was loaded.
 */
import { staleFieldErrors } from "~/components/stale-edit";
import type { Actor } from "~/modules/audit/audit.server";
import type { RegisteredRole } from "~/modules/elections/officer-rules";
import { refused, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { editVersion, staleChanges, type StaleChange } from "~/utils/stale-edit";
import { officerFieldMessages, officerProblemMessages, roleTitles } from "./messages";
import { officerPageText as t } from "./officer-messages";
import { saveOfficerDetails } from "./registration.server";

export type OfficerAnswer = {
  errors: FieldErrors;
  values: { fullName: string; homeAddress: string; email: string; confirm: string[] };
  /** Saved since the page was loaded (on another device): the fields and their saved values. */
  stale?: StaleChange[];
  /** The version the form carries from now on: the one it was sent with, or the saved one after a stale save. */
  version: string;
};

/** The form's labels, for the fields saved since the page was loaded. */
const officerLabels: Record<string, string> = {
  fullName: t.own.fullName,
  homeAddress: t.own.homeAddress,
  email: t.own.email,
  confirm: t.own.declarations,
};

/**
 * Where to go once saved, or the form to mend; null for someone who is no officer (refused
 * before anything about the form is said).
 */
export async function officerAction(
  db: Db,
  officer: Actor & { id: string },
  values: Record<string, string>,
  /** The declarations ticked: the field is sent once for each. */
  confirm: string[],
): Promise<{ goTo: string } | ActionAnswer<OfficerAnswer> | null> {
  const details = { fullName: values.fullName ?? "", homeAddress: values.homeAddress ?? "", email: values.email ?? "", confirm };
  const version = values.version ?? "";
  const r = await saveOfficerDetails(db, officer, details, version);
  if (r.ok) return { goTo: "/registration/officer?saved=1" };
  if (r.code === "not_an_officer") return null;
  if (r.code === "stale") {
    const confirmed = (r.current.confirm ?? []) as readonly RegisteredRole[];
    const stale = staleChanges(r.changed, { ...r.current, confirm: confirmed.map((role) => roleTitles[role]) }, (field) => officerLabels[field] ?? field);
    return refused<OfficerAnswer>({ errors: staleFieldErrors(stale), values: details, stale, version: editVersion(r.current) }, 409);
  }
  const errors: FieldErrors = {};
  if (r.code === "role_not_held") errors.confirm = officerProblemMessages.role_not_held;
  else if (r.code === "invalid")
    for (const issue of r.issues) errors[issue.path] ??= officerFieldMessages[issue.path as keyof typeof officerFieldMessages][issue.code];
  return refused<OfficerAnswer>({ errors, values: details, version });
}
