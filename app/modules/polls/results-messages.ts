/**
 * The wording of a closed poll's result (components/poll-results.tsx) and of its chart of the
 * stages (components/stage-chart.tsx), on the poll page and an election's position page.
 */
import { noun, plural } from "~/utils/plural";
import { NOBODY_ELECTED } from "~/modules/ballots/messages";

export const pollResultsText = {
  heading: "Result",
  yesNo: {
    chart: "Votes cast",
    tookPart: "Took part",
    turnout: (turnout: string, roll: string, quorum: string) => `${turnout} of ${roll} on the roll (quorum: ${quorum})`,
    majorityNeeded: "Majority needed",
    yesNeeded: (majority: string, yes: string) => `${majority}: ${yes} Yes with these votes`,
  },
  winners: {
    elected: "Elected, in order",
    chosen: "Chosen",
    chosenInOrder: "Chosen, in order",
    nobodyElected: NOBODY_ELECTED,
    nothingChosen: "Nothing was chosen.",
    /** After a winner's name: why they won, and at which stage when the count has stages. */
    note: (reason: string, stage?: number) => ` — ${reason}${stage ? ` at stage ${stage}` : ""}`,
    vacant: (seats: number) => `Seats left vacant: ${seats}.`,
    ties: "Ties",
  },
  ranked: {
    summary: (valid: number, quota: string | null, seats: number, election: boolean) =>
      `${plural(valid, "valid ballot")}${quota !== null ? `, quota ${quota}` : ""}, ${plural(seats, election ? "seat" : "place")}.`,
    firstPreferences: "First preferences",
    finalStage: (stage: number) => `Final stage (${stage})`,
    quotaMarker: "quota",
    votesMoved: "How the votes moved",
  },
  schulze: {
    fullRanking: "Full ranking",
    /** Options tied for one place. */
    tiedPlace: (options: readonly string[]) => options.join(" and "),
  },
};

export const stageChartText = {
  /** The chart's description for a screen reader: the stages, then each candidate's path. */
  label: (stages: number, quota: string | null, summary: string) =>
    `How the votes moved over ${stages} ${noun(stages, "stage")}${quota !== null ? `, quota ${quota}` : ""}. ${summary}.`,
  firstStage: (candidate: string, votes: string) => `${candidate}: ${votes} at stage 1`,
  lastStage: (votes: string, stage: number) => `, ${votes} at stage ${stage}`,
  excludedAt: (stage: number) => `, excluded at stage ${stage}`,
  electedAt: (stage: number) => `, elected at stage ${stage}`,
  candidateSeparator: "; ",
  axis: "Stage",
  quota: "quota",
  legendElected: (stage: number) => ` elected at stage ${stage}`,
  legendExcluded: (stage: number) => ` excluded at stage ${stage}`,
  legendQuota: (quota: string) => `Quota: ${quota} ${noun(quota, "vote")}`,
  legendMajority: "Votes needed for a majority at each stage",
  caption: "Each candidate's votes at the end of each stage. The table below gives the exact figures.",
};
