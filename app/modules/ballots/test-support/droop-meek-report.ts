/**
 * Test-only reader for Droop's reports of its Meek and WIGM rules (jklundell/droop,
 * test/ref/report), so that every action of our count can be compared with the reference
 * program's, figure for figure: who was elected or defeated, in what order, and every
 * candidate's votes, the quota, the votes, the residual and the surplus as they stood.
 */
import { expect } from "vitest";
import { parseBlt } from "../blt";
import type { CandidateIndex, Election } from "../types";
import { listShared, readShared } from "./shared-ballots";

export interface DroopAction {
  /** The action line, e.g. "Elect: Castor", "Defeat (surplus 0.000000003 < omega): Pollux". */
  readonly message: string;
  readonly round: number;
  /** Each candidate listed, with their state and votes as printed. */
  readonly standings: ReadonlyMap<string, { state: string; votes: string }>;
  readonly figures: ReadonlyMap<string, string>;
}

export function parseDroopActions(text: string): DroopAction[] {
  const actions: { message: string; round: number; standings: Map<string, { state: string; votes: string }>; figures: Map<string, string> }[] = [];
  let round = 0;
  for (const line of text.split(/\r?\n/)) {
    const roundLine = /^Round (\d+):$/.exec(line);
    if (roundLine) {
      round = Number(roundLine[1]);
      continue;
    }
    if (line.startsWith("Action: ")) {
      actions.push({ message: line.slice(8), round, standings: new Map(), figures: new Map() });
      continue;
    }
    const current = actions[actions.length - 1];
    if (!current) continue;
    const standing = /^\t(Elected|Hopeful|Defeated|Pending): +(\S.*) \((-?[\d.]+)\)$/.exec(line);
    if (standing) {
      // Candidates defeated with no votes left are listed together: "Defeated: A, B (0.000000000)".
      const names = standing[1] === "Defeated" && /^-?0\.0+$/.test(standing[3]!) ? standing[2]!.split(", ") : [standing[2]!];
      for (const name of names) current.standings.set(name, { state: standing[1]!.toLowerCase(), votes: standing[3]! });
      continue;
    }
    const figure = /^\t(Quota|Votes|Residual|Total|Surplus|Elected votes|Pending votes|Hopeful votes|Defeated votes|Nontransferable votes): (-?[\d.]+)$/.exec(
      line,
    );
    if (figure) current.figures.set(figure[1]!, figure[2]!);
  }
  return actions;
}

/** One of Droop's reference cases for a rule: its ballot file read, and its report's actions. */
export interface DroopCase {
  readonly blt: string;
  readonly election: Election;
  readonly droop: readonly DroopAction[];
  /** The report's whole text (for its header lines). */
  readonly text: string;
  /** How Droop breaks ties: the file's `[tie]` order, or else ballot order. */
  readonly tieOrder: readonly CandidateIndex[];
}

/** Every reference case whose report ends in this suffix (e.g. "-meek-prf-o6-fixed-p9-d9.txt"). */
export function droopCases(suffix: string): DroopCase[] {
  return listShared("droop-testsuite/expected", suffix).map((file) => {
    const blt = file.replace(suffix, ".blt");
    const election = parseBlt(readShared("droop-testsuite", "blt", blt));
    const text = readShared("droop-testsuite", "expected", file);
    return { blt, election, droop: parseDroopActions(text), text, tieOrder: election.tieOrder ?? election.candidates.map((_, i) => i) };
  });
}

/**
 * Checks every candidate Droop lists at an action against ours (state and votes as printed);
 * answers how many it checked, so a test can tell that it compared anything.
 */
export function expectSameStandings<T>(
  expected: DroopAction,
  ours: readonly { candidate: CandidateIndex; state: string; votes: T }[],
  election: Election,
  format: (value: T) => string,
  where: string,
): number {
  for (const [name, standing] of expected.standings) {
    const s = ours.find((x) => election.candidates[x.candidate] === name);
    expect({ name, state: s?.state, votes: s ? format(s.votes) : null }, where).toEqual({ name, ...standing });
  }
  return expected.standings.size;
}

interface ActionLike {
  readonly kind: string;
  readonly candidate?: CandidateIndex;
  readonly tied?: readonly CandidateIndex[];
}

/**
 * Our action as Droop words it: the words every rule shares, and the rule's own (`own`, by kind,
 * given the candidate's name and the tied candidates' names).
 */
export function droopMessage<A extends ActionLike>(
  election: Election,
  action: A,
  own: Partial<Record<string, (name: string, action: A, tied: string) => string>>,
): string {
  const name = election.candidates[action.candidate ?? -1] ?? "?";
  const tied = (action.tied ?? []).map((c) => election.candidates[c] ?? "?").join(", ");
  const shared: Record<string, () => string> = {
    begin: () => "Begin Count",
    "elect-remaining": () => `Elect remaining: ${name}`,
    "defeat-remaining": () => `Defeat remaining: ${name}`,
    complete: () => "Count Complete",
  };
  const wording = own[action.kind];
  if (wording) return wording(name, action, tied);
  return shared[action.kind]?.() ?? `unknown action ${action.kind}`;
}

/** The figures Droop's Meek rules print after every action: quota, votes, residual, their total, surplus. */
export function expectMeekFigures(
  expected: DroopAction,
  ours: { quota: bigint; votes: bigint; residual: bigint; surplus: bigint },
  format: (units: bigint) => string,
  where: string,
): void {
  const figures: Record<string, bigint> = {
    Quota: ours.quota,
    Votes: ours.votes,
    Residual: ours.residual,
    Total: ours.votes + ours.residual,
    Surplus: ours.surplus,
  };
  for (const [label, value] of expected.figures) expect(`${label}: ${format(figures[label]!)}`, where).toBe(`${label}: ${value}`);
}
