import { countIrv } from "./irv";
import { countReferenceRule } from "./reference-report";
import { countSchulze } from "./schulze";
import { countScottishIrv, countScottishStv } from "./scottish-stv";
import { METHODS, type CountOptions, type CountReport, type Election, type Method } from "./types";

/** Counts an election with the named method. */
export function countElection(election: Election, method: Method, options: CountOptions = {}): CountReport {
  switch (method) {
    case "scottish-stv":
      return countScottishStv(election, options);
    case "irv":
      return countIrv(election, options);
    case "irv-scottish":
      return countScottishIrv(election, options);
    case "schulze":
      return countSchulze(election, options);
    case "meek":
    case "meek-prf":
    case "wigm-prf":
    case "wigm-rational":
      return countReferenceRule(election, method, options).report;
  }
}

export function isMethod(value: string): value is Method {
  return (METHODS as readonly string[]).includes(value);
}
