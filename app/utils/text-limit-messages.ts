/**
 * The three sentences said about a text field that breaks a rule of text-limits.ts, built from
 * the field's name as the domain's messages.ts gives it ("the title", "your statement"), so every
 * form says the same thing the same way (GOV.UK: "[whatever it is] must be [number] characters or
 * fewer"). The limits come from input-limits.ts, so a hint and its message cannot disagree.
 */
import { MAX_WORD_LENGTH } from "./input-limits";
import type { TextProblem } from "./text-limits";
import { formatNumber } from "./numbers";

/** "2,000 characters": a limit as a member reads it. */
export function characters(n: number): string {
  return `${formatNumber(n)} characters`;
}

/** "150 words": a limit in words as a member reads it. */
export function words(n: number): string {
  return `${formatNumber(n)} ${n === 1 ? "word" : "words"}`;
}

export type TextProblemMessages = Record<TextProblem, string>;

/** The messages for a field called `subject` ("the title") of at most `maxLength` characters. */
export function textProblemMessages(subject: string, maxLength: number): TextProblemMessages {
  const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  return {
    too_long: `${Subject} must be ${characters(maxLength)} or fewer`,
    bad_character: `${Subject} must not contain control characters or hidden formatting characters. Type it in rather than pasting it`,
    word_too_long: `Each word of ${subject} must be ${characters(MAX_WORD_LENGTH)} or fewer. Put spaces between words`,
  };
}
