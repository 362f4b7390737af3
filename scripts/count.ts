// npm run count -- FILE [--method scottish-stv|irv|irv-scottish|schulze|meek|meek-prf|wigm-prf|wigm-rational] [--seats N] [--seed S] [--sheet] [--json]
//
// Re-checks a count from a ballot file (BLT, or PrefLib .toi/.soi/.toc/.soc). Prints the
// stage-by-stage result sheet (Meek and WIGM: every action), or with --sheet the count sheet a
// returning officer signs (every ranked rule: each stage's transfers, changes and totals, in
// blocks within 100 columns); with --json exactly one JSON object on stdout (with --sheet: the
// count sheet, every transfer in it). A bad file is
// reported on stderr with the line number and the exit status is 1; bad arguments exit 2.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import {
  BallotFileError,
  checkCountable,
  countCheckMessage,
  countElection,
  countReferenceRule,
  formatCountSheet,
  formatReport,
  sheetFromRankedReport,
  isMethod,
  METHODS,
  parseBltWithLines,
  parsePreflib,
  type CountCheckLines,
  type CountReport,
  type CountSheet,
  type RankedCountReport,
  type ReferenceRule,
  type Election,
  type Method,
  type PreflibDataType,
} from "../app/modules/ballots/index";
import { countByReferenceRule, formatActionSheet, isReferenceRule } from "../app/modules/ballots/reference-rules";

const USAGE = `usage: npm run count -- FILE [--method ${METHODS.join("|")}] [--seats N] [--seed S] [--sheet] [--json]`;

interface Arguments {
  file: string;
  method: Method;
  seats: number | undefined;
  seed: string | undefined;
  json: boolean;
  sheet: boolean;
}

class UsageError extends Error {}

function usageError(message: string): never {
  throw new UsageError(message);
}

function parseArguments(argv: readonly string[]): Arguments {
  let file: string | undefined;
  let method: Method = "scottish-stv";
  let seats: number | undefined;
  let seed: string | undefined;
  let json = false;
  let sheet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined) usageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case "--method": {
        const m = value();
        if (!isMethod(m)) usageError(`unknown method "${m}"`);
        method = m;
        break;
      }
      case "--seats": {
        const s = value();
        if (!/^\d+$/.test(s) || Number(s) < 1) usageError(`--seats must be a positive whole number, got "${s}"`);
        seats = Number(s);
        break;
      }
      case "--seed":
        seed = value();
        break;
      case "--json":
        json = true;
        break;
      case "--sheet":
        sheet = true;
        break;
      case "--help":
      case "-h":
        throw new UsageError("");
      default:
        if (flag!.startsWith("-") && flag !== "-") usageError(`unknown option ${flag}`);
        if (file !== undefined) usageError(`only one file can be counted at a time`);
        file = flag;
    }
  }
  if (file === undefined) usageError("no ballot file given");
  if ((method === "irv" || method === "irv-scottish") && seats !== undefined && seats !== 1) {
    usageError(`${method} fills exactly one seat`);
  }
  if (sheet && method === "schulze") usageError("a Schulze count has no stages, so no count sheet: leave out --sheet");
  return { file, method, seats, seed, json, sheet };
}

/** The election in the file, with the lines its candidates and seats are on (BLT only). */
function readElection(file: string, text: string): { election: Election; lines: CountCheckLines } {
  const extension = extname(file).slice(1).toLowerCase();
  if (extension === "blt") return parseBltWithLines(text);
  if (["soi", "toi", "soc", "toc"].includes(extension)) {
    return { election: parsePreflib(text, extension as PreflibDataType), lines: {} };
  }
  // Unknown extension: PrefLib files start with "#" headers or "count: ranking" lines.
  const first =
    text
      .split(/\r?\n/)
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  return first.startsWith("#") || /^\d+\s*:/.test(first) ? { election: parsePreflib(text), lines: {} } : parseBltWithLines(text);
}

function main(): number {
  let args: Arguments;
  try {
    args = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message === "") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file, "utf8");
  } catch (error) {
    process.stderr.write(`${args.file}: cannot read the file (${(error as Error).message})\n`);
    return 1;
  }
  let report: CountReport;
  try {
    const { election, lines } = readElection(args.file, text);
    // Refused rather than counted: a result that cannot say who won, or that counts a person as RON.
    const seats = args.method === "irv" || args.method === "irv-scottish" ? 1 : (args.seats ?? election.seats);
    const checks = checkCountable(election, seats, lines);
    for (const check of checks) process.stderr.write(`${args.file}: ${countCheckMessage(check)}\n`);
    if (checks.some((c) => c.kind === "refusal")) return 1;
    if (args.sheet) {
      const options = { seats, ...(args.seed !== undefined ? { seed: args.seed } : {}) };
      const counted = isReferenceRule(args.method) ? null : countElection(election, args.method, options);
      // parseArguments refused --sheet with Schulze, which has no stages.
      const sheet: CountSheet =
        counted === null ? countReferenceRule(election, args.method as ReferenceRule, options).sheet : sheetFromRankedReport(counted as RankedCountReport);
      process.stdout.write(args.json ? `${JSON.stringify(sheet, null, 2)}\n` : formatCountSheet(sheet));
      return 0;
    }
    // Meek and WIGM tell their count as actions, with exact figures (reference-rules.ts).
    if (isReferenceRule(args.method)) {
      const sheet = countByReferenceRule({ ...election, seats }, args.method, args.seed ?? "");
      process.stdout.write(args.json ? `${JSON.stringify(sheet, null, 2)}\n` : formatActionSheet(sheet));
      return 0;
    }
    report = countElection(election, args.method, {
      ...(args.seats !== undefined ? { seats: args.seats } : {}),
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
    });
  } catch (error) {
    if (error instanceof BallotFileError) {
      process.stderr.write(`${args.file}: line ${error.line}: ${error.problem}\n`);
      return 1;
    }
    if (error instanceof RangeError) {
      process.stderr.write(`${args.file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (args.json) {
    const { method, seats, quota, elected, stages, ...rest } = report;
    process.stdout.write(`${JSON.stringify({ method, seats, quota, elected, stages, ...rest }, null, 2)}\n`);
  } else {
    process.stdout.write(formatReport(report));
  }
  if (args.seed === undefined && report.tieBreaks.some((t) => t.decidedBy === "lot")) {
    process.stderr.write("note: a tie was decided by lot with the default empty seed; pass the published seed with --seed\n");
  }
  return 0;
}

// exitCode rather than process.exit(): exiting at once can cut off output still being written
// to a pipe (a long --json report is well over the 64 KiB pipe buffer).
process.exitCode = main();
