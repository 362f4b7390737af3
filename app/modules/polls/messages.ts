import type { BallotProblem } from "./ballot-rules";
import type { CorrectionProblem } from "./corrections";
import { MAX_EXTENSION_DAYS } from "./corrections";
import {
  MAX_CORRECTION_REASON_LENGTH,
  MAX_OFFICIAL_REASON_LENGTH,
  MAX_OPTION_LABEL_LENGTH,
  MAX_POLL_DESCRIPTION_LENGTH,
  MAX_POLL_OPTIONS,
  MAX_POLL_TITLE_LENGTH,
} from "~/utils/input-limits";
import { textProblemMessages } from "~/utils/text-limit-messages";
import { formatLondonLong } from "~/utils/london-time";
import { formatNumber } from "~/utils/numbers";
import { commonWords, siteText } from "~/components/messages";

/** A new poll's free text (polls.new), by field; limits from input-limits.ts. */
export const pollTextMessages = {
  title: textProblemMessages("the title", MAX_POLL_TITLE_LENGTH),
  description: textProblemMessages("the description", MAX_POLL_DESCRIPTION_LENGTH),
  option: textProblemMessages("each option", MAX_OPTION_LABEL_LENGTH),
  tooManyOptions: `Enter at most ${MAX_POLL_OPTIONS} options, each ${MAX_OPTION_LABEL_LENGTH} characters or fewer`,
  closeReason: textProblemMessages("the reason", MAX_OFFICIAL_REASON_LENGTH),
};

/** Wording for polls, kept apart from the rules so it can be translated. */
export const ballotProblemMessages: Record<
  | BallotProblem
  | "not_open"
  | "cancelled"
  | "not_on_roll"
  | "already_voted"
  | "not_found"
  | "on_clause_ballot"
  | "ballot_refused"
  | "server_error"
  | "outcome_unknown"
  | "signed_out"
  | "not_allowed",
  string
> = {
  choice_missing: "Choose Yes, No or Abstain",
  ranking_empty: "Number at least one option: 1 for your first choice",
  ranking_duplicate: "Use each number once: two options have the same number",
  ranking_unknown_option: "One of the options is not on this ballot. Reload the page and try again",
  ranking_withdrawn_option: "One of the options has been withdrawn. Reload the page and try again",
  ranking_gap: "Number your choices 1, 2, 3 and so on without gaps",
  not_open: "This poll is not open for voting",
  cancelled: "This poll was cancelled, so it takes no ballots",
  not_on_roll: "You are not on the roll for this poll, so you cannot vote in it",
  already_voted: "You have already voted in this poll. Each member votes once",
  not_found: "This poll does not exist",
  signed_out: "Sign in to vote",
  not_allowed: "You cannot vote in polls",
  server_error: "Your vote could not be stored because of a fault on our side. Nothing was cast: please try again",
  outcome_unknown:
    "We could not tell whether your vote was stored: our system stopped answering while it was being saved. Reload this page: it says whether you have voted. If it says you have not, vote again.",
  ballot_refused:
    "Your encrypted ballot was refused: it did not pass our checks (its proofs, its election, or your credential). Nothing was cast. Reload this page and vote again.",
  on_clause_ballot: "This question is on a clause's ballot of the constitution: vote on it there, with the clause's other questions.",
};

/** When the ballot endpoint could not be reached or did not answer: the ballot may or may not be in. */
export const castFailedMessage =
  "Your vote could not be sent, or we could not read the answer. Check your connection and reload this page: it says whether you have voted. If you have not, vote again.";

/**
 * The front door's answers when a request that cast a ballot fails after the ballot was sent
 * (decision 041): the ballot stored and its receipt shown, or the voter sent to check.
 */
