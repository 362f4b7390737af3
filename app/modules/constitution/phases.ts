/**
 * The draft's phases and the moves allowed between them, as data (standing orders 7 and 10).
 * drafting: amendments, support and recommendations; voting: a round is open; closed: the round
 * is counted, and either another round (for undecided clauses) or the adoption vote follows.
 */
import type { DraftPhase } from "../../../db/schema";

export const phaseMoves: Record<DraftPhase, readonly DraftPhase[]> = {
  drafting: ["voting"],
  voting: ["closed"],
  closed: ["voting"],
};

export function canMove(from: DraftPhase, to: DraftPhase): boolean {
  return phaseMoves[from].includes(to);
}
