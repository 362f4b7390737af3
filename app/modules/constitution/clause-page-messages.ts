import { commonWords } from "~/components/messages";
import { readingText } from "./reading-messages";

/** The wording of a clause's page while it is drafted (routes/constitution.clauses.$clauseId._index.tsx). */
export const clausePageText = {
  /** `clause` is "3. Membership", or null when there is no such clause. */
  metaTitle: (clause: string | null) => `${clause ?? "Clause"} - Constitution`,
  noSuchClause: "There is no such clause in the draft.",
  unknownAction: commonWords.unknownAction,
  back: "Back to the clause in the constitution",
  commentPosted: { title: "Comment posted", body: "Your comment is below." },
  entrenched: readingText.tags.entrenched,
  lines: (first: number | null, last: number | null) => `Lines ${first} to ${last}.`,
  propose: "Propose an amendment to this clause",
  comments: "Comments on this clause",
  amendments: {
    heading: "Amendments",
    /** Followed by a link to sign in, for a reader who has not. */
    foundingMembersOnly: "Founding members see and propose amendments here.",
    signIn: "Sign in",
    none: "No amendments to this clause yet.",
    byCommittee: "Drafting committee",
    title: (n: number) => `Amendment A${n}`,
    proposedBy: (proposer: string, status: string) => `Proposed by ${proposer}. Status: ${status}. `,
    committeeNeedsNone: "Committee amendments need no supporters.",
    supporters: (have: number, needed: number) => `Supporters: ${have} of ${needed} needed.`,
    recommended: " The drafting committee has made a recommendation.",
    competesWith: (numbers: readonly number[]) => `Competes with ${numbers.map((n) => `A${n}`).join(", ")}:`,
    competesExplained: " they change the same words, so they will be ranked against each other and “No change”.",
    changesMadeBy: (n: number) => `Changes made by amendment A${n}`,
    reason: "Reason:",
    readMore: (n: number) => `Read, support or comment on A${n}`,
  },
};
