import { readConstitutionFile } from "./constitution-files.server";
import { parseRulesBlock, type StandingOrderRules } from "./standing-order-rules";

/** The standing orders' rules block, read once: the file does not change while the server runs. */
let rulesCache: Promise<StandingOrderRules> | null = null;
export function standingOrderRules(): Promise<StandingOrderRules> {
  rulesCache ??= readConstitutionFile("standing-orders.md").then((f) => parseRulesBlock(f?.body ?? ""));
  return rulesCache;
}
