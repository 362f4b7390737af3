/**
 * The financial scheme (registration-uk.md section 4): the model in constitution/financial-scheme.md
 * filled in from the application's details and the elected treasurer. Pure: the caller reads the
 * model from disk (financial-scheme.server.ts) and passes it in; the wording of the pieces filled
 * in here (months, an accounting unit's line) lives with the documents' words.
 */
import { schemeWords } from "~/modules/registration/pdf/messages";
import type { AccountingUnit, RegistrationDraft } from "./details";
import { trimLineEnds } from "~/utils/trim";

export type TemplateValues = Record<string, string | boolean>;

/**
 * A tiny template filler: `{{name}}` is replaced by a text value, and a section
 * `{{#flag}} ... {{/flag}}` is kept when the flag is true and dropped when false. A placeholder or
 * section with no value is an error rather than left in the text, so the model and this code
 * cannot drift apart unnoticed. Blank lines left by dropped sections are closed up.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const sections = template.replace(/\{\{#([A-Za-z][\w-]*)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (_, name: string, body: string) => {
    const flag = values[name];
    if (typeof flag !== "boolean") throw new Error(`financial scheme template: no true/false value for section "${name}"`);
    return flag ? body : "";
  });
  const filled = sections.replace(/\{\{\s*([A-Za-z][\w-]*)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (typeof value !== "string") throw new Error(`financial scheme template: no text for "${name}"`);
    return value;
  });
  const leftover = leftoverPlaceholder(filled);
  if (leftover) throw new Error(`financial scheme template: malformed placeholder ${leftover}`);
  return `${trimLineEnds(filled)
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
}

/** "31-12" as "31 December"; null for anything that is not a day of the year. */
export function yearEndLabel(ddmm: string | undefined): string | null {
  const match = /^(\d{2})-(\d{2})$/.exec(ddmm ?? "");
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!days || day < 1 || day > days) return null;
  return `${day} ${schemeWords.months[month - 1]}`;
}

function unitLine(unit: AccountingUnit): string {
  const address = [unit.address?.line1, unit.address?.line2, unit.address?.town, unit.address?.postcode]
    .filter((p): p is string => Boolean(p?.trim()))
    .join(", ");
  return schemeWords.accountingUnit({
    name: unit.name.trim() || schemeWords.notGiven,
    treasurer: unit.treasurer?.trim() || schemeWords.notGiven,
    secondOfficer: unit.secondOfficer?.trim() || schemeWords.notGiven,
    address: address || schemeWords.notGiven,
  });
}

export interface FinancialSchemeInput {
  details: RegistrationDraft;
  /** The elected treasurer's full name; null until one is declared. */
  treasurerName: string | null;
  partyName: string;
  /** The model's text (constitution/financial-scheme.md). */
  model: string;
  /** Whether the founding members' ballot adopted this text; the scheme says so only then. */
  adopted?: boolean;
}

/** The values the model's placeholders and sections take for these details. */
export function schemeValues({ details, treasurerName, partyName, adopted = false }: Omit<FinancialSchemeInput, "model">): TemplateValues {
  const register = details.register ?? "GB";
  const units = details.hasAccountingUnits ? (details.accountingUnits ?? []).filter((u) => u.name.trim()) : [];
  return {
    partyName: partyName.trim() || schemeWords.partyNotNamed,
    treasurer: treasurerName?.trim() || schemeWords.treasurerNotElected,
    // The model constitution's financial year is the calendar year (clause 29(3)).
    financialYearEnd: yearEndLabel(details.financialYearEnd) ?? yearEndLabel("31-12") ?? "",
    greatBritain: register === "GB",
    northernIrelandOnly: register === "NI",
    bothRegisters: register === "both",
    northernIreland: register === "NI" || register === "both",
    hasAccountingUnits: units.length > 0,
    noAccountingUnits: units.length === 0,
    accountingUnits: units.map(unitLine).join("\n"),
    adoptionStatement: adopted ? schemeWords.adoptedByBallot : schemeWords.toBeAdoptedByBallot,
  };
}

/** The financial scheme generated from the model, ready to print or to edit. */
export function financialSchemeText(input: FinancialSchemeInput): string {
  return fillTemplate(input.model, schemeValues(input));
}

/**
 * The first "{{...}}" left in the filled text, as /\{\{[^}]*\}\}/ would find it, by position: that
 * pattern restarts at every "{" of a long run of them, which is quadratic.
 */
function leftoverPlaceholder(text: string): string | null {
  let open = text.indexOf("{{");
  while (open !== -1) {
    const close = text.indexOf("}", open + 2);
    if (close === -1) return null;
    // Every opening before this "}" stops at it too, so the next try starts after it.
    if (text.charAt(close + 1) === "}") return text.slice(open, close + 2);
    open = text.indexOf("{{", close + 1);
  }
  return null;
}

/**
 * The scheme as put to the ballot and fingerprinted: sentence (2) in its "to be adopted" form,
 * whatever form the text is in, so adopting it (which changes only that sentence) keeps the hash.
 */
export function schemeAsBallotText(text: string): string {
  return text.replaceAll(schemeWords.adoptedByBallot, schemeWords.toBeAdoptedByBallot);
}

/** The ballot text as printed once adopted: sentence (2) says the founding members adopted it. */
export function schemeAsAdopted(ballotText: string): string {
  return ballotText.replaceAll(schemeWords.toBeAdoptedByBallot, schemeWords.adoptedByBallot);
}
