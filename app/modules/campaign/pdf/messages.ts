/**
 * The words this domain's printed documents say, kept apart from their layout (pdf/*.tsx) so they
 * can be reviewed, and one day translated, in one place. Plain UK English.
 */
import { count, pounds, ukDate, ukDateTime, upperFirst } from "~/modules/documents/format";
import { kitMessages } from "~/modules/documents/messages";

export interface RelationCounts {
  member: number;
  former_member: number;
  supporter: number;
}

export const ultimatumMessages = {
  documentTitle: (partyName: string) => `Our demands of ${partyName}`,
  subject: (movementName: string) => `The ultimatum of ${movementName}: demands, deadline and figures`,
  keywords: ["ultimatum", "demands", "deadline", "pledges"],
  recipient: (partyName: string) => ["The General Secretary", upperFirst(partyName)],
  salutation: "Dear General Secretary,",
  introduction: (movementName: string, partyName: string, pledged: number, deadline: Date) =>
    pledged > 0
      ? `We write on behalf of the ${count(pledged)} ${pledged === 1 ? "person" : "people"} who have pledged, through ${movementName}, ` +
        `to leave ${partyName} together unless it meets the demands in this letter by ${ukDateTime(deadline)}.`
      : `We write on behalf of ${movementName}, whose supporters are pledging to leave ${partyName} together unless it meets ` +
        `the demands in this letter by ${ukDateTime(deadline)}.`,
  statementHeading: "Who we are",
  demandsHeading: "Our demands",
  deadlineHeading: "The deadline",
  deadline: (partyName: string, deadline: Date) =>
    `We ask ${partyName} to meet these demands by ${ukDateTime(deadline)} (UK time), and to tell us in writing, demand by demand, what it has decided.`,
  figuresHeading: "Who has pledged",
  figuresAsOf: (at: Date) =>
    `These figures count pledges confirmed by email and not withdrawn, on ${ukDate(at)}. They are totals only: this letter names nobody.`,
  relationCaption: "Pledges by relation to the party",
  relationColumn: "Who",
  regionCaption: "Pledges by region",
  regionColumn: "Region",
  pledgesColumn: "Pledges",
  relationLabels: (partyName: string): Record<keyof RelationCounts, string> => ({
    member: `Members of ${partyName}`,
    former_member: `Former members of ${partyName}`,
    supporter: "Supporters who are not members",
  }),
  total: "Total",
  noPledgesYet: "No pledges have been confirmed yet.",
  subscriptionsHeading: "Subscriptions at stake",
  subscriptions: (partyName: string, monthlyPence: number) =>
    monthlyPence > 0
      ? `The members who have pledged pay ${partyName} ${pounds(monthlyPence)} a month in subscriptions between them ` +
        `(${pounds(monthlyPence * 12)} a year), as they told us when pledging. These payments stop when they leave.`
      : `The members who have pledged have not yet told us what they pay in subscriptions.`,
  consequencesHeading: "If our demands are not met",
  consequences: (partyName: string, deadline: Date) => [
    `If ${partyName} has not met these demands by ${ukDateTime(deadline)}, the people who have pledged will decide together, by ballot, what happens next.`,
    `Those who are members have pledged to resign from ${partyName} together, on one agreed day, and to cancel their subscriptions. ` +
      `We are ready to found a new party from the grass roots up, in which members decide everything.`,
    `We would much rather you met our demands. We will share your reply with everyone who has pledged.`,
  ],
  closing: kitMessages.letterClosing,
  signatory: (movementName: string) => movementName,
  signatoryLines: (pledged: number) => (pledged > 0 ? [`On behalf of the ${count(pledged)} ${pledged === 1 ? "person" : "people"} who have pledged`] : []),
};
