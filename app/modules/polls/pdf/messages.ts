/**
 * The words this domain's printed documents say, kept apart from their layout (pdf/*.tsx) so they
 * can be reviewed, and one day translated, in one place. Plain UK English.
 */
import { ukDateTime } from "~/modules/documents/format";
import { NOBODY_ELECTED } from "~/modules/ballots/messages";

/** Who signs a count sheet or a declaration when nobody holds the role of returning officer. */
export const unnamedReturningOfficer = "The returning officer";

/** The count sheet a returning officer signs (count-sheet.tsx). */
export const countSheetMessages = {
  pdfTitle: (title: string) => `Count sheet: ${title}`,
  subject: (title: string) => `The count of ${title}, stage by stage, as the returning officer certifies it`,
  keywords: ["count sheet", "stages", "transfers", "single transferable vote", "returning officer"],
  method: "Counted by",
  seats: "Seats",
  valid: "Valid papers",
  closed: "Voting closed",
  date: (at: Date) => ukDateTime(at),
  howToRead: (places: number) =>
    `Each stage shows, for every candidate, the change during the stage (+/-) and the total at its end${places > 0 ? `, to ${places} decimal places` : ""}. The totals row adds every column back to the valid papers.`,
  electedHeading: "Elected, in order of election",
  nobodyElected: NOBODY_ELECTED,
  tiesHeading: "How ties were decided",
  checkHeading: "Checking this count",
  check: (pollUrl: string, methodName: string, seed: string) =>
    `The published ballots and the ballot file (BLT) are at ${pollUrl}. Anyone can count them again by the same rules (${methodName}) and should reach this sheet figure for figure; any tie the rules leave to chance is settled by the lot drawn from the seed fixed before voting: ${seed}.`,
  certify: "I certify that this is a true record of the count.",
  role: "Returning officer",
  dated: "Date",
};