export const castFaultMessages = {
  storedTitle: "Your vote was stored",
  stored: "Your ballot was cast and stored. A fault on our side stopped us showing the next page, but your vote is safe and will be counted.",
  receiptLabel: (question: number, of: number) => (of === 1 ? "Your receipt code:" : `Receipt code for question ${question}:`),
  keepReceipt:
    "Write it down or save it. Nobody else has it, and we cannot show it again. After the ballot closes you can use it to check that your vote was counted.",
  seeVoted: "See that you have voted",
  uncertainTitle: siteText.serviceProblemTitle,
  /** A ballot was sent and no answer came back. */
  uncertain:
    "A fault on our side stopped us finishing your request, and we cannot tell whether your vote was stored. Check whether your vote was stored: the page linked below says whether you have voted. If it says you have not, vote again.",
  /** A page where ballots are cast failed (with no ballot known to have been sent). */
  pageFailed:
    "A fault on our side stopped us showing this page. Please try again in a few minutes. If you had just cast your vote, check whether your vote was stored: the page linked below says whether you have voted.",
  checkLink: "Check whether your vote was stored",
};

/** A Yes/No poll's three answers, wherever a ballot or its count shows them. */
export const choiceLabels = { yes: "Yes", no: "No", abstain: "Abstain" } as const;

/** The poll form's choice of method (issue 18: every rule that fills several seats is offered). */
export const methodLabels: Record<string, string> = {
  "yes-no": "Yes / No / Abstain",
  irv: "Ranked, one winner (instant-runoff, majority of continuing votes)",
  "irv-scottish": "Ranked, one winner (Scottish rules, fixed quota)",
  "scottish-stv": "Ranked, several seats (Scottish STV)",
  meek: "Ranked, several seats (Meek STV)",
  "meek-prf": "Ranked, several seats (Meek STV, PR Foundation reference rule)",
  "wigm-prf": "Ranked, several seats (weighted inclusive Gregory method, PR Foundation reference rule)",
  "wigm-rational": "Ranked, several seats (weighted inclusive Gregory method, exact fractions)",
  schulze: "Ranked, choosing between texts (Schulze)",
};

export const methodDescriptions: Record<string, string> = {
  "yes-no": "Vote Yes, No or Abstain.",
  irv: "Number the options in order of preference. If no option has more than half of the votes, the last is excluded and its votes pass to the next preference, until one has a majority.",
  "irv-scottish":
    "Number the options in order of preference. The winner needs a fixed quota of half the valid votes plus one; the last option is excluded round by round and its votes pass on.",
  "scottish-stv":
    "Number as many options as you like in order of preference. Seats are filled by the single transferable vote (Scottish rules): surpluses and the votes of excluded options pass to the next preference.",
  meek: "Number as many options as you like in order of preference. Meek STV: every ballot is counted again at each stage, and a winner keeps only the share of each vote needed to reach the quota, passing the rest on; an excluded option is treated as if it had never stood.",
  "meek-prf": "As Meek STV, with the arithmetic of the Proportional Representation Foundation's reference rule (9 decimal places).",
  "wigm-prf":
    "Number as many options as you like in order of preference. Weighted inclusive Gregory method: a winner's surplus passes on from all their ballots at a reduced value; the arithmetic of the Proportional Representation Foundation's reference rule (4 decimal places).",
  "wigm-rational": "As the weighted inclusive Gregory method, counted in exact fractions.",
  schulze: "Number the options in order of preference. The winner is the option preferred to every other in head-to-head comparisons (Schulze method).",
};

export const majorityDescriptions: Record<string, string> = {
  simple: "more Yes than No",
  absolute: "more than half of all votes cast (abstentions count)",
  "two-thirds": "at least two thirds of Yes and No votes (abstentions not counted)",
};

export const publicationDescriptions: Record<string, string> = {
  "receipts-with-rankings":
    "After the poll closes every ballot is published beside its receipt code, so you can check yours exactly. (Anyone you show your receipt to could see how you voted.)",
  "separate-lists":
    "After the poll closes the receipt codes and the ballots are published as two separate lists, so you can check that your ballot was counted without anyone being able to prove how you voted.",
};

/**
 * What failed when a closed poll was checked against its own ballots (verifyPoll), for the
 * warning on the pages that would declare or act on its result. Never the problem's code.
 */
export const verificationProblemMessages: Record<
  "not_closed" | "chain_broken" | "counts_differ" | "audit_differs" | "result_differs" | "record_invalid",
  string
> = {
  not_closed: "The ballot has not been closed and counted yet, so there is no result to check.",
  chain_broken: "The stored ballots do not match the record made when each was cast: a ballot may have been changed, added or removed.",
  counts_differ: "The number of ballots is not the number of members recorded as having voted.",
  audit_differs: "The stored ballots are not those the audit log recorded when the ballot closed: a ballot may have been removed or added since.",
  result_differs: "Counting the stored ballots again gives a different result from the one recorded.",
  record_invalid: "The poll's public record of encrypted ballots does not check out: a ballot, the total or its decryption may have been changed.",
};

