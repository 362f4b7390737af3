import type { DemandResponse, Phase } from "../../../db/schema";
import {
  MAX_CAMPAIGN_STATEMENT_LENGTH,
  MAX_CORRECTION_REASON_LENGTH,
  MAX_DEMAND_TEXT_LENGTH,
  MAX_DEMAND_TITLE_LENGTH,
  MAX_PARTY_NAME_LENGTH,
  MAX_WEB_ADDRESS_LENGTH,
} from "~/utils/input-limits";
import { textProblemMessages } from "~/utils/text-limit-messages";
import { verificationFailedAdvice } from "~/modules/polls/messages";
import { plural } from "~/utils/plural";
import { formatNumber } from "~/utils/numbers";
import { commonWords } from "~/components/messages";

/** The campaign's free text (campaign.manage), by field; limits from input-limits.ts. */
export const campaignTextMessages = {
  name: textProblemMessages("the movement's name", MAX_PARTY_NAME_LENGTH),
  partyName: textProblemMessages("the party's name", MAX_PARTY_NAME_LENGTH),
  statement: textProblemMessages("the statement", MAX_CAMPAIGN_STATEMENT_LENGTH),
  demandTitle: textProblemMessages("the demand's title", MAX_DEMAND_TITLE_LENGTH),
  demandBody: textProblemMessages("what the demand asks for", MAX_DEMAND_TEXT_LENGTH),
  note: textProblemMessages("the note", MAX_DEMAND_TEXT_LENGTH),
  evidenceUrl: textProblemMessages("the link to evidence", MAX_WEB_ADDRESS_LENGTH),
};

/** Wording for the campaign's phases and the party's responses, apart from the rules. */
export const responseLabels: Record<DemandResponse, string> = {
  met: "Met",
  partly_met: "Partly met",
  not_met: "Not met",
};

/**
 * The campaign's status line (status.ts chooses one from the state). What the members decided is
 * told once, when the organiser records it (decisionRecorded); the status line says where things
 * stand now.
 */
export const campaignStatusMessages = {
  running: "The campaign is running: pledges are open until the deadline.",
  deadlinePassed: "The deadline has passed and pledges are closed. The organisers will open the members' decision ballot.",
  deciding: "The deadline has passed. Pledgers are deciding together what to do next, by secret ballot.",
  decisionClosed: "The members' decision ballot has closed. The organisers will record what the members decided.",
  foundingNotYetInvited: "The members decided to leave and found a new party. The organisers will invite everyone who pledged to be a founding member.",
  foundingInviting: (invited: number) =>
    `The members decided to leave and found a new party. ${invited === 1 ? "1 person has" : `${formatNumber(invited)} people have`} been invited to be founding members.`,
  stayed: "The members decided to stay: the party met the demands. The campaign has ended.",
  joinedOther: "The members decided to leave and join another party. The campaign has ended.",
} as const;

/** Said once, when the organiser records the members' decision. */
export const decisionRecorded: Record<Exclude<Phase, "campaign" | "decision">, string> = {
  founding: "The members decided to leave and found a new party. Invite everyone who pledged on the Founding page.",
  stayed: campaignStatusMessages.stayed,
  joined_other: campaignStatusMessages.joinedOther,
};

export const manageMessages = {
  not_found: "That demand no longer exists. Reload the page.",
  after_deadline: "The deadline has passed, so this can no longer change.",
  deadline_pledged:
    "People have pledged against this deadline, so it cannot be moved to another date here. To give the party more time, use Extend the deadline below: it needs a reason, and every pledger is told. To end the campaign now, set the deadline to now or earlier.",
  before_deadline: "The party's response can be recorded only at or after the deadline.",
  no_movement: "Set up the campaign first.",
  not_campaign: "The decision ballot has already been opened.",
  decision_before_deadline: "The decision ballot can open only after the deadline has passed.",
  no_pledgers: "There are no confirmed pledges, so there is nobody to vote.",
  closes_in_past: "The closing time must be in the future.",
  no_decision: "There is no decision ballot to record.",
  not_closed: "The decision ballot has not closed yet.",
  decrypting:
    "Voting has closed. The decision is recorded once enough trustees have decrypted the ballots; the poll closer records it by itself within a minute or so of that.",
  trustee_keys_missing: "The decision ballot cannot open until every trustee named for it has made their key. The Trustees section below says how many have.",
  decision_opened: "The decision ballot has opened, so its trustees can no longer change.",
  trustees_invalid: "Name between 1 and 7 different members, or none.",
  no_winner: "The ballot did not produce a winner; see its results.",
  verification_failed: `The decision was not recorded: checking the ballot's result against its ballots failed. ${verificationFailedAdvice}`,
} as const;

const reasonMessages = textProblemMessages("the reason", MAX_CORRECTION_REASON_LENGTH);

/** Why the deadline could not be extended. */
export const extendDeadlineMessages = {
  no_movement: "Set up the campaign first.",
  decision_opened:
    "The decision ballot has opened, so the deadline can no longer change. To start again, cancel the decision ballot on its page, with a reason.",
  not_later: "The new deadline must be later than the present one, and in the future. A deadline can be extended but never brought forward",
  reason_missing: "Give the reason. It is shown on the campaign page and emailed to pledgers",
  "reason:too_long": reasonMessages.too_long,
  "reason:bad_character": reasonMessages.bad_character,
  "reason:word_too_long": reasonMessages.word_too_long,
} as const;

