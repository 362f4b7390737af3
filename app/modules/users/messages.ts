import { commonWords } from "~/components/messages";

/** Who wrote or did something, where their name is no longer kept (they left and their information was removed). */
export const formerMemberName = "A former member";

/** Wording of the account page's change of e-mail address (decision 031), kept apart from the rules. */
export const emailChangeMessages = {
  emailMissing: "Enter your new email address",
  emailFormat: commonWords.emailFormat,
  same_address: "This is the email address you already use. Enter a different one",
  address_in_use: "This email address is already used by another account. Enter a different one",
  rate_limited: "Too many changes have been asked for just now. Wait 15 minutes, then try again",
  sent: (email: string) =>
    `We have sent a link to ${email}, and another to the address you use now. Your address changes when both links have been followed, within 24 hours.`,
  pending: (email: string) => `A change to ${email} is waiting for both links to be followed.`,
  linkInvalidTitle: "This link cannot be used",
  linkInvalid: "This link has expired or the change has already been made or replaced. Links last 24 hours. Sign in and ask again on your account page.",
  confirmTitle: "Confirm the change of email address",
  confirmNew: "Confirm that this new email address is yours.",
  confirmOld: "Confirm, from the address you use now, that you want to change it.",
  confirmButton: "Confirm",
  waitingOther: (side: "new" | "old") =>
    side === "new"
      ? "Thank you: the new address is confirmed. Now follow the link we sent to the address you use now. The address changes when both are confirmed."
      : "Thank you: the change is confirmed from the address you use now. Now follow the link we sent to the new address. The address changes when both are confirmed.",
  changed: "Your email address has been changed. Use the new address to sign in from now on.",
  usedMeanwhile: "The change could not be made: the new address is now used by another account. Sign in and choose a different one.",
} as const;

/** Why someone cannot remove their information yet: their role must pass to someone first. */
export const eraseRefusedMessages = {
  last_organiser:
    "You are the movement's only organiser. Appoint another organiser on the Roles page first, then remove your information: the movement must always have an organiser.",
  election_running:
    "You are the returning officer of an election that is running. Ask an organiser to appoint a new returning officer on the Roles page first (they replace you), then remove your information.",
} as const;
