/**
 * Where the standing orders vote stands, derived from its poll every time it is shown (decision
 * 039): a vote opened once is not "under way" for ever. Pure; the wording is in wording.ts.
 */
import type { PollStatus } from "../../../db/schema";
import { standingOrdersVoteMessages as t } from "./wording";

export interface StandingOrdersVoteState {
  status: PollStatus;
  closesAt: Date;
  /** Whether the counted vote adopted the standing orders; null until counted. */
  passed: boolean | null;
}

export type StandingOrdersVoteStage = "open" | "counting" | "adopted" | "not_adopted" | "cancelled";

export function standingOrdersVoteStage(vote: StandingOrdersVoteState, now: Date): StandingOrdersVoteStage {
  if (vote.status === "cancelled") return "cancelled";
  if (vote.status === "closed") return vote.passed ? "adopted" : "not_adopted";
  // A draft never lasts: the vote is opened as it is created.
  return vote.closesAt.getTime() > now.getTime() ? "open" : "counting";
}

/** The line for the founding page, and the words of the link to the vote's page after it. */
export function standingOrdersVoteStatus(vote: StandingOrdersVoteState, now: Date): { text: string; link: string; stage: StandingOrdersVoteStage } {
  const stage = standingOrdersVoteStage(vote, now);
  return { stage, ...t[stage](vote.closesAt) };
}
