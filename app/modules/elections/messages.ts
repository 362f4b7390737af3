/** Wording for the elections pages, kept out of the rules so it can be translated. */
import { commonWords } from "~/components/messages";
import { verificationFailedAdvice } from "~/modules/polls/messages";
import type { CandidateView, ElectionProblem } from "./types";
import { electionTextFields, type ElectionTextField, type ElectionTextProblem } from "./text-fields";
import { textProblemMessages, words } from "~/utils/text-limit-messages";
import type { TextProblem } from "~/utils/text-limits";
import { nomineeIsReturningOfficer, takingPartRefusal } from "~/modules/roles/messages";
import { plural } from "~/utils/plural";
import { foundingRollWords } from "~/modules/founding/wording";

/** Each free-text field as a sentence names it. */
const textSubjects: Record<ElectionTextField, string> = {
  electionTitle: "the election's title",
  positionTitle: "the position's title",
  eligibility: "who may stand",
  statement: "your statement",
  question: "your question",
  answer: "your answer",
  reason: "the reason",
};

const textMessages = Object.fromEntries(
  (Object.keys(textSubjects) as ElectionTextField[]).flatMap((field) => {
    const messages = textProblemMessages(textSubjects[field], electionTextFields[field].max);
    return (Object.keys(messages) as TextProblem[]).map((problem) => [`${field}:${problem}`, messages[problem]]);
  }),
) as Record<ElectionTextProblem, string>;

export const electionProblemMessages: Record<ElectionProblem, string> = {
  ...textMessages,
  no_election: "No election has been set up yet.",
  election_exists: "An election is already under way.",
  period_invalid: "Nominations must close after they open",
  period_too_short: "The standing orders need a longer period: choose a later closing time",
  seats_invalid: "Enter a whole number from 1 to 50",
  title_missing: "Enter a title",
  not_founding_member: foundingRollWords.membersOnly,
  nominations_closed: "Nominations are not open.",
  not_found: "That candidate or position does not exist.",
  consent_missing: "Confirm that you agree to stand",
  declaration_missing: "Confirm the declaration for a registered officer",
  eligibility_missing: "Confirm that you are eligible to be treasurer",
  // The limit is the standing orders' figure: statementTooLong(max) says it.
  statement_too_long: "Your statement is longer than the standing orders allow",
  already_standing_for_office:
    "You are already standing for another registered office. Nobody may hold more than one (standing orders 11.3); withdraw from that one first.",
  already_holds_office: "You already hold a registered office. Nobody may hold more than one (standing orders 11.3).",
  own_candidacy: "You cannot second your own nomination, or one you made.",
  not_candidate: "Only the candidate can do this.",
  question_empty: "Enter your question",
  answer_empty: "Enter your answer",
  wrong_phase: "That cannot be done at this stage of the election.",
  reason_missing: "Give the reason for closing before the closing time",
  trustee_keys_missing: "The ballots cannot open until every trustee of the election has made their key. The Trustees part of this page says who is still to.",
  decrypting: "Voting has closed. The ballots will be counted once enough trustees have decrypted them: this page says how many have.",
  no_founding_members: foundingRollWords.empty,
  closes_in_past: commonWords.closesInPast,
  not_counted: "The ballot has not been counted yet.",
  already_declared: "This result has already been declared.",
  self_nomination: "You cannot nominate yourself this way. To stand, use the form to stand for this position.",
  nominee_missing: "Choose the founding member you are nominating",
  nominee_not_on_roll: "Only founding members on the roll can be nominated.",
  already_nominated: "They have already been nominated for this position, or have stood for it or declined it. Nobody may nominate them for it again.",
  no_nomination: "There is no nomination waiting for your answer here.",
  nomination_pending: "They have not accepted their nomination yet.",
  verification_failed: `Checking this result against its ballots failed. ${verificationFailedAdvice}`,
  returning_officer_takes_no_part: takingPartRefusal("runs_the_election"),
  nominee_is_returning_officer: nomineeIsReturningOfficer,
  not_declared: "The result has not been declared yet.",
  nothing_vacant: "There are no vacant seats to re-open nominations for.",
  not_all_declared: "Declare every result first: the vacant seats are known once each result is declared.",
  ballots_unsealed: "The stored ballots do not match the seal on them, so they cannot be recounted. Ask the technical team to check them.",
};

export const candidateProblemLabels: Record<CandidateView["problems"][number], string> = {
  no_consent: "has not agreed to stand",
  no_declaration: "has not made the registered officer's declaration",
  no_eligibility: "has not declared eligibility to be treasurer",
  too_few_seconders: "does not have enough seconders",
  withdrawn: "has withdrawn",
};

