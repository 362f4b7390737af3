import { BallotFileError } from "./errors";
import type { Ballot, CandidateIndex, Election, RankEntry } from "./types";

/**
 * The BLT ballot format (used by OpenSTV, Droop, eSTV and the Scottish council data):
 *
 *     <candidates> <seats>
 *     -3 -7                      optional: withdrawn candidates
 *     <weight> <c1> <c2> ... 0   one line per distinct ranking, most preferred first
 *     0                          end of ballots
 *     "Name 1"                   one line per candidate (quotes optional)
 *     "Title"
 *
 * Inside a quoted name, \" is a quote mark and \\ a backslash (any other backslash is itself), so
 * `Robert "Bob" Smith` is written "Robert \"Bob\" Smith". `[ron 3]` marks candidate 3 as
 * re-open nominations and `[ron none]` says there is none (see docs/counting.md).
 *
 * Also accepted, from Droop's extensions: `[tie 3 2 1]` (an order fixed by lot before the
 * count), `[nick a b c]` (short names usable in ballot lines), other `[...]` option lines
 * (ignored), `b=c` for candidates ranked equal, a `(id)` ballot label, and further lines after
 * the title (kept as notes). Every problem is reported with its line number.
 */

/** Where things were found in a BLT file, for messages about them. */
export interface BltSourceLines {
  /** The line each candidate's name is on. */
  candidates: number[];
  /** The line of the header, "<candidates> <seats>". */
  header: number;
  /** The line of the `[ron ...]` mark, if any. */
  ron: number | null;
}

export function parseBlt(text: string): Election {
  return parseBltWithLines(text).election;
}

