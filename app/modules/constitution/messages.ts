/** Wording for the constitution pages, kept out of the rules so it can be translated. */
import { commonWords } from "~/components/messages";
import { ballotProblemMessages, verificationFailedAdvice } from "~/modules/polls/messages";
import type { AmendmentStatus, DraftPhase, RecommendationKind } from "../../../db/schema";
import type { DraftingProblem } from "./codes";
import type { RoundProblem } from "./codes";
import type { ShownField } from "./codes";
import { UPLOAD_LIMITS, type UploadProblem, type UploadProblemCode } from "./upload";
import {
  MAX_AMENDMENT_REASON_LENGTH,
  MAX_CLAUSE_TEXT_LENGTH,
  MAX_CLAUSE_TITLE_LENGTH,
  MAX_COMMENT_LENGTH,
  MAX_OFFICIAL_REASON_LENGTH,
  MAX_RECOMMENDATION_REASONS_LENGTH,
  MAX_SUPPORTERS_NEEDED,
  MAX_WORD_LENGTH,
} from "~/utils/input-limits";
import { textProblemMessages, words } from "~/utils/text-limit-messages";
import { formatNumber } from "~/utils/numbers";
import { foundingRollWords } from "~/modules/founding/wording";

/** "2,000 characters": a limit as a member reads it. */
const chars = (n: number) => `${formatNumber(n)} characters`;

export const phaseLabels: Record<DraftPhase, string> = {
  drafting: "Drafting: amendments and support are open",
  voting: "Voting: the ballot is open",
  closed: "Closed: the round has been counted",
};

export const amendmentKindLabels: Record<string, string> = {
  replace: "Change words",
  replaceText: "Change words",
  insertAfter: "Add a new clause",
  delete: "Delete the clause",
  move: "Move the clause",
  rename: "Change the title",
  setEntrenched: "Change entrenchment",
};

export const amendmentStatusLabels: Record<AmendmentStatus, string> = {
  open: "Open",
  withdrawn: "Withdrawn",
  carried: "Carried",
  lost: "Lost",
  undecided: "Not decided (quorum not met)",
};

export const recommendationLabels: Record<RecommendationKind, string> = {
  accept: "Support",
  reject: "Oppose",
  compromise: "Support a compromise",
};

export const draftingProblemMessages: Record<DraftingProblem, string> = {
  no_draft: "There is no draft constitution yet.",
  not_drafting: "Drafting is closed: amendments, support and recommendations can no longer change.",
  not_founding_member: foundingRollWords.membersOnly,
  draft_in_use: "Members have already amended this draft, so it cannot be replaced.",
  no_version: "No version of the constitution has been adopted yet.",
  reason_missing: "Enter the reason for your amendment",
  // Word limits are the standing orders' figures: wordLimitMessages says them.
  reason_too_long: "The reason is longer than the standing orders allow",
  amendment_not_found: "That amendment does not exist.",
  amendment_not_open: "That amendment is no longer open.",
  own_amendment: "You proposed this amendment, so you cannot also support it.",
  not_proposer: "Only the member who proposed an amendment can withdraw it.",
  comment_empty: "Enter your comment",
  comment_too_long: `Comments must be ${chars(MAX_COMMENT_LENGTH)} or fewer`,
  parent_not_found: "The comment you replied to is not in this thread.",
  recommendation_reasons_too_long: "The reasons are longer than the standing orders allow",
  compromise_missing: "Enter the compromise text",
  supporters_invalid: `Enter a whole number of supporters from 0 to ${formatNumber(MAX_SUPPORTERS_NEEDED)}`,
  invalid_operation: "The amendment does not fit the clause.",
  reason_too_many_characters: `The reason must be ${chars(MAX_AMENDMENT_REASON_LENGTH)} or fewer`,
  reason_word_too_long: `Each word of the reason must be ${chars(MAX_WORD_LENGTH)} or fewer. Put spaces between words`,
  clause_text_too_long: `The clause text must be ${chars(MAX_CLAUSE_TEXT_LENGTH)} or fewer`,
  clause_text_word_too_long: `Each word of the clause text must be ${chars(MAX_WORD_LENGTH)} or fewer. Put spaces between words`,
  clause_title_too_long: `The title must be ${chars(MAX_CLAUSE_TITLE_LENGTH)} or fewer`,
  comment_word_too_long: `Each word of a comment must be ${chars(MAX_WORD_LENGTH)} or fewer. Put spaces between words`,
  recommendation_reasons_too_many_characters: `The reasons must be ${chars(MAX_RECOMMENDATION_REASONS_LENGTH)} or fewer`,
  recommendation_reasons_word_too_long: `Each word of the reasons must be ${chars(MAX_WORD_LENGTH)} or fewer. Put spaces between words`,
  reason_bad_character: textProblemMessages("the reason", MAX_AMENDMENT_REASON_LENGTH).bad_character,
  clause_text_bad_character: textProblemMessages("the clause text", MAX_CLAUSE_TEXT_LENGTH).bad_character,
  clause_title_bad_character: textProblemMessages("the title", MAX_CLAUSE_TITLE_LENGTH).bad_character,
  comment_bad_character: textProblemMessages("a comment", MAX_COMMENT_LENGTH).bad_character,
  recommendation_reasons_bad_character: textProblemMessages("the reasons", MAX_RECOMMENDATION_REASONS_LENGTH).bad_character,
};

