/**
 * Test-only reader for Droop's text reports (jklundell/droop, `*-report.txt`), so our stage
 * totals can be compared with the reference program's, figure by figure.
 */
import { parseUnits } from "../fixed-point";

export interface DroopStage {
  /** The action line that closed the stage, e.g. "Transfer defeated: Tom LAIRD". */
  readonly action: string;
  /** Totals (units) of the candidates listed as Hopeful / Pending / Elected. */
  readonly totals: ReadonlyMap<string, number>;
  readonly nonTransferable: number;
  readonly residual: number;
}

export interface DroopReport {
  readonly quota: number;
  /** Stages in order: the first count, then each transfer (zero surpluses left out). */
  readonly stages: readonly DroopStage[];
  /** Names in the order Droop elected them. */
  readonly elected: readonly string[];
  /** "Break tie ..." lines. */
  readonly ties: readonly string[];
}

function units(text: string): number {
  const value = parseUnits(text);
  if (value === null) throw new Error(`not a 5-dp figure: ${text}`);
  return value;
}

export function parseDroopReport(text: string): DroopReport {
  const lines = text.split(/\r?\n/);
  const quotaLine = lines.find((l) => /^\s*Quota:/.test(l));
  if (!quotaLine) throw new Error("no Quota line in Droop report");
  const quota = units(quotaLine.replace(/^\s*Quota:\s*/, ""));

  const stages: DroopStage[] = [];
  const elected: string[] = [];
  const ties: string[] = [];
  // Split into blocks, one per "Action:" line.
  const blocks: { action: string; body: string[] }[] = [];
  for (const line of lines) {
    if (line.startsWith("Action: ")) blocks.push({ action: line.slice(8), body: [] });
    else if (blocks.length > 0) blocks[blocks.length - 1]!.body.push(line);
  }
  for (const { action, body } of blocks) {
    if (action.startsWith("Break tie")) ties.push(action);
    const electMatch = /^Elect(?:, transfer pending| remaining candidates): (.*)$/.exec(action);
    if (electMatch) elected.push(electMatch[1]!);
    const surplusMatch = /^Surplus transferred: .* \(([\d.]+)\)$/.exec(action);
    const closesStage = action === "Begin Count" || action.startsWith("Transfer defeated: ") || (surplusMatch !== null && units(surplusMatch[1]!) > 0);
    if (!closesStage) continue;
    const totals = new Map<string, number>();
    let nonTransferable = 0;
    let residual = 0;
    for (const line of body) {
      const standing = /^\t(?:Hopeful|Pending|Elected): +([^ ].*) \(([\d.]+)\)$/.exec(line);
      if (standing) totals.set(standing[1]!, units(standing[2]!));
      const nt = /^\tNontransferable votes: ([\d.]+)$/.exec(line);
      if (nt) nonTransferable = units(nt[1]!);
      const res = /^\tResidual: ([\d.]+)$/.exec(line);
      if (res) residual = units(res[1]!);
    }
    stages.push({ action, totals, nonTransferable, residual });
  }
  return { quota, stages, elected, ties };
}
