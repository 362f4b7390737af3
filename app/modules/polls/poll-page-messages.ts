/**
 * The wording of the poll page's parts (components/poll-page/); what the page itself says after
 * an action is pollPageText in messages.ts.
 */
import { receiptCheckText } from "./receipt-messages";

/** A poll that has not opened yet: the tag beside its status line, and the heading of such polls in the list. */
export const notYetOpen = "Not yet open";

/** The tag beside a poll's status line, by status. */
const statusTags: Record<string, string> = { open: "Open", decrypting: "Being decrypted", closed: "Closed", draft: notYetOpen, cancelled: "Cancelled" };

/** sections.tsx: each part says one thing about the poll. */
export const pollSectionsText = {
  statusTags,
  cancelled: {
    heading: "This poll was cancelled",
    when: (at: string) =>
      `It was cancelled on ${at} (UK time), before it closed. It takes no votes and is not counted; any ballots already cast were set aside unread.`,
    reason: (reason: string) => `The reason given: ${reason}`,
  },
  counting: {
    closed: (closesAt: string) => `Voting closed on ${closesAt}. The ballots are being counted`,
    /** Before the link to where it is counted with others. */
    with: " with ",
    after: "; the result is published here when the count is done.",
  },
  receipt: {
    title: "Your vote has been cast",
    codeIs: "Your receipt code is:",
    keep: "Write it down or save it. Nobody else has it, and we cannot show it again. After the poll closes you can use it to check that your ballot was counted.",
  },
  review: {
    heading: "Check your ballot",
    youAreVoting: "You are voting: ",
    final: "Once cast, a ballot cannot be changed.",
    cast: "Cast my vote",
    change: "Change my ballot",
  },
  cannotVote: {
    signIn: "Sign in",
    toVote: " to vote.",
    voted: "You have voted in this poll. Results will be published when it closes.",
    onClauseBallot: "This question is on a clause’s ballot: ",
    clauseBallotLink: "vote on it with the clause’s other questions",
    clauseBallotAfter: ".",
    notOnRoll: "You are not on the roll for this poll.",
    cannot: "You cannot vote in this poll.",
  },
  checkTheCount: {
    heading: "Check the count yourself",
    receipt: receiptCheckText.title,
    published: "The published ballots",
    bltBefore: " and the ",
    bltLink: "ballot file (BLT)",
    bltAfter: " for an independent recount",
  },
  howItWorks: {
    heading: "How this poll works",
    voting: "Voting",
    toPass: "To pass",
    withQuorum: (quorum: string) => `, with ${quorum} taking part`,
    seats: "Seats",
    roll: "Roll",
    ties: "Ties",
    secrecy: "Secrecy",
  },
  run: {
    heading: "Run this poll",
    countedWith: "This ballot is closed and counted with ",
    countedWithAfter: ", never on its own.",
    open: "Open the poll and freeze the roll",
    closeReason: "Reason for closing before the closing time",
    closeReasonHint: (max: number) => `Recorded in the audit log. At most ${max} characters.`,
    close: "Close the poll and count",
  },
};

/** correct-poll.tsx: cancelling the poll, or extending its closing time. */
export const correctPollText = {
  heading: "Correct this poll",
  reasonHint: (max: number) => `Shown on this page and in the founding record. At most ${max} characters.`,
  extend: {
    heading: "Extend the closing time",
    intro: "The closing time can be moved later, never earlier. Everyone can see the change and its reason.",
    closesAt: "New closing time (UK time)",
    reason: "Reason for extending",
    submit: "Extend the closing time",
  },
  cancel: {
    heading: "Cancel the poll",
    warning: (rollToldByEmail: boolean) =>
      `A cancelled poll takes no more votes and is never counted. Ballots already cast are set aside unread${rollToldByEmail ? ", and everyone on its roll is told by email" : ""}. This cannot be undone.`,
    reason: "Reason for cancelling",
    submit: "Cancel the poll",
  },
};

/** ballot-form.tsx: the ballot, Yes/No/Abstain or the options numbered. */
export const ballotFormText = {
  heading: "Your ballot",
  legend: { yesNo: "How do you vote?", ranked: "Number the options in order of preference" },
  hint: {
    yesNo: "Choose one.",
    ranked: "Put 1 beside your first choice, 2 beside your second, and so on. Leave blank any you do not want to rank.",
  },
  ron: " (re-open nominations: rank this if you want none of the candidates)",
  submit: "Continue to check your ballot",
};