/** The word limits of the standing orders (`amendment_statement_max_words`, `recommendation_max_words`). */
export const wordLimitMessages = {
  reason: (maxWords: number) => `The reason must be ${words(maxWords)} or fewer`,
  recommendationReasons: (maxWords: number) => `The reasons must be ${words(maxWords)} or fewer`,
};

/** What the amendment form says about the reason, with both its limits. */
export const reasonHint = (maxWords: number) => `Up to ${words(maxWords)} (${chars(MAX_AMENDMENT_REASON_LENGTH)}). Shown with the amendment and on the ballot.`;

/** What a member proposing an amendment is told first. */
export const proposeIntro = (maxWords: number) =>
  `Your amendment goes to the vote if enough other founding members support it before drafting closes (standing orders 7.4). Give a reason of up to ${words(maxWords)}.`;

/** The label of the drafting committee's reasons. */
export const recommendationReasonsLabel = (maxWords: number) => `Reasons (up to ${words(maxWords)})`;

export const roundProblemMessages: Record<RoundProblem, string> = {
  no_draft: "There is no draft constitution yet.",
  wrong_phase: "That cannot be done in the draft's present phase.",
  closes_in_past: commonWords.closesInPast,
  period_too_short: "The standing orders need the ballot to stay open longer: choose a later closing time",
  standing_orders_not_adopted: "No vote on the constitution can open until the founding members have adopted the standing orders.",
  no_founding_members: foundingRollWords.empty,
  nothing_pending: "Every clause has been decided.",
  no_open_round: "No voting round is open.",
  still_pending: "Some clauses are still undecided: open another round for them first.",
  adoption_already_open: "The adoption vote has already been opened.",
  no_adoption_vote: "The adoption vote has not been opened.",
  already_adopted: "This text has already been adopted.",
  verification_failed: `Nothing was adopted: checking the adoption vote's result against its ballots failed. ${verificationFailedAdvice}`,
  trustee_keys_missing: "The vote cannot open until every trustee named for the constitution has made their key. The Trustees page says how many have.",
  decrypting:
    "Voting has closed. The results are counted once enough trustees have decrypted the ballots; the poll closer does it by itself within a minute or so of that.",
  preparing: "The round's ballot papers are still being prepared, so nobody has voted yet. It can be closed once voting has opened.",
};

/** The reason for closing a ballot early, recorded in the audit log. */
export const closeReasonMessages = textProblemMessages("the reason", MAX_OFFICIAL_REASON_LENGTH);

/** An amendment's note, for changes that are not about words (amendment-view.ts); titles come shown, in full. */
export const amendmentNotes = {
  newAtStart: (title: string) => `A new clause “${title}” at the start.`,
  newAfter: (title: string, after: string) => `A new clause “${title}” after “${after}”.`,
  deleted: "The clause is deleted.",
  movesToStart: "The clause moves to the start.",
  movesAfter: (after: string) => `The clause moves to after “${after}”.`,
  renamed: (title: string) => `The title becomes “${title}”.`,
  entrenched: "The clause becomes entrenched: changing it will need two thirds.",
  unentrenched: "The clause stops being entrenched.",
};

/** Said where a change is shown whole rather than word by word (input-limits: WORD_DIFF_MAX_*). */
export const tooLongToCompare = "This change is too long to compare word by word, so the old text is shown struck through and the new text after it.";

/**
 * Said where stored text longer than its field now allows (kept from before the limits) is shown
 * cut to that limit (shown-text.ts). `length` is the stored text's whole length.
 */
