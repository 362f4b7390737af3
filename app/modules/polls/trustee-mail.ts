/** Wording of the e-mails telling a trustee it is their turn (decisions 045-047); kept apart so it can be translated. */

import type { KeyTurn } from "./encrypted/threshold-ceremony.server";

export type TrusteeTurn = KeyTurn | "share";

const what: Record<TrusteeTurn, string> = {
  key: "You have been named a trustee. Please make your key: it takes a minute, and the vote cannot open until every trustee has.",
  "step:certificate":
    "You have been named a trustee, one of several who make one key together. Please take the first of three steps: make your key file. The vote cannot open until every trustee has made the key.",
  "step:polynomial": "Every trustee has made their key file. Please take step 2 of 3, with your key file.",
  "step:key_share": "Every trustee has taken step 2. Please take step 3 of 3, the last, with your key file.",
  share: "Voting has closed. The result cannot be counted until enough trustees have done their part: please shuffle or decrypt, with your key file.",
};

export function trusteeTurnMail(input: { name: string; title: string; turn: TrusteeTurn; link: string; movementName: string }) {
  return {
    subject: `Your part as a trustee: ${input.title}`,
    text: [
      `Dear ${input.name},`,
      "",
      `${input.movementName}: ${input.title}.`,
      "",
      what[input.turn],
      "",
      input.link,
      "",
      "Sign in with this email address. Your key file never leaves your computer: the page reads it in your browser.",
    ].join("\n"),
  };
}