/** What to do when a result fails its check: the same words wherever the warning is shown. */
export const verificationFailedAdvice =
  "This result cannot be declared or acted on. The returning officer should check the ballots with the verify command (see “Checking a result” in the user guide) and tell the organisers what it finds.";
const reasonMessages = textProblemMessages("the reason", MAX_CORRECTION_REASON_LENGTH);

/** Why a poll could not be cancelled or its closing time extended, and what to do instead. */
export const correctionProblemMessages: Record<CorrectionProblem, string> = {
  not_found: "This poll does not exist",
  not_open: "This poll has already closed or been cancelled, so it cannot be changed",
  reason_missing: "Give the reason. It is shown on the poll's page and in the founding record",
  "reason:too_long": reasonMessages.too_long,
  "reason:bad_character": reasonMessages.bad_character,
  "reason:word_too_long": reasonMessages.word_too_long,
  cancel_clause:
    "This question is one of a voting round on the constitution, counted with the round's other questions, so it cannot be cancelled on its own. To stop the round, close it early with a reason on the constitution's results page.",
  cancel_adoption:
    "The adoption vote cannot be cancelled: the constitution's draft waits for its result. Extend its closing time, or close it early with a reason on the constitution's results page.",
  cancel_election:
    "An election's ballot cannot be cancelled on its own: the election counts every position's ballot together. Extend the closing time, or close and count the election early with a reason on the elections page.",
  cancel_financial_scheme:
    "The vote on the financial scheme cannot be cancelled here: the registration pack waits for its result. Extend its closing time instead.",
  extend_clause:
    "A question of a voting round closes with the round's other questions, so its closing time cannot be changed on its own. The returning officer can extend the whole round on the constitution's results page.",
  not_later: "The new closing time must be later than the present one, and in the future. A closing time can be extended but never brought forward",
  too_far: `The new closing time can be at most ${MAX_EXTENSION_DAYS} days after the present one`,
  period_too_short: "Under the standing orders a ballot stays open for at least 7 days in all: choose a later closing time",
};

const when = (at: Date) => `${formatLondonLong(at)} (UK time)`;
const people = (n: number) => (n === 1 ? "1 person" : `${formatNumber(n)} people`);

/** A poll's status lines (status.ts chooses which). */
export const pollStatusMessages = {
  time: {
    draft: (closesAt: Date) => `Not open yet. Set to close on ${when(closesAt)}.`,
    open: (closesAt: Date) => `Closes on ${when(closesAt)}.`,
    counting: (closesAt: Date) => `Voting closed on ${when(closesAt)}. The ballots are being counted.`,
    decrypting: (closedAt: Date) => `Voting closed on ${when(closedAt)}. The trustees are decrypting the result.`,
    closed: (closedAt: Date) => `Closed on ${when(closedAt)}.`,
    closed_early: (closedAt: Date, closesAt: Date) => `Closed early, on ${when(closedAt)}. It was set to close on ${when(closesAt)}.`,
    cancelled: (cancelledAt: Date, closesAt: Date) => `Cancelled on ${when(cancelledAt)}. It was to close on ${when(closesAt)}.`,
  },
  turnout: {
    draft: "Frozen when the poll opens",
    roll: (size: number) => `${people(size)} on the roll`,
    haveVoted: (n: number) => `${formatNumber(n)} ${n === 1 ? "has" : "have"} voted so far`,
    voted: (n: number) => `${formatNumber(n)} voted`,
    youAmongThem: ", you among them",
  },
} as const;
/**
 * A quorum in words: "at least 20% of the roll (20 of the 100 on the roll)", never "20/100".
 * The count in brackets is the smallest turnout that meets it, as the count works it out
 * (ballots/yes-no.ts); before the roll is frozen only the share is known.
 */
