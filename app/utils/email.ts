/**
 * The one check of an e-mail address for the whole app: every form, the CSV import and the
 * commands use it, so an address accepted in one place is accepted in all of them.
 *
 * The length is checked first, so no pattern ever runs on a long string; the pattern itself is
 * linear (no two parts can match the same characters), so even without the length check a long
 * string could not make it backtrack (issue 13: a 96 KB field held the server 22 s).
 */
import { MAX_EMAIL_LENGTH } from "./input-limits";

// One "@", nothing blank, and a dot in the domain with something either side of it. The part
// before the domain's first dot cannot contain a dot, so there is only one way to match.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+\.[^\s@]+$/;

/** True when `value` looks like an e-mail address we could write to. `value` should be trimmed. */
export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL_SHAPE.test(value);
}
