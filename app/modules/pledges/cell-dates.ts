/** A cell's date as exports write it, read in UK time. */
import { fromLondonWallClock } from "~/utils/london-time";

const ISO_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date as exports write them. Times without a zone are UK time; dates with slashes are day
 * first (05/03/2026 is 5 March), as in the UK. Blank is null.
 */
export function parseDate(value: string, now: Date): Date | null | "invalid" | "future" {
  const text = value.trim();
  if (text === "") return null;
  let date: Date | null = null;
  const zoned = ISO_WITH_ZONE.exec(text);
  if (zoned) {
    const zone = zoned[3]!.toUpperCase() === "Z" ? "Z" : zoned[3]!.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
    const ms = Date.parse(`${zoned[1]}T${zoned[2]}${zone}`);
    date = Number.isNaN(ms) ? null : new Date(ms);
  } else {
    const iso = ISO_LOCAL.exec(text);
    const uk = iso ? null : UK_DATE.exec(text);
    const m = iso ?? uk;
    if (m) {
      const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const year = iso ? a : c < 100 ? 2000 + c : c;
      const month = b;
      const day = iso ? c : a;
      date = fromLondonWallClock(year, month, day, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    }
  }
  if (!date || date.getUTCFullYear() < 1990) return "invalid";
  // A day's grace: a form's clock may run ahead of ours.
  if (date.getTime() > now.getTime() + 86_400_000) return "future";
  return date;
}
