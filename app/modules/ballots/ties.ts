import { drawLot } from "./lot";
import type { CandidateIndex, TieBreak, TieQuestion } from "./types";

/**
 * Breaking ties the Scottish way (rules 49(2)-(3) and 51), also used for IRV:
 *
 * 1. Look back at the most recent earlier stage at which the tied candidates' totals differed,
 *    and decide by those totals (highest for "whose surplus first", lowest for "who is
 *    excluded").
 * 2. If they were equal at every stage, decide by lot (`lot.ts`), or by an order fixed by lot
 *    before the count when one is given.
 *
 * With three or more tied candidates we narrow step by step: at the most recent stage where
 * they were not all equal we keep only those with the deciding total; if that still leaves more
 * than one, we carry on back from there with the smaller group. (The rules speak of "they";
 * this reads "they" as the candidates still tied.)
 */

export interface TieContext {
  readonly names: readonly string[];
  readonly seed: string;
  readonly tieOrder?: readonly CandidateIndex[];
  /** Candidate totals (any unit) at the end of each completed stage; index 0 is stage 1. */
  readonly history: readonly (readonly number[])[];
}

export interface TieOutcome {
  readonly chosen: CandidateIndex;
  /** `null` when there was no tie to break. */
  readonly record: TieBreak | null;
}

export function breakTie(tiedCandidates: readonly CandidateIndex[], prefer: "highest" | "lowest", question: TieQuestion, context: TieContext): TieOutcome {
  if (tiedCandidates.length === 0) throw new RangeError("breakTie: no candidates");
  const tied = [...tiedCandidates].sort((a, b) => a - b);
  if (tied.length === 1) return { chosen: tied[0]!, record: null };
  const tiedNames = tied.map((c) => context.names[c]!);
  const currentStage = context.history.length;

  let remaining = tied;
  for (let stage = currentStage - 1; stage >= 1; stage--) {
    const totals = context.history[stage - 1]!;
    const values = remaining.map((c) => totals[c]!);
    const target = prefer === "highest" ? Math.max(...values) : Math.min(...values);
    const narrowed = remaining.filter((c) => totals[c] === target);
    if (narrowed.length === remaining.length) continue;
    remaining = narrowed;
    if (remaining.length === 1) {
      const chosen = remaining[0]!;
      return {
        chosen,
        record: {
          question,
          tied: tiedNames,
          chosen: context.names[chosen]!,
          decidedBy: "earlier-stage",
          stage,
        },
      };
    }
  }

  if (context.tieOrder && context.tieOrder.length > 0) {
    const position = (c: CandidateIndex): number => {
      const at = context.tieOrder!.indexOf(c);
      return at < 0 ? context.tieOrder!.length + c : at;
    };
    const chosen = [...remaining].sort((a, b) => position(a) - position(b))[0]!;
    return {
      chosen,
      record: {
        question,
        tied: tiedNames,
        chosen: context.names[chosen]!,
        decidedBy: "tie-order",
        order: context.tieOrder.map((c) => context.names[c]!),
      },
    };
  }

  const remainingNames = remaining.map((c) => context.names[c]!);
  const lot = drawLot(context.seed, currentStage, remainingNames);
  const chosen = remaining[lot.drawn]!;
  return {
    chosen,
    record: {
      question,
      tied: tiedNames,
      chosen: context.names[chosen]!,
      decidedBy: "lot",
      seed: context.seed,
      tickets: remainingNames.map((candidate, i) => ({ candidate, ticket: lot.tickets[i]! })),
    },
  };
}

/**
 * Orders candidates by current total, highest first, breaking equal totals with `breakTie`
 * (used to list candidates elected at the same stage).
 */
export function orderByTotal(
  candidates: readonly CandidateIndex[],
  totals: readonly number[],
  question: TieQuestion,
  context: TieContext,
): { order: CandidateIndex[]; tieBreaks: TieBreak[] } {
  const order: CandidateIndex[] = [];
  const tieBreaks: TieBreak[] = [];
  let rest = [...candidates];
  while (rest.length > 0) {
    const top = Math.max(...rest.map((c) => totals[c]!));
    const tied = rest.filter((c) => totals[c] === top);
    const { chosen, record } = breakTie(tied, "highest", question, context);
    if (record) tieBreaks.push(record);
    order.push(chosen);
    rest = rest.filter((c) => c !== chosen);
  }
  return { order, tieBreaks };
}
