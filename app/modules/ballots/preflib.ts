import { BallotFileError } from "./errors";
import type { Ballot, CandidateIndex, Election, RankEntry } from "./types";

/**
 * PrefLib ordinal data: `.soi` (strict orders, incomplete), `.toi` (orders with ties,
 * incomplete), and their complete variants `.soc` / `.toc`.
 *
 *     # NUMBER ALTERNATIVES: 6
 *     # ALTERNATIVE NAME 1: Bob Kiss
 *     ...
 *     840: 5
 *     355: 1,2
 *     1: {1,6},5,2,4,3
 *
 * Each data line is `<count>: <ranking>`; `{a,b}` are alternatives ranked equal. The ties are
 * kept in the parsed ballots: Schulze uses them natively, while STV and IRV stop reading a
 * ballot at the first tie (see `prepareStrictBallots` in group.ts). The pre-2022 PrefLib layout
 * (a count of alternatives, `i,name` lines, a totals line, then `count,ranking` lines) is
 * accepted too. PrefLib files carry no number of seats: it is 1 unless the count says otherwise.
 */

export type PreflibDataType = "soi" | "toi" | "soc" | "toc";

export function parsePreflib(text: string, dataType?: PreflibDataType): Election {
  const lines = text.split(/\r\n|\n|\r/);
  const firstContent = lines.find((line) => line.trim() !== "")?.trim() ?? "";
  return /^\d+$/.test(firstContent) ? parseLegacy(lines, dataType) : parseModern(lines, dataType);
}

function parseModern(lines: readonly string[], dataType?: PreflibDataType): Election {
  const names = new Map<number, string>();
  let declaredAlternatives: number | undefined;
  let title = "";
  let type = dataType;
  const dataLines: { text: string; line: number }[] = [];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    if (!line.startsWith("#")) {
      dataLines.push({ text: line, line: i + 1 });
      return;
    }
    // "# KEY: value", read by position rather than a pattern that could backtrack.
    const colon = line.indexOf(":");
    if (colon < 2) return;
    const key = line.slice(1, colon).trim().toUpperCase();
    const value = line.slice(colon + 1).trim();
    const alternative = /^ALTERNATIVE NAME (\d+)$/.exec(key);
    if (alternative) names.set(Number(alternative[1]), value);
    else if (key === "NUMBER ALTERNATIVES") declaredAlternatives = Number(value);
    else if (key === "TITLE") title = value;
    else if (key === "DATA TYPE" && !type && /^(soi|toi|soc|toc)$/.test(value)) {
      type = value as PreflibDataType;
    }
  });
  const count = declaredAlternatives ?? Math.max(0, ...names.keys());
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new BallotFileError(1, 'no "# NUMBER ALTERNATIVES" or "# ALTERNATIVE NAME" header found');
  }
  const candidates: string[] = [];
  for (let i = 1; i <= count; i++) candidates.push(names.get(i) ?? `Alternative ${i}`);
  const ballots = dataLines.map(({ text, line }) => {
    const match = /^(\d+)\s*:\s*(\S.*)?$/.exec(text);
    if (!match) {
      throw new BallotFileError(line, `expected "<count>: <ranking>", found "${text}"`);
    }
    return parseRanking(match[1]!, match[2] ?? "", count, line, type);
  });
  return { title, candidates, seats: 1, ballots, withdrawn: [] };
}

function parseLegacy(lines: readonly string[], dataType?: PreflibDataType): Election {
  let index = 0;
  const next = (): { text: string; line: number } | undefined => {
    while (index < lines.length && lines[index]!.trim() === "") index++;
    if (index >= lines.length) return undefined;
    const result = { text: lines[index]!.trim(), line: index + 1 };
    index++;
    return result;
  };
  const header = next()!;
  const count = Number(header.text);
  if (count < 1) throw new BallotFileError(header.line, "there must be at least one alternative");
  const candidates: string[] = [];
  for (let i = 1; i <= count; i++) {
    const entry = next();
    const match = entry && /^(\d+)\s*,\s*(\S.*)?$/.exec(entry.text);
    if (!entry || !match || Number(match[1]) !== i) {
      throw new BallotFileError(entry?.line ?? lines.length, `expected "${i},<name of alternative ${i}>"`);
    }
    candidates.push((match[2] ?? "").trim());
  }
  const totals = next();
  if (!totals || !/^\d+\s*,\s*\d+\s*,\s*\d+$/.test(totals.text)) {
    throw new BallotFileError(totals?.line ?? lines.length, 'expected "<voters>,<sum of counts>,<distinct orders>"');
  }
  const ballots: Ballot[] = [];
  for (let entry = next(); entry; entry = next()) {
    const match = /^(\d+)\s*,\s*(\S.*)?$/.exec(entry.text);
    if (!match) throw new BallotFileError(entry.line, `expected "<count>,<ranking>", found "${entry.text}"`);
    ballots.push(parseRanking(match[1]!, match[2] ?? "", count, entry.line, dataType));
  }
  return { title: "", candidates, seats: 1, ballots, withdrawn: [] };
}

function parseRanking(countText: string, rankingText: string, alternatives: number, line: number, type: PreflibDataType | undefined): Ballot {
  const weight = Number(countText);
  if (!Number.isSafeInteger(weight)) throw new BallotFileError(line, "the count is too large");
  const ranking: RankEntry[] = [];
  const seen = new Set<CandidateIndex>();
  const candidate = (token: string): CandidateIndex => {
    const text = token.trim();
    if (!/^\d+$/.test(text)) throw new BallotFileError(line, `"${text}" is not an alternative number`);
    const number = Number(text);
    if (number < 1 || number > alternatives) {
      throw new BallotFileError(line, `alternative ${number} does not exist (alternatives are numbered 1 to ${alternatives})`);
    }
    const c = number - 1;
    if (seen.has(c)) throw new BallotFileError(line, `alternative ${number} is ranked twice`);
    seen.add(c);
    return c;
  };
  // Tokens are single numbers or {a,b,...} groups, separated by commas. Read by position, one
  // pass, rather than by a pattern whose parts could match the same spaces.
  let position = 0;
  const text = rankingText.trim();
  const isSpace = (at: number) => at < text.length && text.charAt(at).trim() === "";
  while (position < text.length) {
    const unreadable = () => new BallotFileError(line, `cannot read the ranking "${text}" near "${text.slice(position)}"`);
    let start = position;
    while (isSpace(start)) start++;
    let end = start;
    if (text.charAt(start) === "{") {
      const close = text.indexOf("}", start);
      if (close === -1) throw unreadable();
      end = close + 1;
    } else {
      while (end < text.length && !",{}".includes(text.charAt(end))) end++;
      if (end === start) throw unreadable();
    }
    let after = end;
    while (isSpace(after)) after++;
    if (after < text.length && text.charAt(after) !== ",") throw unreadable();
    const token = text.slice(start, end);
    position = after < text.length ? after + 1 : after;
    if (token.startsWith("{")) {
      const inner = token.slice(1, -1).trim();
      if (inner === "") continue;
      const members = inner.split(",").map(candidate);
      if (members.length > 1 && (type === "soi" || type === "soc")) {
        throw new BallotFileError(line, `ties like ${token} are not allowed in .${type} data`);
      }
      ranking.push(members.length === 1 ? members[0]! : members);
    } else {
      ranking.push(candidate(token));
    }
  }
  return { ranking, weight };
}
