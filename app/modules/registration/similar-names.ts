/**
 * Is a proposed name or description close to a party name already on the register? A voter could
 * confuse them (PPERA s28(4)(a)); only the Commission can decide, so this only warns.
 *
 * Both sides are normalised first (case, accents, punctuation, "&" = "and", and the words "the",
 * "party", "of", "a" and "an" dropped, since "The Green Party" and "Green" name the same party). Two scores are
 * then taken, and the higher counts:
 * - edit similarity: 1 - Levenshtein distance / longer length, on the words run together (so
 *   "Break Away" and "Breakaway" match, and one changed letter in a long name scores high);
 * - word overlap: shared words / all words (Jaccard), for reordered names.
 * At or above SIMILARITY_THRESHOLD the registered name is listed, closest first.
 */
import { distance } from "fastest-levenshtein";

/** 0.8: one letter in five may differ ("Literal Democrats" ~ "Liberal Democrats" scores 0.94). */
export const SIMILARITY_THRESHOLD = 0.8;
/** How many of the closest names a warning lists. */
export const SIMILAR_NAMES_LISTED = 3;

/** Words that do not tell parties apart: "Workers Party of Britain" is "Britain Workers". */
const droppedWords: ReadonlySet<string> = new Set(["the", "party", "of", "a", "an"]);

/** "The People’s Party & Friends" → "peoples and friends". */
export function normaliseName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[&+]/g, " and ")
    .replace(/['’‘`]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "" && !droppedWords.has(word))
    .join(" ");
}

export interface PreparedName {
  name: string;
  /** Normalised words with single spaces ("peoples and friends"). */
  normal: string;
  /** Normalised words run together, for the edit distance. */
  compact: string;
  words: ReadonlySet<string>;
}

function prepare(name: string): PreparedName {
  const normal = normaliseName(name);
  return { name, normal, compact: normal.replace(/ /g, ""), words: new Set(normal.split(" ").filter((w) => w !== "")) };
}

/** Normalise the register once, to check many texts against it. Names that normalise to nothing are dropped. */
export function prepareNames(names: readonly string[]): PreparedName[] {
  return names.map(prepare).filter((p) => p.compact !== "");
}

/** 0..1, 1 = the same once normalised. */
export function similarity(a: PreparedName, b: PreparedName): number {
  if (a.compact === "" || b.compact === "") return 0;
  const longer = Math.max(a.compact.length, b.compact.length);
  const edit = 1 - distance(a.compact, b.compact) / longer;
  let shared = 0;
  for (const word of a.words) if (b.words.has(word)) shared++;
  const union = a.words.size + b.words.size - shared;
  const overlap = union === 0 ? 0 : shared / union;
  return Math.max(edit, overlap);
}

export interface SimilarName {
  name: string;
  /** 0..1, rounded to two places. */
  score: number;
}

/** Registered names at or above the threshold, closest first, at most `limit`. */
export function similarNames(text: string, register: readonly PreparedName[], options: { threshold?: number; limit?: number } = {}): SimilarName[] {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  const limit = options.limit ?? SIMILAR_NAMES_LISTED;
  const mine = prepare(text);
  if (mine.compact === "") return [];
  const found: SimilarName[] = [];
  for (const other of register) {
    const score = similarity(mine, other);
    if (score >= threshold) found.push({ name: other.name, score: Math.round(score * 100) / 100 });
  }
  found.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return found.slice(0, limit);
}
