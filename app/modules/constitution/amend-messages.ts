/** The wording of the form proposing an amendment (routes/constitution.clauses.$clauseId.amend.tsx). */
import { MAX_CLAUSE_TEXT_LENGTH } from "~/utils/input-limits";
import { formatNumber } from "~/utils/numbers";

const characters = `At most ${formatNumber(MAX_CLAUSE_TEXT_LENGTH)} characters.`;

export const amendFormText = {
  metaTitle: "Propose an amendment - Constitution",
  title: "Propose an amendment",
  heading: (number: number, title: string) => `Propose an amendment to ${number}. ${title}`,
  back: "Back to the clause",
  noDraft: "There is no draft constitution yet.",
  noClause: "There is no such clause in the draft.",
  unknownKind: "Unknown kind of amendment",
  byCommittee: "You are on the drafting committee: your amendment is a committee amendment and needs no supporters (standing orders 7.10).",
  clauseNow: (first: number | null, last: number | null) => `The clause as it reads now (lines ${first ?? ""} to ${last ?? ""})`,
  reason: "Reason for the amendment",
  submit: "Propose this amendment",
  words: {
    title: "Change the words",
    text: "The clause as you want it to read",
    hint: `Edit the text below. Everything you change is shown to members as a word-by-word comparison. ${characters}`,
    missing: "Enter the clause as you want it to read",
    unchanged: "Change at least one word of the clause",
  },
  lines: {
    title: "Replace some lines",
    from: "From line",
    to: "To line (included)",
    replacement: "New words for those lines",
    hint: `Leave empty to delete the lines. ${characters}`,
    outOfRange: (first: number, last: number) => `Enter a line number from ${first} to ${last}`,
    backwards: "The last line must not come before the first",
  },
  insert: {
    title: "Add a new clause after this one",
    clauseTitle: "Title of the new clause",
    text: "Text of the new clause",
    hint: `Separate paragraphs with a blank line; start list items with a dash. ${characters}`,
    entrenched: "Make the new clause entrenched (changing it later needs two thirds)",
    titleMissing: "Enter a title for the new clause",
    textMissing: "Enter the text of the new clause",
  },
  move: {
    title: "Move this clause",
    after: "Put it after",
    choose: "Choose a clause",
    start: "At the very start",
    missing: "Choose where the clause should go",
  },
  delete: { title: "Delete this clause", body: "The whole clause would be left out of the constitution." },
  entrench: {
    make: "Make this clause entrenched",
    stop: "Stop this clause being entrenched",
    body: "This needs a two-thirds majority in the vote (standing orders 8.5).",
  },
} as const;