/** The Manage the campaign page (routes/campaign.manage.tsx): its forms, notes and answers. */
export const manageCampaignText = {
  title: "Manage the campaign",
  done: "Done",
  setUpBelow: "Set up the campaign below.",
  links: {
    publicPage: "See the public campaign page",
    importPledges: "Import pledges from a CSV file",
    exportPledges: "Export all pledges as CSV",
    exportNote: (size: string) => ` (${size}; personal data: keep it safe)`,
    foundingRoll: "The founding roll",
  },
  awaitingLink: (count: number) =>
    `${plural(count, "pledge")} (for example from an imported file) are not confirmed and have had no confirmation email. They count only once their owners confirm.`,
  sendConfirmations: "Email them a confirmation link",
  confirmationsSent: (sent: number) => `${sent} confirmation emails are on their way.`,
  settings: {
    heading: "The campaign",
    name: "Movement's name",
    partyName: "The party it is pressing",
    partyNameHint: 'As it reads in a sentence, like "the Commonwealth Party".',
    statement: "Statement",
    statementHint: (max: number) => `At most ${formatNumber(max)} characters.`,
    deadline: "Deadline (UK time)",
    deadlineHint:
      "Setting it to now or earlier ends the campaign at once (for example if the party rejects the demands early). Once anyone has pledged, it cannot be moved to another date here: use Extend the deadline below.",
    save: "Save the campaign",
    saved: "The campaign's details are saved.",
    closed: "The deadline has passed, so the campaign's details and demands can no longer change.",
    nameMissing: "Enter the movement's name",
    partyNameMissing: "Enter the party's name",
    deadlineMissing: "Enter the deadline as a date and time",
  },
  extend: {
    heading: "Extend the deadline",
    intro:
      "The deadline can be moved later, with a reason, also after it has passed, until the decision ballot opens. The campaign page shows the change and the reason, and every confirmed pledger is told by email.",
    newDeadline: "Move the deadline to (UK time)",
    reason: "Reason for extending",
    reasonHint: (max: number) => `Shown on the campaign page and in the founding record. At most ${max} characters.`,
    submit: "Extend the deadline",
    newDeadlineMissing: "Enter the new deadline as a date and time",
    extended: (deadline: string, emailed: number) => `The deadline is extended to ${deadline} (UK time). ${emailed} pledgers are being told by email.`,
  },
  demands: {
    heading: "Demands",
    title: (n: number) => `Demand ${n}: title`,
    body: (n: number) => `Demand ${n}: what it asks for`,
    save: (n: number) => `Save demand ${n}`,
    moveUp: (n: number) => `Move demand ${n} up`,
    moveDown: (n: number) => `Move demand ${n} down`,
    remove: (n: number) => `Remove demand ${n}`,
    /** The edit form's fields, as named when someone else has changed them. */
    fieldTitle: "Title",
    fieldBody: "What it asks for",
    addHeading: "Add a demand",
    newTitle: "Title of the new demand",
    newBody: "What the new demand asks for",
    add: "Add the demand",
    titleMissing: "Enter the demand's title",
    bodyMissing: "Enter what the demand asks for",
    added: "The demand is added.",
    saved: "The demand is saved.",
    removed: "The demand is removed.",
    moved: "The order is saved.",
  },
  response: {
    legend: (title: string) => `The party's response to "${title}"`,
    note: "Note",
    evidence: "Link to evidence (optional)",
    submit: "Record the response",
    missing: "Choose the party's response",
    badAddress: "Enter a web address starting with https://, or leave it blank",
    recorded: "The party's response is recorded and published.",
  },
  decision: {
    heading: "The members' decision",
    beforeDeadline: "When the deadline has passed, record the party's response to each demand, then open the decision ballot here.",
    openIntro:
      "Every confirmed pledger is put on the roll, which is then frozen, and invited by email to rank: stay, leave and join another party, or leave and found a new party.",
    closesAt: commonWords.ballotClosesAt,
    open: "Open the decision ballot",
    closesAtMissing: "Enter when the ballot closes, as a date and time",
    opened: (rollSize: number) => `The decision ballot is open. ${rollSize} pledgers are on its roll and have been emailed.`,
    ballot: "decision ballot",
    /** Sentences about the decision ballot: the words before and after its link. */
    waitingForTrustees: (closesAt: string, waiting: string) => ["The ", ` closed on ${closesAt}. ${waiting}`] as const,
    due: (closesAt: string) =>
      [
        "The ",
        ` closed on ${closesAt}. It is being counted, and the members' decision is recorded automatically within a minute or so. You can also count it and record the decision now.`,
      ] as const,
    hasClosed: ["The ", " has closed."] as const,
    isOpen: ["The ", " is open. When it closes, come back here to record the decision."] as const,
    record: "Record the members' decision",
  },
  unknownRequest: commonWords.unknownRequest,
} as const;

/** The campaign as the home page sums it up (routes/_index.tsx). */
export const campaignSummaryText = {
  demandsOn: (partyName: string) => `Demands on ${partyName}`,
  deadline: "Deadline",
  readTheDemands: "Read the demands",
} as const;
