/**
 * The trustees fields as typed (decisions 045-047), checked without the database: email addresses
 * one per line, and how many must decrypt (empty for a majority). Pure, so that a form can check
 * them in the browser; trustee-form.server.ts looks the members up.
 */
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
