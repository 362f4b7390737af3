/** Wording of the mail about a pledge. */
import type { MailText } from "./mail-text";

export function pledgeConfirmationMail(input: { movementName: string; partyName: string; confirmLink: string; withdrawLink: string }): MailText {
  return {
    subject: `Confirm your pledge to ${input.movementName}`,
    text: [
      `Thank you for pledging to leave ${input.partyName} together with others unless it meets our demands.`,
      "",
      "Your pledge counts only once you confirm this email address. Confirm it here:",
      "",
      input.confirmLink,
      "",
      "If you change your mind at any time, withdraw your pledge with this link (keep this email):",
      "",
      input.withdrawLink,
      "",
      "If you did not pledge, ignore this email: without confirmation nothing is counted.",
    ].join("\n"),
  };
}

export function pledgeRepeatedMail(input: { movementName: string }): MailText {
  return {
    subject: `Your pledge to ${input.movementName}`,
    text: [
      "Someone, probably you, tried to pledge again with this email address.",
      "",
      "Your pledge already stands, and nothing has changed. If you have not confirmed it yet, use the link in the first email we sent you.",
      "",
      "If this was not you, you can ignore this email.",
    ].join("\n"),
  };
}