export function parseBltWithLines(text: string): { election: Election; lines: BltSourceLines } {
  const lines = text.split(/\r\n|\n|\r/);
  let index = 0;
  const lineNumber = (): number => index + 1;
  const nextContentLine = (): string | undefined => {
    while (index < lines.length && lines[index]!.trim() === "") index++;
    return index < lines.length ? lines[index]!.trim() : undefined;
  };

  // Header.
  const header = nextContentLine();
  if (header === undefined) throw new BallotFileError(1, "the file is empty");
  const headerTokens = header.split(/\s+/);
  if (headerTokens.length !== 2 || !headerTokens.every((t) => /^\d+$/.test(t))) {
    throw new BallotFileError(lineNumber(), `the first line must be "<number of candidates> <number of seats>", found "${header}"`);
  }
  const candidateCount = Number(headerTokens[0]);
  const seats = Number(headerTokens[1]);
  if (candidateCount < 1) throw new BallotFileError(lineNumber(), "there must be at least one candidate");
  if (seats < 1) throw new BallotFileError(lineNumber(), "there must be at least one seat");
  const headerLine = lineNumber();
  index++;

  const withdrawn: CandidateIndex[] = [];
  let tieOrder: CandidateIndex[] | undefined;
  let nicknames: Map<string, CandidateIndex> | undefined;
  let ron: CandidateIndex | null | undefined;
  let ronLine: number | null = null;
  const ballots: Ballot[] = [];

  const candidateFromToken = (token: string): CandidateIndex => {
    if (/^\d+$/.test(token)) {
      const number = Number(token);
      if (number < 1 || number > candidateCount) {
        throw new BallotFileError(lineNumber(), `candidate ${token} does not exist (candidates are numbered 1 to ${candidateCount})`);
      }
      return number - 1;
    }
    const nick = nicknames?.get(token);
    if (nick !== undefined) return nick;
    throw new BallotFileError(lineNumber(), `"${token}" is not a candidate number`);
  };

  // Withdrawn candidates, options, ballots.
  let ended = false;
  while (!ended) {
    const line = nextContentLine();
    if (line === undefined) {
      throw new BallotFileError(lineNumber(), 'the file ended before the line "0" that closes the list of ballots');
    }
    if (line.startsWith("[")) {
      if (!line.endsWith("]")) throw new BallotFileError(lineNumber(), 'an option line must end with "]"');
      const [keyword, ...args] = line.slice(1, -1).trim().split(/\s+/);
      if (keyword === "nick") {
        if (args.length !== candidateCount) {
          throw new BallotFileError(lineNumber(), `[nick] must give ${candidateCount} names, one per candidate; found ${args.length}`);
        }
        nicknames = new Map(args.map((nick, i) => [nick, i]));
      } else if (keyword === "tie") {
        tieOrder = args.map(candidateFromToken);
      } else if (keyword === "ron") {
        if (args.length !== 1) {
          throw new BallotFileError(lineNumber(), '[ron] must name one candidate number, or say "none"');
        }
        ron = args[0] === "none" ? null : candidateFromToken(args[0]!);
        ronLine = lineNumber();
      }
      // Other options (e.g. Droop's [droop ...] arithmetic settings) do not apply here.
      index++;
      continue;
    }
    if (line.startsWith("-")) {
      if (ballots.length > 0) {
        throw new BallotFileError(lineNumber(), "withdrawn candidates must be listed before the ballots");
      }
      for (const token of line.split(/\s+/)) {
        if (!/^-\d+$/.test(token)) {
          throw new BallotFileError(lineNumber(), `"${token}" is not a withdrawn candidate (write it as minus the candidate number, e.g. -3)`);
        }
        withdrawn.push(candidateFromToken(token.slice(1)));
      }
      index++;
      continue;
    }
    let tokens = line.split(/\s+/);
    if (tokens.length === 1 && tokens[0] === "0") {
      ended = true;
      index++;
      break;
    }
    if (tokens[0]!.startsWith("(")) tokens = tokens.slice(1); // ballot label, e.g. (17)
    const weightToken = tokens[0] ?? "";
    if (!/^\d+$/.test(weightToken)) {
      throw new BallotFileError(lineNumber(), `a ballot line must start with a whole-number weight, found "${weightToken}"`);
    }
    const closing = tokens.indexOf("0", 1);
    if (closing < 0) throw new BallotFileError(lineNumber(), 'a ballot line must end with "0"');
    if (closing !== tokens.length - 1) {
      throw new BallotFileError(lineNumber(), 'there is text after the "0" that ends this ballot');
    }
    const seen = new Set<CandidateIndex>();
    const ranking: RankEntry[] = [];
    for (const token of tokens.slice(1, closing)) {
      const members = token.split("=").map(candidateFromToken);
      for (const c of members) {
        if (seen.has(c)) {
          throw new BallotFileError(lineNumber(), `candidate ${c + 1} is ranked twice on this ballot`);
        }
        seen.add(c);
      }
      ranking.push(members.length === 1 ? members[0]! : members);
    }
    const weight = Number(weightToken);
    if (!Number.isSafeInteger(weight)) throw new BallotFileError(lineNumber(), "the weight is too large");
    ballots.push({ ranking, weight });
    index++;
  }

  // Candidate names, then the title, then anything else as notes.
  const strings: { text: string; line: number }[] = [];
  while (nextContentLine() !== undefined) {
    for (const text of splitNameLine(lines[index]!.trim(), lineNumber())) {
      strings.push({ text, line: lineNumber() });
    }
    index++;
  }
  if (strings.length < candidateCount) {
    throw new BallotFileError(lineNumber(), `expected ${candidateCount} candidate names after the ballots, found ${strings.length}`);
  }
  const candidates = strings.slice(0, candidateCount).map((s) => s.text);
  const title = strings[candidateCount]?.text ?? "";
  const notes = strings.slice(candidateCount + 1).map((s) => s.text);

  const election: Election = {
    title,
    candidates,
    seats,
    ballots,
    withdrawn,
    ...(tieOrder ? { tieOrder } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(ron !== undefined ? { ron } : {}),
  };
  return { election, lines: { candidates: strings.slice(0, candidateCount).map((s) => s.line), header: headerLine, ron: ronLine } };
}

/**
 * A name line is either one unquoted name, or one or more "quoted" strings (Droop and OpenSTV
 * sometimes put several on one line). In a quoted string \" is a quote and \\ a backslash.
 */
function splitNameLine(line: string, lineNumber: number): string[] {
  if (!line.startsWith('"')) return [line];
  const result: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '"') {
      throw new BallotFileError(lineNumber, `unexpected text "${line.slice(i)}" after a quoted name`);
    }
    let text = "";
    let closed = false;
    for (i++; i < line.length; i++) {
      const ch = line[i]!;
      const next = line[i + 1];
      if (ch === "\\" && (next === '"' || next === "\\")) {
        text += next;
        i++;
      } else if (ch === '"') {
        closed = true;
        i++;
        break;
      } else text += ch;
    }
    if (!closed) throw new BallotFileError(lineNumber, "a quoted name has no closing quote");
    result.push(text);
    while (line[i] === " " || line[i] === "\t") i++;
  }
  return result;
}

/**
 * A name or title as a quoted BLT string: quote marks and backslashes escaped with a backslash.
 * A line break would end the name in the file, so line breaks and other control characters are
 * written as spaces (names come from one-line fields, so only a pasted oddity has one).
 */
export function quoteBltString(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else out += ch.charCodeAt(0) < 32 ? " " : ch;
  }
  return `${out}"`;
}

/**
 * Writes an election as BLT, names and title quoted and escaped. `parseBlt(writeBlt(e))` gives `e`
 * back (a line break in a name comes back as a space).
 */
export function writeBlt(election: Election): string {
  const out: string[] = [`${election.candidates.length} ${election.seats}`];
  if (election.withdrawn.length > 0) {
    out.push(election.withdrawn.map((c) => `-${c + 1}`).join(" "));
  }
  if (election.tieOrder && election.tieOrder.length > 0) {
    out.push(`[tie ${election.tieOrder.map((c) => c + 1).join(" ")}]`);
  }
  if (election.ron !== undefined) out.push(`[ron ${election.ron === null ? "none" : election.ron + 1}]`);
  for (const { ranking, weight } of election.ballots) {
    const ranks = ranking.map((entry) => (typeof entry === "number" ? String(entry + 1) : entry.map((c) => c + 1).join("=")));
    out.push([String(weight), ...ranks, "0"].join(" "));
  }
  out.push("0");
  for (const text of [...election.candidates, election.title, ...(election.notes ?? [])]) out.push(quoteBltString(text));
  return `${out.join("\n")}\n`;
}
