/**
 * Formatting for documents: UK dates, money and counts, always in UK English and UK time
 * whatever the server's own locale and time zone, so a letter reads the same on every server.
 */
import { formatCalendarDay, formatDate, formatDateTime } from "../../utils/dates";
import { trimEndOf } from "../../utils/trim";

/** "23 November 2026": the UK calendar day of an instant. */
export function ukDate(at: Date): string {
  return formatDate(at);
}

/** "Saturday 14 March 2026 at 6pm": an instant as UK wall-clock time (from utils/dates). */
export function ukDateTime(at: Date): string {
  return formatDateTime(at, { weekday: true });
}

/** A calendar day stored as YYYY-MM-DD as "14 March 2026" (see utils/dates). */
export function ukCalendarDate(isoDay: string, options: { weekday?: boolean } = {}): string | null {
  return formatCalendarDay(isoDay, options);
}

/**
 * Pence as pounds ("£1,234.50", or "£1,234" for whole pounds) and a whole count ("12,345"): the
 * shared number formats under the names documents use, so a PDF and a page never disagree.
 */
export { formatPounds as pounds, formatWhole as count } from "../../utils/numbers";

/** "1 person", "2 people": a count with the right form of its noun (utils/plural). */
export { plural } from "../../utils/plural";

/** "Page 2 of 5", the footer of every page. */
export function pageLabel(pageNumber: number, totalPages: number): string {
  return `Page ${pageNumber} of ${totalPages}`;
}

/**
 * Capitalises the first letter, for names stored mid-sentence style ("the Commonwealth Party")
 * that start a line or a sentence.
 */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Letters that Unicode does not split into a base letter and an accent.
const unsplittable: Record<string, string> = { ł: "l", Ł: "L", ø: "o", Ø: "O", đ: "d", Đ: "D", ß: "ss", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", þ: "th", Þ: "Th" };

/**
 * A safe file name from a title: lower case ASCII letters, digits and hyphens only, so it
 * survives every browser and operating system and needs no quoting in Content-Disposition.
 */
export function fileSlug(title: string, fallback = "document"): string {
  const cut = title
    .replace(/[łŁøØđĐßæÆœŒþÞ]/g, (c) => unsplittable[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 60);
  const slug = trimEndOf(cut, "-");
  return slug || fallback;
}
