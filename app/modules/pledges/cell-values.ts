/** A cell as sign-up forms write it: tick-boxes, membership of the party, monthly subscriptions. */
import { trimEndOf } from "~/utils/trim";
import type { Relation } from "../../../db/schema";
import { parseDate } from "./cell-dates";
import type { SubscriptionUnit } from "./import-mapping";

/** "£5 per month" and its kin without the "per month" (a plain loop: no pattern to backtrack). */
function withoutMonthly(text: string): string {
  for (const suffix of ["per month", "a month", "pm", "p/m", "monthly"]) {
    if (text.endsWith(suffix)) return text.slice(0, -suffix.length).trim();
  }
  if (text.endsWith("month")) {
    const before = text.slice(0, -"month".length).trimEnd();
    if (before.endsWith("/")) return before.slice(0, -1).trim();
  }
  return text;
}

export function word(value: string): string {
  return trimEndOf(value.trim().toLowerCase().replace(/\s+/g, " "), ".!");
}

export const yesWords = new Set([
  "yes",
  "y",
  "true",
  "t",
  "1",
  "x",
  "agree",
  "agreed",
  "i agree",
  "opted in",
  "opt in",
  "opt-in",
  "optin",
  "subscribed",
  "confirmed",
  "checked",
  "on",
  "✓",
  "✔",
  "yes please",
  "accepted",
  "given",
  "verified",
]);
const noWords = new Set([
  "no",
  "n",
  "false",
  "f",
  "0",
  "opted out",
  "opt out",
  "opt-out",
  "unsubscribed",
  "unchecked",
  "off",
  "not confirmed",
  "unconfirmed",
  "declined",
  "no thanks",
  "none",
  "-",
  "not verified",
  "unverified",
]);

export type YesNo = boolean | "unclear" | null;

/** A tick-box as exported: yes/no words, or a date (when the box was ticked); blank is null. */
export function parseYesNo(value: string, now: Date): YesNo {
  const w = word(value);
  if (w === "") return null;
  if (yesWords.has(w)) return true;
  if (noWords.has(w)) return false;
  const date = parseDate(value, now);
  if (date instanceof Date) return true;
  return "unclear";
}

const relationWords: Record<string, Relation> = {
  member: "member",
  members: "member",
  "current member": "member",
  "party member": "member",
  "i am a member": "member",
  "i am a member of the party": "member",
  "yes, i am a member": "member",
  active: "member",
  "active member": "member",
  current: "member",
  yes: "member",
  y: "member",
  true: "member",
  former_member: "former_member",
  "former member": "former_member",
  "former members": "former_member",
  former: "former_member",
  "ex member": "former_member",
  "ex-member": "former_member",
  lapsed: "former_member",
  "lapsed member": "former_member",
  "past member": "former_member",
  "previous member": "former_member",
  "i used to be a member": "former_member",
  "used to be a member": "former_member",
  resigned: "former_member",
  cancelled: "former_member",
  canceled: "former_member",
  expired: "former_member",
  supporter: "supporter",
  supporters: "supporter",
  "not a member": "supporter",
  "non-member": "supporter",
  "non member": "supporter",
  "i support the party but am not a member": "supporter",
  "never a member": "supporter",
  never: "supporter",
  none: "supporter",
  no: "supporter",
  n: "supporter",
  false: "supporter",
};

/** Membership as sign-up forms word it; null when the cell is blank, "unclear" when unknown. */
export function parseRelation(value: string): Relation | "unclear" | null {
  const w = word(value);
  if (w === "") return null;
  const exact = relationWords[w];
  if (exact) return exact;
  if (/\b(former|ex|lapsed|used to|previous|past)\b/.test(w)) return "former_member";
  if (/\b(not|non|never)\b/.test(w) || /\bsupport/.test(w)) return "supporter";
  if (/\bmember\b/.test(w)) return "member";
  return "unclear";
}

/**
 * A monthly subscription in pence. "£4.50", "4.5", "4.50 per month", "450p" are read the same
 * way whatever the column's unit; a bare whole number follows the unit chosen for the column.
 */
export function parseSubscription(value: string, unit: SubscriptionUnit): number | null | "invalid" {
  let text = value.trim().toLowerCase().replace(/,/g, "");
  if (text === "") return null;
  text = withoutMonthly(text);
  let pence: number;
  const inPence = /^(\d{1,7})\s*p$/.exec(text);
  if (inPence) {
    pence = Number(inPence[1]);
  } else {
    const pounds = /^(£|gbp\s*)?(\d{1,5})(\.(\d{1,2}))?$/.exec(text);
    if (!pounds) return "invalid";
    const hasPoundMarks = Boolean(pounds[1]) || pounds[3] !== undefined;
    if (unit === "pence" && !hasPoundMarks) {
      pence = Number(pounds[2]);
    } else {
      pence = Number(pounds[2]) * 100 + Number((pounds[4] ?? "0").padEnd(2, "0"));
    }
  }
  // No party charges more than £1,000 a month: a larger figure is a mistake in the file.
  return pence > 100_000 ? "invalid" : pence;
}
