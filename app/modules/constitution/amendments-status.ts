/**
 * The draft's one-line account of its amendments, derived from each amendment's status every time
 * it is shown (decision 039): "with enough support to go to the vote" means something only while
 * drafting is open; after a round it is what was carried and lost that counts. Pure; the wording
 * is in messages.ts.
 */
import type { AmendmentStatus, DraftPhase } from "../../../db/schema";
import { amendmentsSummaryMessages as t } from "./messages";

export interface AmendmentState {
  status: AmendmentStatus;
  byCommittee: boolean;
  supporters: number;
}

/** The parts of the summary, in the order they are read, each a count with what it counts. */
export type SummaryPart = "ready" | "gathering" | "onBallot" | "waiting" | "carried" | "lost" | "undecided" | "withdrawn";

export function amendmentsSummaryParts(phase: DraftPhase, amendments: readonly AmendmentState[], supportersNeeded: number): [SummaryPart, number][] {
  const count = (test: (a: AmendmentState) => boolean) => amendments.filter(test).length;
  const enough = (a: AmendmentState) => a.byCommittee || a.supporters >= supportersNeeded;
  const open = (a: AmendmentState) => a.status === "open";
  const parts: [SummaryPart, number][] =
    phase === "drafting"
      ? [
          ["ready", count((a) => open(a) && enough(a))],
          ["gathering", count((a) => open(a) && !enough(a))],
        ]
      : phase === "voting"
        ? [
            ["onBallot", count((a) => open(a) && enough(a))],
            ["waiting", count((a) => open(a) && !enough(a))],
          ]
        : [["waiting", count(open)]];
  parts.push(["carried", count((a) => a.status === "carried")], ["lost", count((a) => a.status === "lost")]);
  parts.push(["undecided", count((a) => a.status === "undecided")], ["withdrawn", count((a) => a.status === "withdrawn")]);
  return parts.filter(([, n]) => n > 0);
}

/** "3 amendments: 1 carried, 1 lost, 1 withdrawn." */
export function amendmentsSummary(phase: DraftPhase, amendments: readonly AmendmentState[], supportersNeeded: number): string {
  if (amendments.length === 0) return t.none;
  const parts = amendmentsSummaryParts(phase, amendments, supportersNeeded).map(([part, n]) => t.parts[part](n));
  return `${t.total(amendments.length)}: ${parts.join(", ")}.`;
}
