import { commonWords } from "~/components/messages";

/** The wording of the Make the pledge page (routes/pledge._index.tsx); the form's error messages are in messages.ts. */
export const pledgePageText = {
  metaTitle: "Make the pledge",
  title: "Make the pledge",
  notSetUp: "The campaign has not been set up yet.",
  closed: "Pledges have closed: the deadline has passed.",
  pledge: (partyName: string, movementName: string) =>
    `I pledge to leave ${partyName} together with everyone who signs, unless it meets the demands of ${movementName} by the deadline.`,
  name: "Your name",
  email: "Email address",
  emailHint: "We will send you a link to confirm your pledge.",
  postcode: commonWords.postcode,
  postcodeHint: "Used only to count pledges by region.",
  relation: (partyName: string) => `Are you a member of ${partyName}?`,
  membershipNumber: "Membership number (optional, members only)",
  membershipNumberHint: "Helps us prove to the party how many members are pledged. Never published.",
  subscription: "Your monthly subscription, in pounds (optional, members only)",
  subscriptionHint: "What the party would lose each month if you left, like 4.50. Only the total is published.",
  howWeUse: "How we use your information",
  /** Shown when the privacy notice's file cannot be read. */
  howWeUseFallback: "We use your information only for this campaign and never publish it.",
  consentDataUse: "I agree to my information being used as described above (needed to pledge)",
  consentContact: "You may email me about the campaign (optional)",
  sending: commonWords.sending,
  submit: "Make the pledge",
  sent: {
    title: "Check your email to confirm your pledge",
    /** Before the address, which is shown in bold. */
    sentTo: "We have sent an email to ",
    countsOnce: ". Your pledge counts once you follow the link in it.",
    keepIt: "The email also has a link to withdraw your pledge at any time. Keep it.",
  },
} as const;