export const phaseLabels = {
  nominations: "Nominations",
  ballot: "Voting",
  counted: "Counted",
} as const;

/** The refusal of a nomination period shorter than the standing orders allow. */
export function periodTooShortMessage(days: number): string {
  return `Nominations must stay open for at least ${plural(days, "day")}, as the standing orders set`;
}

/** Why a position's seats are vacant, for the list of vacant seats. */
export const vacancyWhy = {
  no_ballot: "Nobody was validly nominated, so there was no ballot.",
  ron_or_too_few: "Re-open nominations won, or there were fewer candidates than seats.",
} as const;

/** The interim committee's title, with its number of seats ("1 seat", "7 seats"). */
export const committeeTitle = (seats: number) => `Interim committee (${seats} ${seats === 1 ? "seat" : "seats"})`;

/** A candidate's statement over the standing orders' limit (`candidate_statement_max_words`). */
export const statementTooLong = (maxWords: number) => `Your statement must be ${words(maxWords)} or fewer`;

/** The statement box's label, with the standing orders' limit. */
export const statementLabel = (maxWords: number) => `Your statement (up to ${words(maxWords)})`;

/** What the position page says, and says once something is done there (routes/elections.positions.$positionId.tsx). */
export const positionPageText = {
  metaTitle: (title: string | undefined) => `${title ?? "Position"} - Elections`,
  notFound: "There is no such position.",
  unknownAction: commonWords.unknownAction,
  recorded: commonWords.recorded,
  allPositions: "All positions",
  lead: (seats: number, method: string, role: string | null, seconders: number) =>
    `${seats} ${seats === 1 ? "seat" : "seats"}, counted by ${method}. ${role ? `A registered officer: the ${role}'s name goes on the Electoral Commission's public register.` : ""} Each candidate needs ${plural(seconders, "seconder")} besides their nominator. `,
  candidates: "Candidates",
  nobodyStanding: "Nobody is standing yet.",
  recountConfirmed: "The recount confirmed the result. The declaration stands.",
  recountCorrected: (elected: string[]) =>
    `The recount differs from the declared result: the declaration is corrected. Elected: ${elected.join(", ") || "nobody"}.`,
  declared: (elected: string[], ronSeats: number) =>
    `The result is declared: ${elected.join(", ") || "nobody"} elected.${ronSeats > 0 ? ` Re-open nominations won ${ronSeats === 1 ? "a seat, which stays" : `${ronSeats} seats, which stay`} empty until nominations re-open.` : ""}`,
  standing: "You are standing. You need seconders: share this page with founding members who support you.",
  accepted:
    "You have accepted the nomination and are standing. You need seconders besides your nominator: share this page with founding members who support you.",
  declined: "You have declined the nomination.",
  nominated: (nomineeName: string) => `You have nominated ${nomineeName}. They are emailed and asked to accept; until they do, they are not a candidate.`,
  seconded: "Your seconding is recorded.",
  secondingWithdrawn: "Your seconding is withdrawn.",
  withdrawn: "You have withdrawn.",
  asked: "Your question is posted.",
  answered: "Your answer is posted.",
  verified: (ballots: string) => `Verified: ${ballots} on an unbroken chain, and a fresh count gives the same result.`,
  verificationFailed: (problem: string) => `This result failed its check. ${problem}`,
};

/** What the Elections page says, mostly to those who run the election (routes/elections._index.tsx). */
export const electionsPageText = {
  metaTitle: "Elections",
  title: "Elections",
  recorded: commonWords.recorded,
  unknownAction: commonWords.unknownAction,
  titleMissing: "Enter a title for the election",
  opensAtMissing: "Enter when nominations open",
  closesAtMissing: "Enter when nominations close",
  committeeSeats: "Enter a whole number from 0 to 50",
  positionTitleMissing: "Enter the position's title",
  seats: "Enter a whole number of seats from 1 to 50",
  seconders: "Enter a whole number of seconders from 0 to 50",
  ballotClosesAtMissing: "Enter when the ballot closes",
  created: "The election is set up and nominations are scheduled.",
  positionAdded: "The position is added.",
  reopened: (titles: string[], closesAt: string) =>
    `Nominations are re-opened for ${titles.join(", ")}. Founding members can stand and nominate until ${closesAt} (UK time).`,
  ballotsOpened: (opened: string[], roll: string, reopened: string[]) =>
    `Ballots are open for ${opened.join(", ") || "no position"}, with ${roll} on the roll.${reopened.length ? ` Nobody was validly nominated for ${reopened.join(", ")}: nominations for it re-open.` : ""}`,
  counted: "Every ballot is closed and counted. Declare each result from its position's page.",
};
