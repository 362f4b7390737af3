/**
 * The wording of the pages that read the constitution as it stands: the contents
 * (routes/constitution._index.tsx), the whole text on one page (constitution.full.tsx) and one
 * clause at a time (constitution.read.$clauseId.tsx), and of the parts they share
 * (components/constitution-reading.tsx).
 */
import { noun } from "~/utils/plural";
import { compareText } from "./compare-messages";

/** The tag of a clause a vote decided, by decision. */
const decisionTags: Record<string, string> = { adopted: "Adopted", rejected: "Rejected: left out" };

export const readingText = {
  /** The heading of the constitution's pages: the model before drafting, an adopted version, or the draft (amending `baseVersion`, or the first). */
  headings: {
    model: "The draft constitution",
    adopted: (version: number) => `The constitution, version ${version}`,
    draft: (baseVersion: number | null) => (baseVersion ? `Amending the constitution (version ${baseVersion + 1} in draft)` : "The draft constitution"),
  },
  backToContents: "Constitution: contents",
  /** The lead paragraph and the buttons of the contents and the whole text. */
  intro: {
    model:
      "The model constitution founding members start from. Drafting has not opened yet. Lines are numbered as printed, so that amendments can point to them.",
    adopted: (adoptedAt: string) => `Adopted by the founding members on ${adoptedAt}. The adoption record is at the end of the PDF.`,
    /** `phase` is the drafting's phase as a sentence; `seesDebate`: the reader may read amendments and comments. */
    draft: (phase: string, seesDebate: boolean) =>
      `${phase}. Lines are numbered as printed, so that amendments can point to them.${seesDebate ? " Open a clause to read its amendments and comments, or to propose your own." : ""}`,
    // The tag "Entrenched" sits between the two halves of the sentence.
    entrenchedBefore: "Clauses marked ",
    entrenchedAfter: " need a two-thirds majority to change.",
    actions: "Constitution actions",
    pdf: "Download as PDF",
    amendmentsPdf: "Amendments as PDF",
    compare: compareText.heading,
    vote: "Vote on the clauses",
    results: "Results",
    manage: "Manage drafting and votes",
  },
  /** A clause's tags beside its title. */
  tags: {
    entrenched: "Entrenched",
    decision: decisionTags,
  },
  /** The note above a clause's text: where it is printed, and the link to its page. */
  linesNote: {
    lines: (first: number, last: number) => `Lines ${first} to ${last}`,
    debate: (amendments: number) => `Amendments (${amendments}) and comments`,
    clausePage: "Clause page",
    /** After the link's words, for screen readers: which clause it is for. */
    forClause: (title: string) => ` for ${title}`,
  },
  contents: {
    metaTitle: "Constitution",
    heading: "Contents",
    howToRead: "Open a clause to read it. Each clause page leads on to the next.",
    // Each note follows the clause's title in the list, so it starts with its own separator.
    entrenched: " (entrenched)",
    decision: (decision: string | null) => (decision === "adopted" ? " (adopted)" : decision === "rejected" ? " (rejected, left out)" : ""),
    amendments: (count: number) => (count > 0 ? `: ${count} ${noun(count, "amendment")}` : ""),
    wholeLink: "Read the whole constitution on one page",
    wholeNote: " (long: best on a computer, or to search the text).",
  },
  whole: {
    metaTitle: "The whole constitution",
  },
  clause: {
    /** `clause` is "3. Membership", or null when there is no such clause. */
    metaTitle: (clause: string | null) => `${clause ?? "Clause"} - Constitution`,
    noSuchClause: "There is no such clause in the constitution.",
    position: (number: number, count: number) => `Clause ${number} of ${count}`,
    otherClauses: "Other clauses",
    previous: "Previous clause",
    next: "Next clause",
  },
};
