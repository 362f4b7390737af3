/**
 * The trustees fields of a form (decisions 045-047), read one way wherever trustees are named: a
 * free-standing poll's form and an election's. Email addresses one per line, and how many must
 * decrypt (empty for a majority).
 */
import { findUserByEmail } from "~/modules/users/users.server";
import type { DbOrTx } from "~/utils/db.server";
import { thresholdOf, trusteeEmails, trusteeFieldProblems } from "./trustee-fields";
import { pollTrusteeText } from "./trustee-messages";

/** The members named, by email; the first address nobody has, if any. */
export async function trusteeIds(db: DbOrTx, emails: readonly string[]): Promise<{ ok: true; ids: string[] } | { ok: false; unknown: string }> {
  const ids: string[] = [];
  for (const email of emails) {
    const user = await findUserByEmail(db, email);
    if (!user) return { ok: false, unknown: email };
    ids.push(user.id);
  }
  return { ok: true, ids };
}

/**
 * The two trustees fields read, checked and looked up, wherever trustees are named: the members'
 * ids and how many must decrypt, or the field errors to show.
 */
export async function readTrusteesForm(
  db: DbOrTx,
  values: { trustees?: string; trusteeThreshold?: string },
): Promise<{ ok: true; userIds: string[]; threshold?: number } | { ok: false; errors: { trustees?: string; trusteeThreshold?: string } }> {
  const problems = trusteeFieldProblems(values.trustees, values.trusteeThreshold);
  if (Object.keys(problems).length > 0) return { ok: false, errors: problems };
  const named = await trusteeIds(db, trusteeEmails(values.trustees));
  if (!named.ok) return { ok: false, errors: { trustees: pollTrusteeText.unknown(named.unknown) } };
  const threshold = thresholdOf(values.trusteeThreshold);
  return { ok: true, userIds: named.ids, ...(threshold !== undefined ? { threshold } : {}) };
}
