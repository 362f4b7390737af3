/**
 * Test-only reader for Droop's reports of its Meek and WIGM rules (jklundell/droop,
 * test/ref/report), so that every action of our count can be compared with the reference
 * program's, figure for figure: who was elected or defeated, in what order, and every
 * candidate's votes, the quota, the votes, the residual and the surplus as they stood.
 */
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
    const figure = /^\t(Quota|Votes|Residual|Total|Surplus): (-?[\d.]+)$/.exec(line);
    if (figure) current.figures.set(figure[1]!, figure[2]!);
  }
  return actions;
}
