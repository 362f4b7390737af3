import { formatDateTime } from "~/utils/dates";
/** The decision ballot's options, in ballot order (their positions decide the outcome). */
export const decisionOptions = [
  "Stay: the demands were met",
  "Leave and join another party",
  "Leave and found a new party",
] as const satisfies readonly string[];

export function decisionInvitationMail(input: {
  name: string;
  email: string;
  movementName: string;
  partyName: string;
  pollLink: string;
  signInLink: string;
  closesAt: Date;
}) {
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
