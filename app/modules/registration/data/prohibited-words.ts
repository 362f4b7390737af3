/**
 * Words a registered name or description may use only in a qualified way: The Registration of
 * Political Parties (Prohibited Words and Expressions) Order 2001 (SI 2001/82), made under PPERA
 * 2000 s28(4)(f).
 *
 * UNCONFIRMED: the full list, which Part of the Order's Schedule each word is in, and exactly
 * which qualifications the Order accepts could not be checked against the current text. The
 * entries below follow registration-uk.md section 5 and the published 1998/2001 lists as
 * reported; the translations are our own (Welsh, Irish and Scottish Gaelic) and unverified. So a
 * match is only ever a warning, and the wording says the Electoral Commission decides. Edit this
 * file (not the code) when the list is confirmed.
 *
 * `qualifiedUse` models the Order's exceptions simply:
 * - "place-or-institution": allowed only as part of the name of a place or institution (for
 *   example "Kings Lynn"), which an app cannot tell, so it always warns;
 * - "party-noun": allowed when the name qualifies a party ("Scottish Workers Party"), which we
 *   take to mean the text also contains a party-type noun (partyNouns below);
 * - "other-word": allowed only when qualified by some other word that is not itself a listed
 *   word nor a party-type noun ("Independent Party" is not enough; "Independent Green Voice" is).
 */

export type QualifiedUse = "place-or-institution" | "party-noun" | "other-word";

export interface ProhibitedWord {
  /** The word as listed, for display. */
  word: string;
  /** Every form that counts as this word: itself, its adjectives and its translations. Multi-word forms match as a phrase. */
  forms: readonly string[];
  qualifiedUse: QualifiedUse;
}

export const prohibitedWords: readonly ProhibitedWord[] = [
  // Royal words: only as part of a place or institution name.
  { word: "Royal", forms: ["royal", "royalty", "brenhinol", "ríoga", "rioghail"], qualifiedUse: "place-or-institution" },
  { word: "King", forms: ["king", "kings", "brenin", "rí", "righ"], qualifiedUse: "place-or-institution" },
  { word: "Queen", forms: ["queen", "queens", "brenhines", "banríon", "banrigh"], qualifiedUse: "place-or-institution" },
  { word: "Prince", forms: ["prince", "princess", "tywysog", "tywysoges", "prionsa", "banphrionsa"], qualifiedUse: "place-or-institution" },
  { word: "Duke", forms: ["duke", "duchess", "dug", "duges"], qualifiedUse: "place-or-institution" },
  { word: "Majesty", forms: ["majesty", "her majesty", "his majesty", "mawrhydi"], qualifiedUse: "place-or-institution" },

  // Nations and the state: allowed when qualifying a party.
  { word: "Britain", forms: ["britain", "great britain", "british", "prydain", "prydeinig", "breatain", "briotanach", "breatainn", "breatannach"], qualifiedUse: "party-noun" },
  { word: "United Kingdom", forms: ["united kingdom", "teyrnas unedig", "ríocht aontaithe"], qualifiedUse: "party-noun" },
  { word: "England", forms: ["england", "english", "lloegr", "seisnig", "sasana", "sasanach", "sasainn"], qualifiedUse: "party-noun" },
  { word: "Scotland", forms: ["scotland", "scottish", "scots", "yr alban", "albanaidd", "albain", "albanach", "alba", "albannach"], qualifiedUse: "party-noun" },
  { word: "Wales", forms: ["wales", "welsh", "cymru", "cymreig", "cymraeg", "an bhreatain bheag", "breatnach", "cuimrigh"], qualifiedUse: "party-noun" },
  { word: "Ireland", forms: ["ireland", "irish", "northern ireland", "northern irish", "iwerddon", "gwyddelig", "éire", "éireannach", "tuaisceart éireann", "eirinn", "eireannach"], qualifiedUse: "party-noun" },
  { word: "National", forms: ["national", "nationalist", "cenedlaethol", "náisiúnta", "naiseanta"], qualifiedUse: "party-noun" },

  // Words about a party's standing: need another qualifying word, "party" is not enough.
  { word: "Independent", forms: ["independent", "independents", "annibynnol", "neamhspleách", "neo-eisimeileach"], qualifiedUse: "other-word" },
  { word: "Democratic", forms: ["democratic", "democrataidd", "daonlathach", "deamocratach"], qualifiedUse: "other-word" },
  { word: "Official", forms: ["official", "unofficial", "swyddogol", "answyddogol", "oifigiúil", "neamhoifigiúil"], qualifiedUse: "other-word" },
];

/**
 * Nouns that make a text name a party, so that a "party-noun" word qualifies it. Also ignored by
 * the "other-word" qualification. Welsh and Irish included (plaid, páirtí).
 */
export const partyNouns: readonly string[] = [
  "party",
  "parties",
  "alliance",
  "coalition",
  "movement",
  "league",
  "federation",
  "front",
  "union",
  "association",
  "group",
  "network",
  "collective",
  "plaid",
  "páirtí",
  "pairti",
];
