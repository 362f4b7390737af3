/**
 * Checks of free text against the character limits in input-limits.ts, done before anything
 * else is done with the text (counting words, diffing, storing). Linear: one pass, no pattern.
 */
import { MAX_WORD_LENGTH } from "./input-limits";

export type TextLimitProblem = "too_long" | "word_too_long";

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

/** What is wrong with `text` for a field of at most `maxLength` characters of prose, if anything. */
export function textLimitProblem(text: string, maxLength: number): TextLimitProblem | null {
  if (text.length > maxLength) return "too_long";
  if (longestWordLength(text) > MAX_WORD_LENGTH) return "word_too_long";
  return null;
}
