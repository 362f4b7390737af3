import { headerText } from "~/components/messages";
import { pledgePageText } from "~/modules/pledges/pledge-page-messages";
import { manageCampaignText } from "./messages";

/** The wording of the Campaign page (routes/campaign._index.tsx); its pledge figures are worded in pledges/messages.ts. */
export const campaignPageText = {
  /** The ultimatum letter (campaign.ultimatum.pdf) asked for before the campaign is set up. */
  noLetterTitle: "There is no ultimatum letter yet",
  metaTitle: headerText.sections.campaign,
  title: headerText.sections.campaign,
  notSetUp: "The campaign has not been set up yet.",
  demandsOf: (partyName: string) => `Our demands of ${partyName}`,
  /** Before the deadline, which is shown in bold. */
  deadline: "Deadline: ",
  /** Before the organisers' reason, which follows as they wrote it. */
  extended: (from: string, to: string) => `Deadline extended from ${from} to ${to}. The organisers’ reason: `,
  decisionBallot: "The members' decision ballot",
  makePledge: pledgePageText.title,
  letter: (partyName: string) => `Download the letter to ${partyName} (PDF)`,
  manage: manageCampaignText.title,
  demands: "The demands",
  response: "The party's response:",
  evidence: "evidence",
} as const;
