/**
 * The wording of the pages that read the constitution as it stands: the contents
 * (routes/constitution._index.tsx), the whole text on one page (constitution.full.tsx) and one
 * clause at a time (constitution.read.$clauseId.tsx).
 */
import { noun } from "~/utils/plural";

export const readingText = {
  backToContents: "Constitution: contents",
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