export const cutShortMessages: Record<ShownField, (length: number) => string> = {
  clauseText: (length) => `This text is longer than any clause can now be (${chars(length)}), so only its first ${chars(MAX_CLAUSE_TEXT_LENGTH)} are shown.`,
  reason: (length) => `This reason is longer than any reason can now be (${chars(length)}), so only its first ${chars(MAX_AMENDMENT_REASON_LENGTH)} are shown.`,
  comment: (length) => `This comment is longer than any comment can now be (${chars(length)}), so only its first ${chars(MAX_COMMENT_LENGTH)} are shown.`,
  recommendationReasons: (length) =>
    `These reasons are longer than the committee's reasons can now be (${chars(length)}), so only their first ${chars(MAX_RECOMMENDATION_REASONS_LENGTH)} are shown.`,
};

function quoted(title: string | undefined): string {
  const value = title ?? "";
  // A very long title would swamp the error summary; the line number says where it is.
  return `“${value.length > 60 ? `${value.slice(0, 57).trimEnd()}…` : value}”`;
}

function atLine(problem: UploadProblem, message: string): string {
  return problem.line === undefined ? message.charAt(0).toUpperCase() + message.slice(1) : `Line ${problem.line}: ${message}`;
}

/** Plain English for each problem of an uploaded constitution (upload.ts), for a GOV.UK-style error summary. */
export const uploadProblemMessages: Record<UploadProblemCode, (p: UploadProblem) => string> = {
  empty: () => "The file is empty",
  no_clauses: () => "The file has no clause headings. Start each clause with a heading line, like “## Membership”",
  too_many_clauses: () => `The file must have ${UPLOAD_LIMITS.maxClauses} clauses or fewer`,
  too_large: () => `The file must be smaller than ${Math.round(UPLOAD_LIMITS.maxBytes / 1000)} KB`,
  clause_empty: (p) => atLine(p, `the clause ${quoted(p.title)} has no text`),
  title_too_long: (p) => atLine(p, `the title ${quoted(p.title)} must be ${UPLOAD_LIMITS.maxTitleLength} characters or fewer`),
  duplicate_title: (p) => atLine(p, `there is already a clause called ${quoted(p.title)}. Each clause needs a different title`),
};

/** A form with a file whose body was not well formed (cut short, or not a form at all). */
export const uploadUnreadableMessage = commonWords.uploadBroken;
/** A file that is not text (it holds a NUL byte). */
export const uploadNotTextMessage = "This file is not a text file. Save the constitution as Markdown or plain text (.md or .txt) and upload that";

/**
 * How many clauses are still undecided, the same sentence on Manage and on Results (one count:
 * round.ts undecidedClauses). Clauses added by a carried amendment are named, with the rule
 * that gives them a question of their own (standing orders 10.3).
 */
export function undecidedSummary(pending: readonly { title: string; addedBy: string | null }[], amendmentNumbers: ReadonlyMap<string, number>): string {
  if (pending.length === 0) return "Every clause is decided.";
  const head = pending.length === 1 ? "1 clause is still undecided" : `${pending.length} clauses are still undecided`;
  const added = pending.filter((c) => c.addedBy !== null);
  if (added.length === 0) return `${head}: the quorum was not met on their questions. A new round puts them to the vote again.`;
  const named = added.map((c) => `${c.title}, added by amendment A${amendmentNumbers.get(c.addedBy ?? "") ?? "?"}`).join("; ");
  return `${head}${added.length === pending.length ? ":" : ", among them"} ${named}, carried in an earlier round. Standing orders 10.3 give a clause added by an amendment its own question in the next round.`;
}

/** After an adoption vote that was not carried (standing orders 10.5 and 10.7). */
export const failedAdoptionWords = {
  heading: (attempt: number) => `Adoption vote ${attempt}: not carried`,
  manage:
    "The last adoption vote was not carried. Its result is recorded on the results page and in the audit log. Open a new adoption vote on the same text when the founding members are ready to vote again.",
  results: "The drafting committee can open a new adoption vote on the same text from Manage the constitution.",
};

const n = formatNumber;

/** The draft's summary of its amendments (amendments-status.ts). */
export const amendmentsSummaryMessages = {
  none: "No amendments have been proposed yet.",
  total: (count: number) => (count === 1 ? "1 amendment" : `${n(count)} amendments`),
  parts: {
    ready: (count: number) => `${n(count)} with enough support to go to the vote`,
    gathering: (count: number) => `${n(count)} still gathering support`,
    onBallot: (count: number) => `${n(count)} on the ballot`,
    waiting: (count: number) => `${n(count)} not yet put to the vote`,
    carried: (count: number) => `${n(count)} carried`,
    lost: (count: number) => `${n(count)} lost`,
    undecided: (count: number) => `${n(count)} not decided because too few voted`,
    withdrawn: (count: number) => `${n(count)} withdrawn`,
  },
} as const;

