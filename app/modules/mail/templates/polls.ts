/** Wording of the mail about polls: a cancelled poll, and a trustee's turn (decisions 045-047). */
import type { MailText } from "./mail-text";

/** To everyone on a cancelled poll's roll. */
export function pollCancelledMail(input: { title: string; reason: string; link: string }): MailText {
  return {
    subject: `Poll cancelled: ${input.title}`,
    text: [
      `The poll "${input.title}" has been cancelled before it closed. It takes no more votes and will not be counted. Any ballots already cast have been set aside unread.`,
      "",
      `The reason given: ${input.reason}`,
      "",
      "If a new poll is held instead, you will be told.",
      "",
      input.link,
    ].join("\n"),
  };
}

/** A trustee's turn: a step of making the key (the polls engine's key turns), or "share" once voting has closed. */
export type TrusteeTurn = "key" | "step:certificate" | "step:polynomial" | "step:key_share" | "share";

const whatEachTurnAsks: Record<TrusteeTurn, string> = {
  key: "You have been named a trustee. Please make your key: it takes a minute, and the vote cannot open until every trustee has.",
  "step:certificate":
    "You have been named a trustee, one of several who make one key together. Please take the first of three steps: make your key file. The vote cannot open until every trustee has made the key.",
  "step:polynomial": "Every trustee has made their key file. Please take step 2 of 3, with your key file.",
  "step:key_share": "Every trustee has taken step 2. Please take step 3 of 3, the last, with your key file.",
  share: "Voting has closed. The result cannot be counted until enough trustees have done their part: please shuffle or decrypt, with your key file.",
};

export function trusteeTurnMail(input: { name: string; title: string; turn: TrusteeTurn; link: string; movementName: string }): MailText {
  return {
    subject: `Your part as a trustee: ${input.title}`,
    text: [
      `Dear ${input.name},`,
      "",
      `${input.movementName}: ${input.title}.`,
      "",
      whatEachTurnAsks[input.turn],
      "",
      input.link,
      "",
      "Sign in with this email address. Your key file never leaves your computer: the page reads it in your browser.",
    ].join("\n"),
  };
}
