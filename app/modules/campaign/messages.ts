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
    `The members decided to leave and found a new party. ${invited === 1 ? "1 person has" : `${invited.toLocaleString("en-GB")} people have`} been invited to be founding members.`,
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
