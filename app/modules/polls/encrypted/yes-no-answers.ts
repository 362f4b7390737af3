/**
 * The answers of a Yes/No poll's election, in the order of its question. Apart from
 * poll-election.ts so that the browser, which encrypts the member's choice itself, can read them
 * without the server's Belenios core.
 */
export const YES_NO_ANSWERS = ["yes", "no", "abstain"] as const;
export type YesNoChoice = (typeof YES_NO_ANSWERS)[number];

/** The question's plaintext for a choice: 1 for the answer chosen, 0 for the others; null for anything else. */
export function yesNoPlaintext(choice: string): number[] | null {
  const index = YES_NO_ANSWERS.indexOf(choice as YesNoChoice);
  return index < 0 ? null : YES_NO_ANSWERS.map((_, i) => (i === index ? 1 : 0));
}
