/** Wording of the mail about signing in and changing one's email address. */
import type { MailText } from "./mail-text";

export function signInMail(input: { movementName: string; link: string; minutes: number }): MailText {
  return {
    subject: `Your sign-in link for ${input.movementName}`,
    text: [
      `Use this link to sign in to ${input.movementName}:`,
      "",
      input.link,
      "",
      `The link works once and expires in ${input.minutes} minutes.`,
      "If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.",
    ].join("\n"),
  };
}

/**
 * To an address with no account: says so plainly (a person who mistyped or used another address
 * learns it from their own inbox, not from the page, which must not reveal who has an account).
 */
export function noAccountMail(input: { movementName: string; appUrl: string }): MailText {
  return {
    subject: `Signing in to ${input.movementName}`,
    text: [
      `Someone, probably you, asked to sign in to ${input.movementName} with this email address, but it does not belong to anyone in the movement.`,
      "",
      "If you pledged with another address, sign in with that one. Pledgers get an account when they are invited to vote.",
      "",
      `To make the pledge: ${input.appUrl}/pledge`,
      "",
      "If you did not ask to sign in, you can ignore this email.",
    ].join("\n"),
  };
}

/** To the new address asked for: confirm it is yours (decision 031). */
export function emailChangeNewMail(input: { movementName: string; link: string; hours: number }): MailText {
  return {
    subject: `Confirm your new email address for ${input.movementName}`,
    text: [
      `Someone signed in to ${input.movementName} asked to use this email address from now on.`,
      "",
      "If it was you, follow this link to confirm that this address is yours:",
      "",
      input.link,
      "",
      `We have also written to the address you use now. The address changes only when both links have been followed, within ${input.hours} hours.`,
      "If you did not ask for this, ignore this email: nothing changes without this link.",
    ].join("\n"),
  };
}

/** To the address in use: confirm the change from here too, or ignore it to stop it (decision 031). */
export function emailChangeOldMail(input: { movementName: string; link: string; hours: number; appUrl: string }): MailText {
  return {
    subject: `Confirm the change of your email address for ${input.movementName}`,
    text: [
      `Someone signed in to your ${input.movementName} account asked to change its email address to another one.`,
      "",
      "If it was you, follow this link to confirm the change from this address:",
      "",
      input.link,
      "",
      `The address changes only when this link and the one sent to the new address have both been followed, within ${input.hours} hours.`,
      "If it was not you, do not follow the link: the address will not change. Then sign in and choose “Sign out everywhere” on your account page:",
      "",
      `${input.appUrl}/account`,
    ].join("\n"),
  };
}
