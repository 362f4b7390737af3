/**
 * When a round's elections are made in the background (decision 049). Each question is a
 * Belenios election with one public credential per member (PBKDF2 and an exponentiation, about
 * half a millisecond on each of the worker pool's threads): up to this many, the round opens at
 * once, within a few seconds of the organiser's click; beyond, it is prepared in the background
 * with its progress shown, and voting opens when every question is ready.
 */
export const ROUND_CREDENTIALS_AT_ONCE = 20_000;

export function prepareInBackground(questions: number, rollSize: number): boolean {
  return questions * rollSize > ROUND_CREDENTIALS_AT_ONCE;
}