export function quorumDescription(numerator: number, denominator: number, rollSize: number | null): string {
  const percent = Math.round(((numerator * 100) / denominator) * 10) / 10;
  const share = `at least ${formatNumber(percent)}% of the roll`;
  if (rollSize === null || rollSize <= 0) return share;
  const needed = Math.ceil((rollSize * numerator) / denominator);
  return `${share} (${formatNumber(needed)} of the ${formatNumber(rollSize)} on the roll)`;
}

/** Encrypted ballots (decision 044): what the poll pages say about secrecy and the record. */
export const pollsText = {
  noCountSheetTitle: "No count sheet for this poll",
  noCountSheet:
    "A count sheet is published when a ranked poll counted by stages (instant-runoff or single transferable vote) closes. This poll has not closed yet, or is not counted by stages.",
  tiesByLot: "Broken by the order drawn by lot with this seed, fixed before voting:",
  tiesByStages: "Broken by the earlier stages, then by lot drawn with this seed, fixed before voting:",
  encryptedBallot: "Encrypted ballot",
  /** While the server is the only trustee: said plainly on the poll page and the ballots page. */
  serverTrustee:
    "Your ballot is encrypted before it is stored, and only the total is ever decrypted, never a single ballot. " +
    "For this poll the server holds the decryption key, so whoever runs the server could read the ballots.",
  serverTrusteeRanked:
    "Your ranking is encrypted before it is stored. When the poll closes, the rankings are shuffled into a secret order, with a proof that none was changed, and only then decrypted and counted: nobody can tell which was yours. " +
    "For this poll the server holds the decryption key, so whoever runs the server could read the ballots.",
  votersListTitle: (n: number) => `The ${n === 1 ? "member" : `${n} members`} who voted`,
  votersListText:
    "Shown to the members on this poll's roll. If your name is here and you did not vote, or you voted and your name is missing, tell the returning officer: the server makes every member's voting credential, and this list is how you check that nobody voted in your name.",
  clauseBallotServerTrustee:
    "Your answers are encrypted before they are stored. A Yes or No is only ever counted in a total, never decrypted alone; a ranking is shuffled into a secret order before it is decrypted. " +
    "For this round the server holds the decryption key, so whoever runs the server could read the ballots.",
  encryptedByBrowser:
    "Your browser encrypted your ballot and proved it well formed before sending it; the server checked the proofs and never saw your choice. Your receipt is your ballot's tracker.",
  encryptingInBrowser: "Encrypting your ballot in your browser…",
  encryptedByServer:
    "Your browser sent your choice to the server, which encrypted it at once and kept no copy of your choice. Your receipt is your ballot's tracker.",
  recordTitle: "Check the count yourself",
  recordText:
    "Every ballot of this poll is in its public record, encrypted, with a proof that it is a valid vote, beside the total and a proof that the total was decrypted correctly. " +
    "Anyone can check the record with the checking tool of Belenios, the voting system it follows, without trusting us. The user guide says how.",
  recordLink: "Download the public record (Belenios archive)",
  recordLinkAfter: ": anyone can check it with the checking tool of Belenios, without trusting us",
  trackerHint: "Your receipt is your ballot's tracker: find it in the list below and in the record.",
};

/** The poll page's own words (routes/polls.$pollId._index.tsx), and what it says after those who run polls act on it. */
export const pollPageText = {
  metaTitleFallback: "Poll",
  allPolls: "All polls",
  done: "Done",
  cancelled: "The poll is cancelled. It takes no more votes and will not be counted. Everyone on its roll is being told by email.",
  closingTimeMissing: "Enter the new closing time as a date and time",
  extended: (closesAt: string) => `The closing time is now ${closesAt} (UK time).`,
  notADraft: "The poll could not be opened: it is not a draft.",
  opened: (onRoll: string) => `The poll is open. ${onRoll} on its roll.`,
  countedWith: (what: string) => `This ballot is closed and counted with ${what}.`,
  closeReasonMissing: "Give the reason for closing the poll before its closing time",
  closed: "The poll is closed and counted.",
  notOpen: "The poll could not be closed: it is not open.",
};

/** The link back to a poll from its published ballots and its receipt check. */
export const backToPoll = (title: string) => `Back to ${title}`;

/** The plain answer (404) to an address naming no poll. */
export const noSuchPoll = commonWords.notFound;

/** The plain answer (404) for a poll's public record before the poll closes. */
export const recordNotYet = "The record is published when the poll closes.";
