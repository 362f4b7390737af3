import type { getPublication } from "../app/modules/polls/publication.server";
import type { verifyPoll } from "../app/modules/polls/verification.server";
import type { StormReport } from "./failover-storm";

export interface DrillFault {
  what: string;
  atMs: number;
  /** When the killed part answered again (an app server). */
  recoveredAtMs: number | null;
  promotedAtMs?: number;
  firstStoredAfterMs?: number;
}

/**
 * The drill's verdict: every problem in words, none when no ballot was lost or doubled. A voter
 * with a receipt must find it on the board; every voter stored once (a receipt, or "already
 * voted" after a try whose answer was lost) must be one voter marked and one ballot.
 */
export function checkDrill(input: {
  voters: number;
  report: StormReport;
  verified: Awaited<ReturnType<typeof verifyPoll>>;
  published: Awaited<ReturnType<typeof getPublication>>;
  promoted: boolean;
}): string[] {
  const problems: string[] = [];
  const { report, verified, published } = input;
  const gaveUp = report.outcomes.filter((o) => o.kind === "gave_up");
  if (gaveUp.length)
    problems.push(`${gaveUp.length} voter(s) never had their ballot stored (last error: ${gaveUp[0]!.kind === "gave_up" ? gaveUp[0]!.last : ""})`);
  if (!verified.ok) problems.push(`the poll does not verify: ${verified.problem}${verified.detail ? ` (${verified.detail})` : ""}`);
  if (!published) return [...problems, "nothing was published"];
  const board = new Set(published.publication.receipts.length ? published.publication.receipts : published.publication.pairs.map((p) => p.receipt));
  const given = report.outcomes.flatMap((o) => (o.kind === "receipt" ? [o.receipt] : []));
  const missing = given.filter((r) => !board.has(r));
  if (missing.length) problems.push(`${missing.length} receipt(s) given to voters are not on the board (lost ballots)`);
  if (new Set(given).size !== given.length) problems.push("two voters were given the same receipt");
  const stored = report.outcomes.filter((o) => o.kind !== "gave_up").length;
  if (published.ballotCount !== published.voted) problems.push(`${published.voted} voters marked but ${published.ballotCount} ballots`);
  if (published.ballotCount > stored) problems.push(`${published.ballotCount - stored} ballot(s) more than voters stored (doubled)`);
  if (published.ballotCount < stored) problems.push(`${stored - published.ballotCount} ballot(s) fewer than voters stored (lost)`);
  if (!input.promoted) problems.push("the standby is not the primary after the drill");
  return problems;
}
