/**
 * The one place that writes a number for people: counts, limits, shares and money, on pages,
 * in e-mails and in PDFs alike, always in UK English whatever the server's or the browser's own
 * locale ("1,480", "33.3", "£12.50"). Dates have their own module (utils/dates.ts); a second
 * language would change these few formats and nothing else.
 *
 * Pure and free of server-only imports, so components may use it in the browser too.
 */

const LOCALE = "en-GB";

// What Number.prototype.toLocaleString("en-GB") does when given no options: grouping, and up to
// three decimals (a count is whole, a share such as 33.3 keeps its decimal).
const plain = new Intl.NumberFormat(LOCALE);
const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const fine = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 5 });
const twoPlaces = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 12345 as "12,345"; 33.3 as "33.3" (at most three decimals): a count, a limit or a share. */
export function formatNumber(n: number): string {
  return plain.format(n);
}

/** A count rounded to a whole number: 1480 as "1,480", 2.6 as "3". */
export function formatWhole(n: number): string {
  return whole.format(n);
}

/**
 * A figure read off a chart or a count sheet: whole numbers as counts, fractions (an STV
 * transfer value such as 0.33333) to five decimals, so a re-check can follow the arithmetic.
 */
export function formatFigure(value: number): string {
  return Number.isInteger(value) ? plain.format(value) : fine.format(value);
}

/** Pence as pounds and pence, always two places: 123450 as "£1,234.50", 100 as "£1.00". */
export function formatPence(pence: number): string {
  return `£${twoPlaces.format(pence / 100)}`;
}

/**
 * Pence as pounds for a document: "£1,234.50", or "£1,234" for whole pounds so round figures
 * read naturally. Integer arithmetic throughout, so no amount is ever off by a penny.
 */
export function formatPounds(pence: number): string {
  const p = Math.round(pence);
  const sign = p < 0 ? "-" : "";
  const abs = Math.abs(p);
  const poundsPart = whole.format(Math.floor(abs / 100));
  const penniesPart = abs % 100;
  return penniesPart === 0 ? `${sign}£${poundsPart}` : `${sign}£${poundsPart}.${String(penniesPart).padStart(2, "0")}`;
}
