/**
 * A poll's status lines, derived from its state each time they are shown (decision 039): when it
 * closes or closed (a poll closed early closed then, not at the time it was set to close), and how
 * many on its roll have voted (never "0" to someone who has just voted). Pure; wording in messages.ts.
 */
import type { PollStatus } from "../../../db/schema";
import { pollStatusMessages as t } from "./messages";

export interface PollTimes {
  status: PollStatus;
  closesAt: Date;
  closedAt: Date | null;
  cancelledAt: Date | null;
}

export type PollTimeStage = "draft" | "open" | "counting" | "decrypting" | "closed" | "closed_early" | "cancelled";

export function pollTimeStage(p: PollTimes, now: Date): PollTimeStage {
  switch (p.status) {
    case "draft":
      return "draft";
    case "open":
      return p.closesAt.getTime() > now.getTime() ? "open" : "counting";
    case "decrypting":
      return "decrypting";
    case "closed":
      return p.closedAt && p.closedAt.getTime() < p.closesAt.getTime() ? "closed_early" : "closed";
    case "cancelled":
      return "cancelled";
  }
}

/** "Closes on …", "Closed early on …, before …", "Cancelled on …". */
export function pollTimeLine(p: PollTimes, now: Date): string {
  const stage = pollTimeStage(p, now);
  switch (stage) {
    case "closed":
    case "closed_early":
    case "decrypting":
      return t.time[stage](p.closedAt ?? p.closesAt, p.closesAt);
    case "cancelled":
      return t.time.cancelled(p.cancelledAt ?? p.closesAt, p.closesAt);
    default:
      return t.time[stage](p.closesAt);
  }
}

export interface PollTurnout {
  status: PollStatus;
  rollSize: number;
  /** Ballots cast as counted when the page was read. */
  voters: number;
  /** The reader has voted (the page knows it, or has just shown them their receipt). */
  youVoted: boolean;
}

/** "12 people on the roll; 3 have voted, you among them." */
export function pollTurnoutLine(p: PollTurnout): string {
  if (p.status === "draft") return t.turnout.draft;
  // The reader's own ballot is in, whatever an older count said.
  const voters = p.youVoted ? Math.max(p.voters, 1) : p.voters;
  const roll = t.turnout.roll(p.rollSize);
  if (p.status === "cancelled") return `${roll}.`;
  const voted = p.status === "closed" || p.status === "decrypting" ? t.turnout.voted(voters) : t.turnout.haveVoted(voters);
  return `${roll}; ${voted}${p.youVoted ? t.turnout.youAmongThem : ""}.`;
}
