/** The wording of the form that creates a poll (routes/polls.new.tsx); free-text problems are pollTextMessages in messages.ts. */
import { formatNumber } from "../../utils/numbers";
import { RON_LABEL } from "~/modules/ballots/ron";
import { commonWords } from "~/components/messages";
export const newPollText = {
  title: "Create a poll",
  intro: "The poll is saved as a draft. Nobody can vote until you open it, which also freezes its roll.",
  titleLabel: "Title",
  titleHint: (max: number) => `At most ${max} characters.`,
  descriptionLabel: "Description (optional)",
  descriptionHint: (max: number) => `At most ${formatNumber(max)} characters.`,
  methodLegend: "How do people vote?",
  optionsLabel: "Options or candidates (ranked polls)",
  optionsHint: (options: number, characters: number) =>
    `One per line, at most ${options} options of ${characters} characters each. Not used for Yes / No polls.`,
  offerRon: "Offer “Re-open nominations” on ranked ballots",
  /** The option added to a ranked ballot when it is offered. */
  ronOption: RON_LABEL,
  seatsLabel: "Seats to fill (several seats only)",
  quorumLabel: "Quorum, as a percentage of the roll (Yes / No polls)",
  quorumHint: "0 for no quorum.",
  majorityLegend: "Majority needed (Yes / No polls)",
  majorities: {
    simple: "More Yes than No",
    absolute: "More than half of all votes cast",
    "two-thirds": "Two thirds of Yes and No votes",
  },
  publicationLegend: "Publishing the ballots after close",
  publications: {
    "separate-lists": "Receipts and ballots as two separate lists (nobody can prove how they voted)",
    "receipts-with-rankings": "Each ballot beside its receipt (each voter can check their exact ballot)",
  },
  closesAtLabel: "Closes at (UK time)",
  submit: "Save as draft",
} as const;

/** What is wrong with the form, by rule. */
export const newPollProblems = {
  titleMissing: "Enter a title for the poll",
  methodMissing: "Choose how people vote",
  seatsNotWhole: "Seats must be a whole number",
  seatsTooFew: "There must be at least 1 seat",
  seatsTooMany: "There can be at most 50 seats",
  quorumOutOfRange: "Quorum must be a number from 0 to 100",
  quorumNotWhole: "Quorum must be a whole number from 0 to 100",
  majorityMissing: "Choose the majority needed",
  publicationMissing: "Choose how ballots are published",
  closesAtMissing: "Enter when the poll closes",
  optionsTooFew: "Enter at least 2 options, one per line",
  optionsRepeated: "Each option must be different",
  seatsNotFewerThanOptions: "There must be more options than seats",
  closesAtNotADate: "Enter a real date and time",
  closesAtPast: commonWords.closesInPast,
  notCreated: "The poll could not be created. Check the options and closing time.",
} as const;
