/** Wording of the mail to pledgers during the campaign and when its deadline passes. */
import { formatDateTime } from "~/utils/dates";
import type { MailText } from "./mail-text";

/** To every confirmed pledger when the organisers extend the campaign's deadline (decision 028). */
export function deadlineExtendedMail(input: { movementName: string; partyName: string; from: Date; to: Date; reason: string; campaignLink: string }): MailText {
  return {
    subject: `${input.movementName}: the deadline has been extended`,
    text: [
      `The deadline for ${input.partyName} to meet our demands has been extended from ${formatDateTime(input.from, { weekday: true })} to ${formatDateTime(input.to, { weekday: true })} (UK time).`,
      "",
      `The organisers' reason: ${input.reason}`,
      "",
      "Your pledge still stands: you do not need to do anything. If the demands are not met by the new deadline, you will be asked to decide together what to do next.",
      "",
      input.campaignLink,
    ].join("\n"),
  };
}

/** To everyone on the decision ballot's roll when it opens. */
export function decisionInvitationMail(input: {
  name: string;
  email: string;
  movementName: string;
  partyName: string;
  pollLink: string;
  signInLink: string;
  closesAt: Date;
}): MailText {
  return {
    subject: `The deadline has passed: vote on what ${input.movementName} does next`,
    text: [
      `Dear ${input.name},`,
      "",
      `The deadline for ${input.partyName} to meet our demands has passed. You pledged, so you decide, with everyone else who pledged, what we do now.`,
      "",
      `Vote by secret ballot before ${formatDateTime(input.closesAt, { weekday: true })}:`,
      "",
      input.pollLink,
      "",
      `To vote, sign in with this email address (${input.email}): we will email you a sign-in link. Start here:`,
      "",
      input.signInLink,
      "",
      "Your vote is secret: it is stored apart from your name, and you get a receipt code to check it was counted.",
    ].join("\n"),
  };
}