/** Why a clause's ballot was not cast (routes/constitution.vote.$clauseId.tsx). */
export const clauseCastProblems: Record<string, string> = {
  no_open_round: "The ballot is not open.",
  preparing: "The ballot papers are still being prepared: voting opens as soon as they are ready.",
  not_found: "There is no open ballot on this clause.",
  not_open: ballotProblemMessages.not_open,
  not_on_roll: "You are not a founding member on this round's roll, so you cannot vote in it.",
  already_voted: "You have already cast your ballot on this clause. Each member votes once.",
  answer_missing: "Answer every question on this clause",
  answer_invalid: "One of your answers could not be read. Check it and try again.",
};

/** A constitution uploaded to start the draft, refused (routes/constitution.manage.tsx). */
export const draftUploadMessages = {
  noFile: "Choose a Markdown file to upload",
  notMarkdown: "The file must be a Markdown file (.md or .txt)",
};

/**
 * How a word diff (components/clause-text.tsx) says what changed, for screen readers and for
 * anyone who cannot tell its colours apart: each change is bracketed in words.
 */
export const diffText = {
  deleted: "[deleted: ",
  added: "[added: ",
  end: "]",
  /** After the "…" that stands for unchanged paragraphs left out. */
  gap: " unchanged text left out",
};

/** Under the comment box of a clause or an amendment: comments are the founding members' debate. */
export const commentNamesShown = "Your name is shown to founding members.";

/** What an amendment's page says (routes/constitution.amendments.$number.tsx). */
export const amendmentPageText = {
  unknownAction: commonWords.unknownAction,
  noDraft: "There is no draft constitution yet.",
  noSuchAmendment: "There is no such amendment.",
  notYetFoundingMember: "Amendments are open to founding members. Accept your invitation on the Founding page first.",
  supported: "Your support is recorded.",
  supportWithdrawn: "Your support is withdrawn.",
  withdrawn: "Your amendment is withdrawn.",
  commented: "Comment posted.",
  recommendationMissing: "Choose the committee's recommendation",
  recommended: "The recommendation is published.",
  metaTitle: (n: string) => `Amendment A${n} - Constitution`,
  proposed: { title: "Amendment proposed", body: "Ask other founding members to support it: share this page’s address." },
  doneBody: "The page shows the change.",
  back: (clause: string) => `Back to ${clause}`,
  heading: (n: number, kind: string) => `Amendment A${n}: ${kind}`,
  terms: { clause: "Clause", proposer: "Proposed by", status: "Status", supporters: "Supporters" },
  committeeNeedsNone: "A committee amendment needs no supporters. ",
  supportersNeeded: (have: number, needed: number) => `${have} of ${needed} needed. `,
  noSupporters: "None yet.",
  reason: "Reason",
  whatItChanges: "What it changes",
  noLongerFits: "This amendment no longer fits the text.",
  competesWith: (numbers: string) => `Competes with ${numbers}:`,
  competesExplained: " they change the same words, so the ballot will ask members to rank them against each other and “No change”.",
  changesMadeBy: (n: number) => `Changes made by amendment A${n}`,
  withOnlyThis: "The clause with only this amendment made, with line numbers",
  supportingMeans: "Supporting means you want the members to vote on it, not that you will vote for it.",
  withdrawSupport: (n: number) => `Withdraw my support for A${n}`,
  support: (n: number) => `Support A${n}`,
  withdrawMine: (n: number) => `Withdraw my amendment A${n}`,
  recommendation: {
    heading: "The drafting committee’s recommendation",
    compromise: "Compromise text",
    adviceOnly: "Advice only: the members decide (standing orders 7.11).",
    none: "No recommendation yet.",
    change: "Change the recommendation",
    publish: "Publish a recommendation",
    legend: "The committee recommends",
    compromiseLabel: "Compromise text (for a compromise)",
    compromiseHint: "The clause as the committee would accept it.",
    submit: "Publish the recommendation",
  },
  comments: (n: number) => `Comments on A${n}`,
};

/** The help pages given instead of a constitution PDF that cannot be had (routes/constitution[.]pdf.ts and the amendments book). */
export const constitutionDocumentHelp = {
  amendmentsForFounders: {
    title: "For founding members",
    body: "The amendments name the members who proposed and supported them, so only founding members can download them.",
  },
  noDraft: { title: "There is no draft yet", body: "Drafting has not started, so there are no amendments." },
  noSuchVersion: { title: "There is no such version", body: "That version of the constitution has not been adopted." },
} as const;
