import { commonWords } from "~/components/messages";

/**
 * The wording of the account page (routes/account.tsx); the change of address and why someone
 * cannot remove their information yet are in messages.ts.
 */
export const accountPageText = {
  metaTitle: "Your account",
  title: "Your account",
  checkEmail: commonWords.checkEmail,
  details: {
    name: "Name",
    email: "Email",
    role: "Role",
    whoHoldsWhich: { before: " (", link: "who holds which role", after: ")" },
    signInLasts: "This sign-in lasts until",
    signInEnds: (when: string) => `${when} (it extends while you use the site)`,
  },
  changeEmail: {
    heading: "Change your email address",
    intro:
      "We send a link to the new address and another to the address you use now. Your address changes only when both links have been followed. You stay signed in.",
    newEmail: "New email address",
    submit: "Send the links",
  },
  signOutEverywhere: {
    heading: "Sign out everywhere",
    intro: "If you signed in on a shared computer or lost a phone, sign out on every device at once. You will need a new sign-in link afterwards.",
    submit: "Sign out everywhere",
  },
  yourInformation: {
    heading: "Your information",
    download: {
      link: "Download everything we hold about you",
      after: " (a JSON file: your account, pledge, founding membership, the polls you voted in, and mail we sent you).",
    },
    removeHeading: "Remove your information",
    removeIntro:
      "We will delete your name, email address, postcode and membership details, and sign you out. Counts and anonymous ballots stay as they are, so results do not change. Records of actions you took as an organiser stay in the audit log. This cannot be undone.",
    confirm: "I understand: remove my information",
    confirmMissing: "Tick the box to confirm that you want your information removed",
    submit: "Remove my information",
  },
  unknownRequest: commonWords.unknownRequest,
};
