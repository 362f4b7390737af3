/**
 * The campaign's status line, derived from the state every time it is shown (decision 039): the
 * phase alone cannot tell a campaign before its deadline from one after it, nor a founding phase
 * whose invitations are out from one where none has been sent. Pure; the wording is in messages.ts.
 */
import type { Phase, PollStatus } from "../../../db/schema";
import { campaignStatusMessages as t } from "./messages";

export interface CampaignState {
  phase: Phase;
  deadline: Date;
  /** The members' decision ballot, once it has been opened. */
  decision: { status: PollStatus; closesAt: Date } | null;
  /** Founding invitations standing: sent and not withdrawn. */
  invited: number;
}

export function campaignStatus(state: CampaignState, now: Date): string {
  switch (state.phase) {
    case "campaign":
      return state.deadline.getTime() > now.getTime() ? t.running : t.deadlinePassed;
    case "decision": {
      const d = state.decision;
      if (d && d.status === "open" && d.closesAt.getTime() > now.getTime()) return t.deciding;
      return t.decisionClosed;
    }
    case "founding":
      return state.invited > 0 ? t.foundingInviting(state.invited) : t.foundingNotYetInvited;
    case "stayed":
      return t.stayed;
    case "joined_other":
      return t.joinedOther;
  }
}

/** Pledges are taken while the campaign runs and its deadline is still ahead (none before a campaign is set up). */
export function pledgesOpen(m: { phase: Phase; deadline: Date } | null, now: Date): boolean {
  return m !== null && m.phase === "campaign" && m.deadline.getTime() > now.getTime();
}
