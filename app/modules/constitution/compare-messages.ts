import { commonWords } from "~/components/messages";

/** The wording of Compare versions (routes/constitution.compare.tsx). */
export const compareText = {
  metaTitle: "Compare versions - Constitution",
  back: commonWords.backToConstitution,
  heading: "Compare versions",
  nothingYet: "There is nothing to compare until drafting starts.",
  from: "Compare",
  to: "with",
  submit: "Show the differences",
  unknownVersion: "One of those versions does not exist. Choose again.",
  same: "The two texts are the same.",
  differ: (count: number) => `${count} ${count === 1 ? "clause differs" : "clauses differ"}. Deleted words are struck through; added words are underlined.`,
  /** The texts to choose from. */
  choices: {
    original: "The draft as published",
    amended: "The draft as amended (carried amendments)",
    withAmendment: (n: number) => `The draft with amendment A${n} made`,
    version: (n: number, adoptedAt: string) => `Version ${n}, adopted on ${adoptedAt}`,
  },
  tags: {
    added: "New clause",
    deleted: "Deleted",
    moved: "Moved",
    renamed: "Renamed",
    entrenched: "Now entrenched",
    notEntrenched: "No longer entrenched",
  },
  titleOf: (title: string) => `Title of ${title}`,
  textOf: (title: string) => `Text of ${title}`,
};
