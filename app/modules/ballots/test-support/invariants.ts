/**
 * Test-only checks that every ranked count must satisfy, whatever the ballots. Used by the
 * property tests and for the real wards that have no published answer here.
 */
import { UNITS_PER_VOTE } from "../fixed-point";
import type { RankedCountReport } from "../types";

/** Report figures are exact 5-dp decimals; this recovers the integer units. */
export function toUnits(votes: number): number {
  return Math.round(votes * UNITS_PER_VOTE);
}

/** Returns a list of broken invariants (empty when all hold). */
export function rankedInvariantProblems(report: RankedCountReport): string[] {
  const problems: string[] = [];
  const valid = report.ballots.valid * UNITS_PER_VOTE;
  const quota = report.quota === null ? null : toUnits(report.quota);
  if (report.method === "scottish-stv" || report.method === "irv-scottish") {
    const expected = (Math.floor(report.ballots.valid / (report.seats + 1)) + 1) * UNITS_PER_VOTE;
    if (quota !== expected) problems.push(`quota ${quota} is not the Droop quota ${expected}`);
  }
  if (report.ballots.cast !== report.ballots.valid + report.ballots.empty) {
    problems.push("cast != valid + empty");
  }
  let previousNt = 0;
  let previousLoss = 0;
  const excludedSoFar = new Set<string>();
  const electedSoFar = new Set<string>();
  report.stages.forEach((stage, i) => {
    const label = `stage ${stage.stage}`;
    if (stage.stage !== i + 1) problems.push(`${label} is numbered out of order`);
    const held = stage.totals.reduce((sum, t) => sum + toUnits(t.votes), 0);
    const nt = toUnits(stage.nonTransferable);
    const loss = toUnits(stage.lossOfFractions);
    // Conservation: every valid vote is with a candidate, non-transferable, or lost to truncation.
    if (held + nt + loss !== valid) {
      problems.push(`${label}: held ${held} + non-transferable ${nt} + loss ${loss} != valid ${valid}`);
    }
    if (nt < previousNt) problems.push(`${label}: non-transferable went down`);
    if (loss < previousLoss) problems.push(`${label}: loss of fractions went down`);
    const electedHere = new Set(stage.elected.map((e) => e.candidate));
    const continuing = stage.totals.filter((t) => t.status === "continuing" || electedHere.has(t.candidate)).reduce((sum, t) => sum + toUnits(t.votes), 0);
    if (continuing !== toUnits(stage.continuingVotes)) problems.push(`${label}: continuingVotes wrong`);
    for (const t of stage.totals) {
      if (t.votes < 0) problems.push(`${label}: ${t.candidate} has a negative total`);
      if (t.status === "excluded" && t.votes !== 0) problems.push(`${label}: excluded ${t.candidate} still holds votes`);
      if (excludedSoFar.has(t.candidate) && t.status !== "excluded") problems.push(`${label}: ${t.candidate} came back`);
      if (electedSoFar.has(t.candidate) && t.status !== "elected") problems.push(`${label}: ${t.candidate} lost election`);
    }
    for (const name of stage.excluded) excludedSoFar.add(name);
    for (const e of stage.elected) electedSoFar.add(e.candidate);
    // Transfers: the moved votes add up, and no paper gains value.
    const movedUnits = stage.transfers.reduce((sum, t) => sum + toUnits(t.votes), 0);
    for (const t of stage.transfers) {
      if (t.value > 1) problems.push(`${label}: a paper is worth more than one vote`);
      if (toUnits(t.votes) !== t.papers * toUnits(t.value)) problems.push(`${label}: transfer row does not multiply out`);
    }
    const action = stage.action;
    if (action.kind === "surplus") {
      const lossDelta = loss - previousLoss;
      if (movedUnits + lossDelta !== toUnits(action.surplus)) {
        problems.push(`${label}: surplus ${action.surplus} != moved ${movedUnits} + loss ${lossDelta}`);
      }
      if (quota !== null && toUnits(stage.totals.find((t) => t.candidate === action.candidate)!.votes) !== quota) {
        problems.push(`${label}: ${action.candidate} does not keep exactly the quota`);
      }
    }
    if (action.kind === "exclusion" && movedUnits !== toUnits(action.total)) {
      problems.push(`${label}: excluded total ${action.total} != moved ${movedUnits}`);
    }
    // Every candidate elected on the quota has it.
    for (const e of stage.elected) {
      const votes = toUnits(stage.totals.find((t) => t.candidate === e.candidate)!.votes);
      if (e.reason === "quota" && quota !== null && votes < quota) problems.push(`${label}: ${e.candidate} elected below quota`);
    }
    previousNt = nt;
    previousLoss = loss;
  });
  const candidatesAvailable = report.candidates.length - report.withdrawn.length;
  const expectedWinners = Math.min(report.seats, candidatesAvailable);
  if (report.winners.length !== expectedWinners) {
    problems.push(`${report.winners.length} elected for ${report.seats} seats`);
  }
  if (new Set(report.elected).size !== report.elected.length) problems.push("someone was elected twice");
  return problems;
}
