/**
 * Pure checks on one piece of text that will appear on a ballot paper: the registered name, its
 * translation, or a description (registration-uk.md sections 1 and 5). They return facts (counts,
 * what was found); readiness.ts decides pass, warning or fail, and readiness-messages.ts words it.
 */
import { allowedAccentedLetters, allowedPunctuation, misleadingVotePhrases, onlinePhrases, webDomainEndings, wellKnownAcronyms } from "./data/name-data";
import { partyNouns, prohibitedWords, type ProhibitedWord } from "./data/prohibited-words";
import { trimBothOf, trimWhere } from "~/utils/trim";

const LETTER = /^\p{L}$/u;

const allowedCharacters: ReadonlySet<string> = new Set([
  ..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  ...allowedPunctuation,
  ...allowedAccentedLetters,
]);

/**
 * Words as the limits count them: whitespace-separated pieces holding a letter or digit, plus a
 * lone "&" or "+" (each stands for "and"). A hyphenated word counts once; a lone dash does not
 * count. The Commission's own counting of such edge cases is its call (acronyms: see below).
 */
export function countWords(text: string): number {
  return text
    .trim()
    .split(/\s+/)
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece) || piece === "&" || piece === "+").length;
}

/** Characters that are neither Roman script nor typeable on a UK keyboard, each once, in order. */
export function disallowedCharacters(text: string): string[] {
  const found: string[] = [];
  // Normalise to composed form so "e" + combining accent is judged as "é".
  for (const char of text.normalize("NFC")) {
    if (/\s/.test(char) && char !== " " && char !== "\u00a0") {
      if (!found.includes(char)) found.push(char);
      continue;
    }
    if (char === "\u00a0" || allowedCharacters.has(char)) continue;
    if (!found.includes(char)) found.push(char);
  }
  return found;
}

/**
 * Lowercase words without accents, for matching against lists: "Don’t Vote-Here" → ["don't",
 * "vote", "here"]. Apostrophes stay inside words; every other non-letter splits.
 */
export function matchTokens(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((token) => trimBothOf(token, "'"))
    .filter((token) => token !== "");
}

/** Where `phrase` (already tokenised) occurs in `tokens`, as start indexes. */
function phraseAt(tokens: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  if (phrase.length === 0) return starts;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((word, j) => tokens[i + j] === word)) starts.push(i);
  }
  return starts;
}

/**
 * References to online content: web addresses (with or without http or www), hashtags, @handles,
 * "QR" and spoken forms like "dot com". Returns what was found, as written.
 */
export function onlineReferences(text: string): string[] {
  const found = new Set<string>();
  const endings = webDomainEndings.join("|");
  const patterns = [
    /\bhttps?:\/\/\S+/giu,
    /\bwww\.\S*/giu,
    new RegExp(`\\b[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:${endings})\\b(?:/\\S*)?`, "giu"),
    /(?:^|[^\p{L}\p{N}&])(#[\p{L}\p{N}_]+)/gu,
    /(?:^|[^\p{L}\p{N}.])(@[\p{L}\p{N}_]+)/gu,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) found.add((match[1] ?? match[0]).trim());
  }
  const tokens = matchTokens(text);
  for (const phrase of onlinePhrases) {
    if (phraseAt(tokens, matchTokens(phrase)).length > 0) found.add(phrase);
  }
  return [...found];
}

/** Longer runs of capitals are taken as emphasis, not acronyms. */
const MAX_ACRONYM_LETTERS = 6;
const wellKnown: ReadonlySet<string> = new Set(wellKnownAcronyms.map((a) => a.toUpperCase()));

/**
 * Acronyms that may need spelling out: runs of two to six capitals ("XYZ", "X.Y.Z.") not on the
 * well-known list. Longer runs of capitals are emphasis ("ABSTAIN"), not acronyms. When the whole
 * text (of more than one word) is in capitals it is styling, so only dotted forms ("U.K.I.P.")
 * count then. `wordsCountingLetters` is the word count if the Commission counts each acronym's
 * letters as words.
 */
