/** The wording of the Founding page (routes/founding._index.tsx); refusals are in wording.ts. */
import { plural } from "~/utils/plural";
import { commonWords } from "~/components/messages";

/** The interim standing orders' own page (routes/founding.standing-orders.tsx): its title, unless the file names one, and its plain 404. */
export const standingOrdersPageText = {
  title: "Interim standing orders",
  notFound: commonWords.notFound,
};

export const foundingPageText = {
  metaTitle: "Founding the party",
  title: "Founding the new party",
  done: "Done",
  welcome: (n: number | null) => `Welcome, founding member number ${n}.`,
  resignedRecorded: "Thank you: your resignation is recorded.",
  invitationsSent: (sent: number) => `${sent} invitations sent.`,
  remindersSent: (sent: number) => `${sent} reminders sent.`,
  withdrawn: "The invitation is withdrawn. It is recorded, with the reason, in the founding record.",
  leavingDaySet: "The leaving day is set.",
  closesAtMissing: "Enter when the vote closes, as a date and time",
  voteOpened: (rollSize: number) => `The standing orders vote is open to ${plural(rollSize, "founding member")}.`,
  unknownRequest: commonWords.unknownRequest,
  accept: {
    heading: "You are invited to be a founding member",
    howWeUse: "How we use your information",
    statement: "I accept the founding statement",
    consent: "I agree to my information being used as described above",
    submit: "Become a founding member",
  },
  left: {
    heading: "You have left the founding roll",
    body: "You are not on the roll for any later vote or election. ",
    when: "When you left",
  },
  member: {
    heading: (n: number | null) => `You are founding member number ${n}`,
    resigned: "You have confirmed that you resigned from the old party. Thank you.",
    resignOn: (leavingDay: string | null) =>
      `As a member of the old party, resign on the leaving day${leavingDay ? `: ${leavingDay}` : " (the organisers will set it)"}. We have written your resignation letter for you:`,
    letterPdf: "Your resignation letter (PDF)",
    letterText: "Your resignation letter (text, to paste into an email)",
    confirmResigned: "I have resigned from the old party",
    leave: "Leave the founding roll",
  },
  roll: {
    heading: "The founding roll",
    invited: "Invited",
    members: "Founding members",
    left: "Left the roll",
    resigned: "Resigned from the old party",
    resignedOf: (resigned: string, mustResign: string) => `${resigned} of ${mustResign}`,
    byRelation: "Founding members by relation to the old party",
    byRegion: "Founding members by region",
  },
  run: {
    heading: "Run the founding",
    invite: "Invite everyone who has not been invited",
    remind: "Remind those who have not accepted",
    withdrawHeading: "Withdraw an invitation sent in error",
    withdrawIntro:
      "An invitation not yet accepted can be withdrawn: the person can no longer accept it, and is not invited again. The withdrawal and its reason go in the founding record.",
    withdrawEmail: "Email address the invitation went to",
    withdrawReason: "Reason for withdrawing",
    withdrawReasonHint: (max: number) => `At most ${max} characters.`,
    withdraw: "Withdraw the invitation",
    leavingDay: "The leaving day",
    setLeavingDay: "Set the leaving day",
    standingOrdersBefore: "The founding members' first vote is on the ",
    standingOrdersLink: "interim standing orders",
    standingOrdersAfter: ". Its quorum and majority come from the standing orders themselves.",
    closesAt: "The vote closes at (UK time)",
    openVote: "Open the standing orders vote",
  },
} as const;
