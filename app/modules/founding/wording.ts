/** Wording of founding membership's pages, kept apart from the rules (its mail is in mail/templates). */
import { formatDate } from "~/utils/dates";
import { formatLondonLong } from "~/utils/london-time";
import { MAX_CORRECTION_REASON_LENGTH } from "~/utils/input-limits";
import { characters } from "~/utils/text-limit-messages";
import type { LeavingDayProblem } from "./leaving-day";

/** Said by the later phases' pages (the constitution, elections, registration), of the founding roll. */
export const foundingRollWords = {
  /** Something only a founding member may do, asked by someone who is not one. */
  membersOnly: "Only founding members can do this. Accept your invitation on the Founding page first.",
  /** A vote of the founding members asked for before anyone is on the roll. */
  empty: "There are no founding members on the roll yet.",
};

export const foundingMessages = {
  not_founding_phase: "Founding membership opens once the members have decided to found a new party.",
  not_invited: "You have not been invited to be a founding member. Invitations go to everyone who pledged and stood by their pledge.",
  already_accepted: "You have already accepted. Welcome.",
  not_accepted: "Accept the invitation first.",
  no_need_to_resign: "You were not a member of the old party, so there is nothing to resign.",
  no_founding_members: "Nobody has accepted yet, so there is nobody to vote.",
  already_open: "The standing orders vote has already been opened.",
  closes_in_past: "The closing time must be in the future.",
  no_returning_officer:
    "The standing orders vote names the first returning officer, and a yes vote confirms them (standing orders 4.1). Appoint a returning officer first: someone who is not an organiser.",
  not_found: "Nobody with that email address has an invitation waiting. Check the address: an invitation already accepted cannot be withdrawn.",
  reason_missing: "Give the reason for withdrawing the invitation. It goes in the founding record",
  reason_too_long: `The reason must be ${characters(MAX_CORRECTION_REASON_LENGTH)} or fewer`,
  consent_missing: "To become a founding member, accept the founding statement and agree to how we use your information",
  already_left: "You have left the founding roll.",
  trustee_keys_missing: "The standing orders vote cannot open until every trustee named for it has made their key. The Trustees page says how many have.",
} as const;

/** A leaving day the organiser typed that cannot be used (leaving-day.ts). */
export const leavingDayMessages: Record<LeavingDayProblem, string> = {
  not_a_date: "Enter the leaving day as a date, for example 1 March 2027",
  not_a_real_date: "Enter a real date",
  in_the_past: "The leaving day must be today or later",
};

/** Wording of leaving the founding roll (decision 031). */
export const leavingRollMessages = {
  title: "Leave the founding roll",
  areYouSure: (membershipNumber: number | null) =>
    `Are you sure you want to leave the founding roll? You are founding member number ${membershipNumber ?? ""}.`,
  back: "Back to the founding page",
  warning:
    "If you leave, you will not be on the roll for any later vote or election of the new party: the constitution, its clauses, or its officers. Votes you have already cast still count. You cannot undo this here.",
  stillSignedIn:
    "Your account stays: you can still sign in and see the campaign's pages. To remove your details altogether, use “Remove my information” on your account page.",
  confirm: "Yes, leave the founding roll",
  cancel: "No, stay on the roll",
  confirmMissing: "Select “Yes, I want to leave” to leave the founding roll",
  confirmLabel: "Yes, I want to leave the founding roll",
  doneTitle: "You have left the founding roll",
  done: (when: Date) =>
    `You left the founding roll on ${formatDate(when)}. You are counted as a founding member who left, and you are not on the roll for any later vote or election.`,
  notMember: "You are not on the founding roll, so there is nothing to leave.",
} as const;

/** What the standing orders vote asks: it names the returning officer a yes vote confirms (4.1). */
export function standingOrdersQuestion(returningOfficers: readonly string[]): string {
  const names =
    returningOfficers.length === 1 ? (returningOfficers[0] ?? "") : `${returningOfficers.slice(0, -1).join(", ")} and ${returningOfficers.at(-1) ?? ""}`;
  const who = returningOfficers.length === 1 ? `${names} as the first returning officer` : `${names} as the first returning officers`;
  return `The founding members' first vote: the rules under which we adopt the constitution and elect our interim officers. A yes vote also confirms ${who} (standing orders 4.1).`;
}

/** The standing orders vote's status line and its link (status.ts chooses by the vote's stage). */
export const standingOrdersVoteMessages: Record<
  "open" | "counting" | "adopted" | "not_adopted" | "cancelled",
  (closesAt: Date) => { text: string; link: string }
> = {
  open: (closesAt) => ({
    text: `The standing orders vote is under way. It closes on ${formatLondonLong(closesAt)} (UK time).`,
    link: "Vote on the interim standing orders",
  }),
  counting: () => ({ text: "The standing orders vote has closed. Its ballots are being counted.", link: "See the standing orders vote" }),
  adopted: () => ({ text: "The founding members adopted the interim standing orders by secret ballot.", link: "See the result of the standing orders vote" }),
  not_adopted: () => ({
    text: "The standing orders vote has closed. The founding members did not adopt the interim standing orders.",
    link: "See the result of the standing orders vote",
  }),
  cancelled: () => ({ text: "The standing orders vote was cancelled. It was not counted.", link: "See why the vote was cancelled" }),
};
