import { commonWords } from "~/components/messages";

/** The wording of Manage the constitution (routes/constitution.manage.tsx); refusals are in messages.ts. */
export const manageConstitutionText = {
  metaTitle: "Manage the constitution",
  title: "Manage the constitution",
  recorded: commonWords.recorded,
  supportersSaved: "The number of supporters needed is saved.",
  closesAtMissing: "Enter a real date and time for the ballot to close",
  unknownAction: commonWords.unknownAction,
  intro: { before: "You are on the drafting committee. Every change here is recorded in the ", link: "audit log", after: "." },
  draft: {
    heading: "The draft",
    state: (phase: string, amendments: string, source: "model" | "upload" | string) =>
      `${phase}. ${amendments} Started from ${source === "model" ? "the model constitution" : source === "upload" ? "an uploaded file" : "the adopted version"}.`,
    none: "No draft yet. Start from the model constitution, or upload your own as Markdown.",
    startAgain: "Start again from the model constitution",
    start: "Start drafting from the model constitution",
    uploadLabel: "Or upload a Markdown file",
    uploadHint: "Each clause starts with a heading line beginning “## ”. Add “(entrenched)” at the end of a heading to entrench that clause. Up to 500 KB.",
    upload: "Upload and start the draft",
    adopted: (version: number) =>
      `Version ${version} is adopted. To change it, start a new draft from it: the result, once adopted, becomes version ${version + 1}.`,
    amendVersion: (version: number) => `Start amending version ${version}`,
  },
  supporters: {
    heading: "Supporters needed",
    label: "Founding members, besides the proposer, who must support an amendment before it goes to the vote",
    hint: "The standing orders say 5 (7.4).",
    save: "Save",
  },
  votes: {
    heading: "Votes",
    notYet: "No vote on the constitution can open until the founding members have adopted the standing orders (on the Founding page).",
    roundOpen: (n: number, closesAt: string) => `Round ${n} is open until ${closesAt}. `,
    seeTurnout: "See turnout and close it",
    closesDrafting:
      "Opening the vote closes drafting: amendments with enough support go on the ballot, each clause gets one ballot, and the roll of founding members is frozen.",
    closesAt: commonWords.ballotClosesAt,
    open: "Open the vote",
    lastStep: "Every clause is decided. The last step is the vote on the constitution as a whole, which needs two thirds (standing orders 10.5).",
    adoptionClosesAt: "The adoption vote closes at (UK time)",
    openAdoption: "Open the adoption vote",
    adoptionOpen: "The adoption vote is open or counted: ",
    seeResults: "see the results",
  },
} as const;
