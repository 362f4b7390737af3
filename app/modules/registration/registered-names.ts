/**
 * Hard checks of a proposed name or description against the names of parties already registered
 * (decision 031). The Commission must refuse a name that is the same as a registered party's, or
 * that voters would likely confuse with one (Political Parties, Elections and Referendums Act
 * 2000, s28(4)); its guidance gives as refused a registered party's name with a word such as
 * "Official", "Real", "True" or "New" added. So a text fails when it is:
 * - identical to a registered name, ignoring case, spacing, punctuation and "The"/"Party";
 * - a registered name's distinctive words (those left after generic and place words are taken
 *   out) with nothing else but such qualifiers and generic or place words.
 * Sharing only a generic word ("Party", "Wales") never fails; sharing a distinctive word with
 * other words of one's own ("Labour Future") is left to the similarity warning (similar-names.ts).
 */
import { normaliseName, type PreparedName } from "./similar-names";

/** Words that add a claim of being the real thing to another party's name. */
export const QUALIFIER_WORDS: readonly string[] = [
  "official",
  "real",
  "true",
  "new",
  "genuine",
  "authentic",
  "original",
  "proper",
  "continuity",
  "old",
  "traditional",
  "independent",
  "united",
  "reformed",
  "renewed",
  "our",
  "your",
];

/** Words that do not tell parties apart: places and the kind of body it is. */
export const GENERIC_WORDS: readonly string[] = [
  "the",
  "party",
  "of",
  "a",
  "an",
  "and",
  "for",
  "in",
  "candidate",
  "candidates",
  "uk",
  "gb",
  "great",
  "britain",
  "british",
  "kingdom",
  "england",
  "english",
  "scotland",
  "scottish",
  "wales",
  "welsh",
  "cymru",
  "alba",
  "ireland",
  "irish",
  "northern",
  "ulster",
  "london",
];

const qualifiers: ReadonlySet<string> = new Set(QUALIFIER_WORDS);
const generic: ReadonlySet<string> = new Set(GENERIC_WORDS);

export type RegisteredNameClash = { name: string; kind: "identical" | "qualified" };

function words(normal: string): string[] {
  return normal.split(" ").filter((w) => w !== "");
}

/** The words of a registered name that tell it apart (none for a name of only generic words). */
export function distinctiveWords(name: string): string[] {
  return words(normaliseName(name)).filter((w) => !generic.has(w) && !qualifiers.has(w));
}

/** Registered names the text would be refused for, in register order, each once. */
export function registeredNameClashes(text: string, register: readonly PreparedName[]): RegisteredNameClash[] {
  const mine = words(normaliseName(text));
  if (mine.length === 0) return [];
  const key = mine.join(" ");
  const mineSet = new Set(mine);
  const clashes: RegisteredNameClash[] = [];
  for (const other of register) {
    if (other.normal === key) {
      clashes.push({ name: other.name, kind: "identical" });
      continue;
    }
    const distinctive = words(other.normal).filter((w) => !generic.has(w) && !qualifiers.has(w));
    if (distinctive.length === 0 || !distinctive.every((w) => mineSet.has(w))) continue;
    const own = new Set(distinctive);
    const rest = mine.filter((w) => !own.has(w));
    if (rest.every((w) => generic.has(w) || qualifiers.has(w))) clashes.push({ name: other.name, kind: "qualified" });
  }
  return clashes;
}
