/**
 * The words this domain's printed documents say, kept apart from their layout (pdf/*.tsx) so they
 * can be reviewed, and one day translated, in one place. Plain UK English.
 */
import { ukCalendarDate, ukDate, upperFirst } from "~/modules/documents/format";
import { commonWords } from "~/components/messages";
import { kitMessages } from "~/modules/documents/messages";

export const resignationMessages = {
  documentTitle: "Resignation of membership",
  subject: (partyName: string) => `Resignation of membership of ${partyName}`,
  keywords: ["resignation", "membership"],
  membershipNumber: "Membership number",
  postcode: commonWords.postcode,
  dateLabel: "Date",
  membershipNumberHint: "add it if you know it: it is on your membership card",
  leavingDayHint: "write the date you send this, on the agreed leaving day",
  recipient: (partyName: string) => ["The Membership Department", upperFirst(partyName)],
  salutation: "Dear Sir or Madam,",
  heading: "Resignation of my membership",
  resign: (partyName: string, leavingDay: string | null) => {
    const day = leavingDay ? ukCalendarDate(leavingDay) : null;
    return day
      ? `I am writing to resign my membership of ${partyName} with immediate effect, from today, ${day}.`
      : `I am writing to resign my membership of ${partyName} with immediate effect, from the date of this letter.`;
  },
  reason: (partyName: string, movementName: string, deadline: Date) =>
    `I am leaving because ${partyName} did not meet the demands that its members set out through ${movementName} by ${ukDate(deadline)}.`,
  requests: [
    "Please confirm in writing that my membership has ended.",
    "Please cancel any Direct Debit or other regular payment I make to the party, and take no further payments from me.",
  ],
  closing: kitMessages.letterClosing,
  /** Advice for the member, shown next to the download links, never inside the letter. */
  adviceForMember: [
    "Send the letter on the agreed leaving day, by email or by post, to the party's membership department.",
    "To be sure your payments stop, you can also cancel the Direct Debit yourself with your bank.",
    "Keep a copy of the letter and of any reply.",
  ],
};

/** Why a person cannot have a resignation letter, in words they can act on. */
export const resignationRefusals = {
  not_invited: {
    status: 403,
    title: "There is no resignation letter for you",
    body: "Resignation letters are for founding members who are leaving the old party. You have not been invited to be a founding member. If you think you should have been, ask an organiser.",
  },
  not_accepted: {
    status: 403,
    title: "Accept your invitation first",
    body: "Your resignation letter is ready once you have accepted your invitation to be a founding member. Accept it on the founding page, then come back here.",
  },
  not_needed: {
    status: 404,
    title: "You do not need a resignation letter",
    body: "Our records show you are not a member of the old party, so there is nothing to resign from. If that is wrong, ask an organiser to correct it.",
  },
  no_movement: {
    status: 404,
    title: "There is no resignation letter yet",
    body: "The movement has not been set up yet, so there is no letter to make.",
  },
} as const;
