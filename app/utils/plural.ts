/**
 * The one pluralising helper: "1 vote", "2 votes", "1,480 members". Every count shown to a
 * person goes through it, so no page says "1 votes" or "1 people".
 */

import { formatWhole } from "./numbers";

/** The right form of a noun for a count: plural(1, "person", "people") is "1 person". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatWhole(n)} ${noun(n, one, many)}`;
}

/**
 * Only the noun, for a count already written some other way ("1.00000", "20%"): singular for
 * exactly one, as "1 vote"; a decimal such as "1.00000 votes" stays plural, as people say it.
 */
export function noun(n: number | string, one: string, many = `${one}s`): string {
  const isOne = typeof n === "number" ? n === 1 : n.trim() === "1";
  return isOne ? one : many;
}
