import { formatDateTime } from "~/utils/dates";
/** Wording of the mail sent about pledges; kept together so it can be translated. */
export function pledgeConfirmationMail(input: { movementName: string; partyName: string; confirmLink: string; withdrawLink: string }) {
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

export function pledgeRepeatedMail(input: { movementName: string }) {
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

/** To every confirmed pledger when the organisers extend the campaign's deadline (decision 028). */
export function deadlineExtendedMail(input: { movementName: string; partyName: string; from: Date; to: Date; reason: string; campaignLink: string }) {
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
