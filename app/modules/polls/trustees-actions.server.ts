/** The Trustees page's form (routes/trustees._index.tsx): the trustees of one part of the road named, or removed. */
import type { Actor } from "~/modules/audit/audit.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/form-values";
import { isTrusteeScope, nameScopeTrustees, scopeGroups, type TrusteeScope } from "./encrypted/scope-trustees.server";
import { scopeTrusteeText, trusteesPageText as t } from "./scope-trustee-messages";
import { readTrusteesForm } from "./trustee-form.server";

/** The part the form was for, its messages and values to show again, or what was done. */
export type TrusteesAnswer = { scope: TrusteeScope; errors: FieldErrors; values: Record<string, string>; done: string | null };

/** The answer to the form; null for a part the page does not name trustees for. */
export async function nameTrusteesAction(
  db: Db,
  actor: Actor,
  values: Record<string, string>,
  namedHere: readonly TrusteeScope[],
): Promise<ActionAnswer<TrusteesAnswer> | null> {
  const scope = values.scope ?? "";
  if (!isTrusteeScope(scope) || !namedHere.includes(scope)) return null;
  const read = await readTrusteesForm(db, values);
  if (!read.ok) return refused({ scope, errors: read.errors as FieldErrors, values, done: null });
  const named = await db.transaction((tx) => nameScopeTrustees(tx, actor, scope, scopeGroups(scope), read));
  if (!named.ok) return refused({ scope, errors: { trustees: t.invalid }, values, done: null });
  const text = scopeTrusteeText(scope);
  return succeeded({ scope, errors: {}, values: {}, done: named.trustees > 0 ? text.named(named.trustees) : text.removed });
}
