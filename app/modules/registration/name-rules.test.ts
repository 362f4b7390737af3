import { describe, expect, it } from "vitest";
import { misleadingVotePhrases, wellKnownAcronyms } from "./data/name-data";
import { partyNouns, prohibitedWords } from "./data/prohibited-words";
import { acronymsIn, countWords, disallowedCharacters, matchTokens, misleadingPhrasesIn, onlineReferences, prohibitedWordsIn, sameTextKey } from "./name-rules";

describe("countWords", () => {
  it.each([
    ["", 0],
    ["   ", 0],
    ["Breakaway", 1],
    ["The  Breakaway\tParty", 3],
    ["Left-Green Alliance", 2],
    ["Workers & Farmers", 3],
    ["Workers + Farmers", 3],
    ["Now - or never", 3],
    ["One Two Three Four Five Six Seven", 7],
  ])("%j has %i words", (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe("disallowedCharacters: Roman script typeable on a UK keyboard", () => {
  it("allows letters, digits and the keyboard's punctuation", () => {
    expect(disallowedCharacters("The People's Party (2026) £5 & more! #1 @ 50% ~ ¬ € \\ | `")).toEqual([]);
  });

  it("allows Welsh and Irish accents and word-processor quotes and dashes", () => {
    expect(disallowedCharacters("Plaid Ŵyn ŷ â Páirtí na hÉireann ’quoted“ – dash")).toEqual([]);
    // A decomposed accent (e + combining acute) counts as é.
    expect(disallowedCharacters("Cafe\u0301 Party")).toEqual([]);
  });

  it("finds other scripts, symbols and emoji, each once", () => {
    expect(disallowedCharacters("Partei ✓ ✓ 日本 Ελλάδα 🙂")).toEqual(["✓", "日", "本", "Ε", "λ", "ά", "δ", "α", "🙂"]);
  });

  it("refuses tabs and line breaks but not a non-breaking space", () => {
    expect(disallowedCharacters("One\tTwo")).toEqual(["\t"]);
    expect(disallowedCharacters("One\nTwo")).toEqual(["\n"]);
    expect(disallowedCharacters("One\u00a0Two")).toEqual([]);
  });
});

describe("onlineReferences", () => {
  it.each([
    ["Visit https://example.org now", "https://example.org"],
    ["www.breakaway", "www.breakaway"],
    ["Breakaway.org.uk Party", "Breakaway.org.uk"],
    ["breakaway.party", "breakaway.party"],
    ["Join #Breakaway", "#Breakaway"],
    ["Follow @breakaway", "@breakaway"],
    ["Scan the QR code", "qr code"],
    ["Breakaway dot com", "dot com"],
  ])("finds %j", (text, found) => {
    expect(onlineReferences(text)).toContain(found);
  });

  it("finds an email address by its domain", () => {
    expect(onlineReferences("hello@breakaway.org")).toEqual(["breakaway.org"]);
  });

  it.each(["The Breakaway Party", "Smith & Co. Party", "Party @ Home", "No. 1 Party", "St. Ives Independents", "U.K. First", "Number # One"])(
    "finds nothing in %j",
    (text) => {
      expect(onlineReferences(text)).toEqual([]);
    },
  );
});

describe("acronymsIn", () => {
  it("finds unknown acronyms and counts them a word per letter", () => {
    expect(acronymsIn("XYZ for the People")).toEqual({ acronyms: ["XYZ"], wordsCountingLetters: 6 });
    expect(acronymsIn("The U.K.I.P. Way")).toEqual({ acronyms: ["UKIP"], wordsCountingLetters: 6 });
  });

  it("lets well-known acronyms through", () => {
    expect(acronymsIn("Save the NHS UK")).toEqual({ acronyms: [], wordsCountingLetters: 4 });
    expect(acronymsIn("U.K. First").acronyms).toEqual([]);
    expect(wellKnownAcronyms).toContain("NHS");
  });

  it("counts each acronym once in the list but every occurrence in the words", () => {
    expect(acronymsIn("ABC and ABC")).toEqual({ acronyms: ["ABC"], wordsCountingLetters: 7 });
  });

  it("treats long capitals and a text all in capitals as emphasis, not acronyms", () => {
    expect(acronymsIn("Don't ABSTAIN").acronyms).toEqual([]);
    expect(acronymsIn("BREAKAWAY PARTY NOW").acronyms).toEqual([]);
    expect(acronymsIn("XYZ").acronyms).toEqual(["XYZ"]);
  });

  it("ignores single capitals and ordinary words", () => {
    expect(acronymsIn("A Party for X and Y").acronyms).toEqual([]);
    expect(acronymsIn("Breakaway Party").acronyms).toEqual([]);
  });
});

describe("prohibitedWordsIn (SI 2001/82, as data)", () => {
  it("keeps the words, their adjectives and translations as data", () => {
    const forms = prohibitedWords.flatMap((w) => w.forms);
    for (const form of [
      "royal",
      "king",
      "queen",
      "prince",
      "british",
      "national",
      "independent",
      "democratic",
      "england",
      "scotland",
      "wales",
      "ireland",
      "scottish",
      "welsh",
      "cymru",
      "éire",
    ]) {
      expect(forms).toContain(form);
    }
    expect(JSON.parse(JSON.stringify(prohibitedWords))).toEqual(prohibitedWords);
    expect(partyNouns).toContain("party");
  });

  it("flags a royal word always: it is allowed only in a place or institution's name", () => {
    expect(prohibitedWordsIn("Royal Breakaway Party")).toEqual([{ word: "Royal", form: "royal", qualifiedUse: "place-or-institution", qualified: false }]);
  });

  it("accepts a national word qualifying a party, not on its own", () => {
    expect(prohibitedWordsIn("Scottish Workers Party")).toEqual([{ word: "Scotland", form: "scottish", qualifiedUse: "party-noun", qualified: true }]);
    expect(prohibitedWordsIn("Scottish Breakaway")[0]).toMatchObject({ word: "Scotland", qualified: false });
    expect(prohibitedWordsIn("British Alliance")[0]).toMatchObject({ word: "Britain", qualified: true });
  });

  it("needs another word for Independent or Democratic: “party” is not enough", () => {
    expect(prohibitedWordsIn("Independent Party")[0]).toMatchObject({ word: "Independent", qualified: false });
    expect(prohibitedWordsIn("The Independent")[0]).toMatchObject({ word: "Independent", qualified: false });
    expect(prohibitedWordsIn("Independent Green Voice")[0]).toMatchObject({ word: "Independent", qualified: true });
    // Another listed word does not qualify it either.
    expect(prohibitedWordsIn("Democratic National Party").find((m) => m.word === "Democratic")).toMatchObject({ qualified: false });
  });

  it("matches phrases, translations and accents whatever the case", () => {
    expect(prohibitedWordsIn("Northern Ireland Workers")[0]).toMatchObject({ word: "Ireland", form: "northern ireland" });
    expect(prohibitedWordsIn("Plaid Cymru Newydd")[0]).toMatchObject({ word: "Wales", form: "cymru", qualified: true });
    expect(prohibitedWordsIn("Páirtí na hEIRE")).toEqual([]);
    expect(prohibitedWordsIn("Éire Nua")[0]).toMatchObject({ word: "Ireland" });
    expect(prohibitedWordsIn("eire nua")[0]).toMatchObject({ word: "Ireland" });
  });

  it("matches whole words only", () => {
    expect(prohibitedWordsIn("Kingston Residents")).toEqual([]);
    expect(prohibitedWordsIn("Nationwide Renewal")).toEqual([]);
    expect(prohibitedWordsIn("Breakaway Party")).toEqual([]);
  });
});

describe("misleadingPhrasesIn", () => {
  it("keeps the phrases as data", () => {
    for (const phrase of ["abstain", "none of the above", "place your x", "vote for", "spoil"]) expect(misleadingVotePhrases).toContain(phrase);
  });

  it.each([
    ["Abstain Party", ["abstain"]],
    ["None of the Above", ["none of the above"]],
    ["Place your X here", ["place your x", "x here"]],
    ["Vote for Change", ["vote for"]],
    ["Spoil Your Ballot", ["spoil", "spoil your ballot"]],
    ["Don’t Vote", ["don't vote"]],
    ["Re-open Nominations", ["re-open nominations"]],
  ])("finds %j", (text, phrases) => {
    expect(misleadingPhrasesIn(text)).toEqual(phrases);
  });

  it("matches whole words only", () => {
    expect(misleadingPhrasesIn("Spoiler Alert Party")).toEqual([]);
    expect(misleadingPhrasesIn("Voters First")).toEqual([]);
  });
});

describe("helpers", () => {
  it("matchTokens lowercases, drops accents and splits on punctuation", () => {
    expect(matchTokens("Don’t Vote-Here, Éire!")).toEqual(["don't", "vote", "here", "eire"]);
  });

  it("sameTextKey ignores case and spaces", () => {
    expect(sameTextKey(" Breakaway  party ")).toBe(sameTextKey("BreakawayParty"));
    expect(sameTextKey("Breakaway Party")).not.toBe(sameTextKey("Breakaway Parti"));
  });
});
