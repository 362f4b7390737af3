/**
 * The trustees fields of a form (decisions 045-047), read one way wherever trustees are named: a
 * free-standing poll's form and an election's. Email addresses one per line, and how many must
 * decrypt (empty for a majority).
 */
import { findUserByEmail } from "~/modules/users/users.server";
import type { DbOrTx } from "~/utils/db.server";
import { MAX_TRUSTEES } from "~/utils/input-limits";
import { splitLines } from "~/utils/line-breaks";
import { pollTrusteeText } from "./trustee-messages";
import { MIN_THRESHOLD_TRUSTEES, validThreshold } from "./trustee-threshold";

export function trusteeEmails(text: string | undefined): string[] {
  return splitLines(text ?? "")
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
}

/** The number typed, or undefined when the field was left empty. */
export function thresholdOf(text: string | undefined): number | undefined {
  const trimmed = (text ?? "").trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

/** What is wrong with the two fields as typed, by field; empty when nothing is. */
export function trusteeFieldProblems(trusteesText: string | undefined, thresholdText: string | undefined): { trustees?: string; trusteeThreshold?: string } {
  const problems: { trustees?: string; trusteeThreshold?: string } = {};
  if ((trusteesText ?? "").length > MAX_TRUSTEES * 320) problems.trustees = pollTrusteeText.tooMany(MAX_TRUSTEES);
  const emails = trusteeEmails(trusteesText);
  if (emails.length > MAX_TRUSTEES) problems.trustees = pollTrusteeText.tooMany(MAX_TRUSTEES);
  else if (new Set(emails).size !== emails.length) problems.trustees = pollTrusteeText.twice;
  const raw = (thresholdText ?? "").trim();
  if (raw.length > 10 || !/^\d*$/.test(raw)) problems.trusteeThreshold = pollTrusteeText.thresholdNotNumber;
  else {
    const threshold = thresholdOf(raw);
    if (threshold !== undefined && emails.length < MIN_THRESHOLD_TRUSTEES) problems.trusteeThreshold = pollTrusteeText.thresholdNeedsThree;
    else if (threshold !== undefined && !validThreshold(threshold, emails.length))
      problems.trusteeThreshold = pollTrusteeText.thresholdOutOfRange(emails.length);
  }
  return problems;
}

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
