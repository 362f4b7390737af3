/**
 * Checks of free text against the character limits in input-limits.ts, done before anything
 * else is done with the text (counting words, diffing, storing). Linear: one pass, no pattern.
 *
 * One rule for the characters of free text (issue 13), in two kinds:
 *
 * - "prose" (a statement, a reason, a comment, an address, a scheme): any printable character,
 *   tab and the line ends ("\n", "\r", NEL U+0085, U+2028, U+2029: line-breaks.ts splits at each).
 *   Refused: the other C0 controls (U+0000 to U+001F: a terminal escape, a bell, a backspace),
 *   DEL (U+007F), the other C1 controls (U+0080 to U+009F), and the bidirectional overrides,
 *   embeddings and isolates (U+202A to U+202E, U+2066 to U+2069), which make text display in an
 *   order other than the one stored: a clause could read "not" where the text compared and voted
 *   on has none. Nothing a person types needs them; right-to-left text displays by itself.
 * - "name" (a person's or party's name, a title, a poll option, a postcode: one line that others
 *   read and compare): the same, and no line ends or tabs either, nor the invisible characters
 *   zero-width space (U+200B), word joiner (U+2060) and byte order mark (U+FEFF). Refused rather
 *   than stripped, so a name is stored exactly as typed (issue 13) and two names that look the
 *   same are the same: "Ann" and "An<U+200B>n" would be two candidates shown alike. The joiners
 *   U+200C and U+200D stay: Persian and Indian scripts and emoji need them to spell words.
 */
import { z } from "zod";
import { MAX_WORD_LENGTH } from "./input-limits";

export type TextProblem = "too_long" | "bad_character" | "word_too_long";
/** Kept for the callers written before the character rule. */
export type TextLimitProblem = TextProblem;
export type TextKind = "prose" | "name";

/** The length of the longest run of non-space characters in `text`. */
export function longestWordLength(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Spaces, tabs, line ends and the Unicode spaces: anything String.prototype.trim removes.
    const space = code <= 32 || ((code === 0xa0 || code >= 0x1680) && text.charAt(i).trim() === "");
    run = space ? 0 : run + 1;
    if (run > longest) longest = run;
  }
  return longest;
}

/** True when `code` (a UTF-16 unit) may not appear in free text of this kind (see above). */
export function isRefusedCharacter(code: number, kind: TextKind): boolean {
  if (code < 0x20) return kind === "name" || !(code === 0x09 || code === 0x0a || code === 0x0d);
  if (code >= 0x7f && code <= 0x9f) return kind === "name" || code !== 0x85;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  if (kind === "name") return code === 0x2028 || code === 0x2029 || code === 0x200b || code === 0x2060 || code === 0xfeff;
  return false;
}

/** The position of the first character `text` may not contain, or -1. */
export function refusedCharacterAt(text: string, kind: TextKind = "prose"): number {
  for (let i = 0; i < text.length; i++) {
    if (isRefusedCharacter(text.charCodeAt(i), kind)) return i;
  }
  return -1;
}

/**
 * What is wrong with `text` for a field of at most `maxLength` characters, if anything: too
 * long first (nothing else is looked at), then a refused character, then one "word" longer than
 * any real one (a word limit cannot see it). Prose by default; "name" for one-line names, titles
 * and labels.
 */
export function textLimitProblem(text: string, maxLength: number, kind: TextKind = "prose"): TextProblem | null {
  if (text.length > maxLength) return "too_long";
  if (refusedCharacterAt(text, kind) >= 0) return "bad_character";
  if (longestWordLength(text) > MAX_WORD_LENGTH) return "word_too_long";
  return null;
}

/** Marks a zod issue raised by the rule above, so a caller can tell which problem it was. */
export interface TextIssueParams {
  textProblem: TextProblem;
  max: number;
}

/**
 * A zod string that is checked against the rule above before anything else (its length first):
 * no later check runs on refused text. With `messages`, the issue carries the field's sentence;
 * without, its params say what was wrong (for modules that word problems elsewhere).
 */
export function limitedText(maxLength: number, kind: TextKind, messages?: Record<TextProblem, string>) {
  return z.string().superRefine((value, ctx) => {
    const problem = textLimitProblem(value, maxLength, kind);
    if (!problem) return;
    const params: TextIssueParams = { textProblem: problem, max: maxLength };
    ctx.addIssue({ code: "custom", message: messages?.[problem] ?? problem, params: { ...params }, continue: false });
  });
}

/** What the rule above found wrong, if `issue` came from it. */
export function textIssueOf(issue: { code: string; params?: unknown }): TextIssueParams | null {
  if (issue.code !== "custom" || typeof issue.params !== "object" || issue.params === null) return null;
  const params = issue.params as Partial<TextIssueParams>;
  return typeof params.textProblem === "string" && typeof params.max === "number" ? { textProblem: params.textProblem, max: params.max } : null;
}