export function acronymsIn(text: string): { acronyms: string[]; wordsCountingLetters: number } {
  const allCaps = !/\p{Ll}/u.test(text) && countWords(text) > 1;
  const acronyms: string[] = [];
  let extraWords = 0;
  for (const piece of text.trim().split(/\s+/)) {
    const bare = trimWhere(
      piece,
      (c) => !LETTER.test(c),
      (c) => c !== "." && !LETTER.test(c),
    );
    const dotted = /^(?:\p{Lu}\.){2,}\p{Lu}?$/u.test(bare);
    const letters = dotted ? bare.replace(/\./g, "") : bare.replace(/\.$/, "");
    if (!/^\p{Lu}{2,}$/u.test(letters)) continue;
    if (!dotted && (allCaps || letters.length > MAX_ACRONYM_LETTERS)) continue;
    if (wellKnown.has(letters)) continue;
    extraWords += letters.length - 1;
    if (!acronyms.includes(letters)) acronyms.push(letters);
  }
  return { acronyms, wordsCountingLetters: countWords(text) + extraWords };
}

export interface ProhibitedMatch {
  /** The listed word ("Scotland"). */
  word: string;
  /** The form found in the text ("scottish"). */
  form: string;
  qualifiedUse: ProhibitedWord["qualifiedUse"];
  /** True when the text uses it in the qualified way the Order allows (as we model it). */
  qualified: boolean;
}

const nounSet: ReadonlySet<string> = new Set(partyNouns.flatMap((noun) => matchTokens(noun)));
/** Little words that do not qualify anything. */
const fillerWords: ReadonlySet<string> = new Set(["the", "a", "an", "of", "and", "for", "y", "yr", "ar", "na", "agus", "ac", "a'"]);
const preparedForms = prohibitedWords.map((entry) => ({ entry, forms: entry.forms.map((form) => ({ form, tokens: matchTokens(form) })) }));

/** Prohibited words (SI 2001/82, see data/prohibited-words.ts) in the text, each listed word once. */
export function prohibitedWordsIn(text: string): ProhibitedMatch[] {
  const tokens = matchTokens(text);
  const listed = new Set<number>();
  const hits: { entry: ProhibitedWord; form: string }[] = [];
  for (const { entry, forms } of preparedForms) {
    let hit: string | null = null;
    // Longest forms first, so "northern ireland" is found as one phrase.
    for (const { form, tokens: formTokens } of [...forms].sort((a, b) => b.tokens.length - a.tokens.length)) {
      for (const start of phraseAt(tokens, formTokens)) {
        for (let i = start; i < start + formTokens.length; i++) listed.add(i);
        hit ??= form;
      }
    }
    if (hit !== null) hits.push({ entry, form: hit });
  }
  const hasPartyNoun = tokens.some((token) => nounSet.has(token));
  const hasOtherWord = tokens.some((token, i) => !listed.has(i) && !nounSet.has(token) && !fillerWords.has(token) && /\p{L}/u.test(token));
  return hits.map(({ entry, form }) => ({
    word: entry.word,
    form,
    qualifiedUse: entry.qualifiedUse,
    qualified: entry.qualifiedUse === "party-noun" ? hasPartyNoun : entry.qualifiedUse === "other-word" ? hasOtherWord : false,
  }));
}

const preparedMisleading = misleadingVotePhrases.map((phrase) => ({ phrase, tokens: matchTokens(phrase) }));

/** Words or phrases that might mislead a voter about what their vote does. */
export function misleadingPhrasesIn(text: string): string[] {
  const tokens = matchTokens(text);
  return preparedMisleading.filter(({ tokens: phrase }) => phraseAt(tokens, phrase).length > 0).map(({ phrase }) => phrase);
}

/** Case- and space-insensitive form, for "equal to the name" and duplicate checks. */
export function sameTextKey(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, "");
}
