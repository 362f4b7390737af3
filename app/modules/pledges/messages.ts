import { MAX_MEMBERSHIP_NUMBER_LENGTH, MAX_PERSON_NAME_LENGTH, MAX_POSTCODE_LENGTH } from "~/utils/input-limits";
import { textProblemMessages } from "~/utils/text-limit-messages";
import { commonWords } from "~/components/messages";

/** The pledge form's free text, by field; limits from input-limits.ts. */
export const pledgeTextMessages = {
  name: textProblemMessages("your name", MAX_PERSON_NAME_LENGTH),
  postcode: textProblemMessages("your postcode", MAX_POSTCODE_LENGTH),
  membershipNumber: textProblemMessages("the membership number", MAX_MEMBERSHIP_NUMBER_LENGTH),
};

/** Wording for pledging, kept apart from the rules so it can be translated. */
export const pledgeMessages = {
  nameMissing: "Enter your name",
  nameTooLong: pledgeTextMessages.name.too_long,
  emailMissing: commonWords.emailMissing,
  emailFormat: commonWords.emailFormat,
  postcodeMissing: "Enter your postcode",
  postcodeFormat: "Enter a real postcode, like SW1A 1AA",
  postcodeArea: "We do not recognise the area of that postcode. Check it and try again",
  relationMissing: "Say whether you are a member, a former member or a supporter",
  membershipNumberTooLong: pledgeTextMessages.membershipNumber.too_long,
  subscriptionFormat: "Enter your monthly subscription in pounds, like 4.50, or leave it blank",
  consentDataUseMissing: "You must agree to how we use your information to pledge",
  rateLimitedEmail: "This email address has been used to pledge several times in the last few minutes. Wait 15 minutes, then try again.",
  rateLimitedIp: "Many pledges have come from your connection in the last few minutes. Wait 15 minutes, then try again.",
  rateLimitedOverall: "A great many people are pledging just now. Wait a few minutes, then try again.",
  confirmClosed: "Pledges can no longer be confirmed: the deadline has passed.",
};

export const relationLabels = {
  member: "I am a member of the party",
  former_member: "I used to be a member",
  supporter: "I support the party but am not a member",
} as const;

export const relationShortLabels = {
  member: "Members",
  former_member: "Former members",
  supporter: "Supporters",
} as const;

/** Wording of the two pages the emailed links open: confirming and withdrawing a pledge. */
export const pledgeLinkWording = {
  confirm: {
    title: "Confirm your pledge",
    lead: "Confirm that you pledge to leave the party together with everyone who signs, unless it meets the demands by the deadline.",
    button: "Confirm my pledge",
    doneTitle: "Your pledge is confirmed",
    doneText: "Thank you. Your pledge now counts. We will email you when the deadline comes.",
    invalid:
      "This confirmation link has already been used, has expired or is not valid. If you have already confirmed, your pledge counts. If not, make the pledge again and use the link in the newest email.",
    closed: "Pledges can no longer be confirmed: the deadline has passed.",
  },
  withdraw: {
    title: "Withdraw your pledge",
    lead: "If you withdraw, your pledge stops counting at once.",
    button: "Withdraw my pledge",
    doneTitle: "Your pledge is withdrawn",
    doneText:
      "Your pledge no longer counts. The campaign keeps a count of withdrawals but not your reasons. You can pledge again at any time before the deadline.",
    invalid: "This withdrawal link is not valid.",
    closed: "This withdrawal link is not valid.",
  },
  alreadyWithdrawn: "This pledge has already been withdrawn.",
  seeCampaign: "See the campaign",
  hello: (name: string) => `Hello ${name}.`,
} as const;

/** The pledge figures on the Campaign page (routes/campaign._index.tsx). */
export const pledgeFiguresText = {
  heading: "Who has pledged",
  confirmed: "Confirmed pledges",
  subscriptions: "Monthly subscriptions at stake",
  withdrawn: "Withdrawn",
  byRelation: "Confirmed pledges by relation to the party",
  overTime: "Confirmed pledges over time",
  noneConfirmed: "No pledges have been confirmed yet.",
  byRegion: "Confirmed pledges by region",
  region: "Region",
  pledges: "Pledges",
} as const;
