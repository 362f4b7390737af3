/** The forms of the Roles page (routes/roles.tsx): an organiser appointing someone, or removing a holder. */
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { MAX_EMAIL_LENGTH } from "~/utils/input-limits";
import { appointedBanner, removedBanner, roleProblemMessages } from "./messages";
import { rolesPageText as t } from "./page-messages";
import { appointableRoles, type AppointableRole } from "./role-rules";
import { appointRole, removeRole, type RoleActor } from "./roles.server";

/** What the page shows after one of its forms: the banner, or the errors and what was typed. */
export interface RolesAnswer {
  errors: FieldErrors;
  done?: string;
  values?: Record<string, string>;
}

const isRole = (value: string): value is AppointableRole => (appointableRoles as readonly string[]).includes(value);

/** The answer to the form, or null for a request the page does not send. */
export async function rolesPageAction(db: Db, actor: RoleActor, values: Record<string, string>, appUrl: string): Promise<ActionAnswer<RolesAnswer> | null> {
  const field = (name: string) => values[name] ?? "";
  if (field("intent") === "appoint") {
    const typed = { email: field("email").slice(0, MAX_EMAIL_LENGTH + 1), role: field("role") };
    if (!isRole(typed.role)) return refused({ errors: { role: t.appoint.roleMissing }, values: typed });
    const r = await appointRole(db, actor, { email: typed.email, role: typed.role }, { appUrl });
    if (!r.ok) return refused({ errors: { email: r.message }, values: typed });
    return succeeded({ errors: {}, done: appointedBanner(r.name, typed.role, r.replaced) });
  }
  if (field("intent") === "remove") {
    const role = field("role");
    const userId = field("userId");
    if (!isRole(role)) return refused({ errors: { page: roleProblemMessages.not_holder } });
    const r = await removeRole(db, actor, { userId, role }, { appUrl });
    if (!r.ok) return refused({ errors: { [`remove-${role}-${userId}`]: r.message } }, 409);
    return succeeded({ errors: {}, done: removedBanner(r.name, role) });
  }
  return null;
}
