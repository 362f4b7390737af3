/** What goes on a position's ballot paper: its validly nominated candidates (11.6) and RON (11.14). */
import type { Candidacy, Position } from "./current-election.server";
import type { CandidateView } from "./types";

/** Whether a candidacy is validly nominated, and if not, why (shown to the returning officer). */
export function validity(
  c: Pick<Candidacy, "status" | "consentedAt" | "declarations">,
  position: Pick<Position, "registeredRole" | "secondersRequired">,
  secondedBy: number,
): CandidateView["problems"] {
  const problems: CandidateView["problems"] = [];
  if (c.status === "withdrawn") problems.push("withdrawn");
  if (!c.consentedAt) problems.push("no_consent");
  if (position.registeredRole && !c.declarations.registeredOfficer) problems.push("no_declaration");
  if (position.registeredRole === "treasurer" && !c.declarations.treasurerEligible) problems.push("no_eligibility");
  if (secondedBy < position.secondersRequired) problems.push("too_few_seconders");
  return problems;
}
