/** Wording of the mail inviting pledgers to be founding members. */
import type { MailText } from "./mail-text";

/** The invitation, and (`reminder`) the same again to those who have not accepted yet. */
export function foundingInvitationMail(input: { name: string; email: string; movementName: string; link: string; reminder?: boolean }): MailText {
  return {
    subject: `${input.reminder ? "Reminder: " : ""}Become a founding member of the new party`,
    text: [
      `Dear ${input.name},`,
      "",
      `The members of ${input.movementName} decided to leave and found a new party, from the grass roots up. You pledged, so you are invited to be one of its founding members.`,
      "",
      "Founding members adopt the party's rules and constitution and elect its first officers, by secret ballot.",
      "",
      `To accept, sign in with this email address (${input.email}) and follow the steps:`,
      "",
      input.link,
    ].join("\n"),
  };
}
