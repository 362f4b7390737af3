/**
 * The data behind the checks on names and descriptions (registration-uk.md sections 1 and 5),
 * kept apart from the code so it can be corrected without touching the rules.
 */

/**
 * "Roman script, typeable on a UK keyboard" (PPERA s28(4)(e) and the Commission's guidance):
 * letters A-Z, digits, space, and what a UK keyboard types directly or with AltGr (£, €, ¬, and
 * the acute accents of the UK extended layout). Welsh and Irish names need accented vowels
 * (â ê î ô û ŵ ŷ, á é í ó ú, ä ë ï ö ü ẅ ÿ), which the UK extended layout types, so they are
 * allowed. Curly quotes, apostrophes and dashes are what word processors turn ' " - into, so
 * they count as the keyboard characters they stand for.
 */
export const allowedPunctuation = " !\"£$€%^&*()-_=+[]{};:'@#~,.<>/?\\|`¬’‘“”–";

/** Accented letters of the UK extended layout and of Welsh and Irish spelling. */
export const allowedAccentedLetters = "áéíóúàèìòùâêîôûŵŷäëïöüẅÿẃỳýçÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛŴŶÄËÏÖÜẄŸẂỲÝÇ";

/**
 * Acronyms voters know without spelling out (registration-uk.md section 5: "very well known (UK,
 * NHS)"). Any other run of two or more capitals is flagged: the Commission may ask for it to be
 * spelt out, and may count it as one word per letter.
 */
export const wellKnownAcronyms: readonly string[] = ["UK", "GB", "NHS", "EU", "UN", "NATO", "BBC", "TV", "MP", "MPS", "MSP", "MS", "MLA", "NI", "USA", "US", "II", "III"];

/**
 * Top-level domains that, after a dot, make a word a web address ("breakaway.org"). The common
 * generic ones and the UK's; "co.uk" and friends end in "uk".
 */
export const webDomainEndings: readonly string[] = [
  "com", "org", "net", "uk", "co", "io", "info", "biz", "eu", "scot", "wales", "cymru", "ie", "gov", "me", "tv", "online", "app", "party", "vote", "site", "website", "blog", "news", "us",
];

/** Phrases that point to online content even without a link. */
export const onlinePhrases: readonly string[] = ["dot com", "dot org", "dot co dot uk", "dot uk", "dot net", "hashtag", "qr", "qr code", "www", "http", "https"];

/**
 * Words that could mislead a voter about the effect of their vote (registration-uk.md section 5:
 * "misleading about the effect of a vote ('Abstain', 'Place your X here')"). Only a human can
 * judge this, so a match is a warning. Matched as whole words or phrases, case-insensitively.
 */
export const misleadingVotePhrases: readonly string[] = [
  "abstain",
  "abstention",
  "none of the above",
  "none of these",
  "nota",
  "place your x",
  "put your x",
  "x here",
  "mark here",
  "tick here",
  "vote here",
  "vote for",
  "vote against",
  "don't vote",
  "do not vote",
  "spoil",
  "spoilt",
  "spoiled",
  "spoil your ballot",
  "blank vote",
  "no vote",
  "protest vote",
  "re-open nominations",
  "reopen nominations",
  "no candidate",
  "no confidence",
];
