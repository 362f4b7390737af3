/** The wording of the Registration documents page (routes/registration.documents.tsx); the documents' own titles are in pdf/messages.ts. */
import { commonWords } from "~/components/messages";
import type { PackStatus } from "./pack.server";

export const documentsPageText = {
  metaTitle: "Registration documents",
  back: commonWords.backToRegistration,
  title: "Registration documents",
  lead: "Everything the Electoral Commission asks for, as PDF: download each document, or the whole pack as one PDF or as a zip of the separate PDFs. Each document shows the application as it stands now.",
  notAdoptedBefore:
    "No constitution has been adopted yet. The pack can be downloaded, but its constitution part says it is missing: the founding members adopt it under ",
  notAdoptedLink: "Constitution",
  notAdoptedAfter: ".",
  keepSafe:
    "The officer sheets hold the officers' home addresses, which are never published: keep the files safe, and delete them once the application is made.",
  wholePack: "The whole pack",
  onePdf: "The whole pack as one PDF",
  zip: "The whole pack as a zip of separate PDFs",
  checkAgain: "Check again",
  prepare: "Prepare the pack now",
  eachDocument: "Each document",
  documents: "The documents of the registration pack",
  columns: { document: "Document", purpose: "What it is" },
  pdf: " (PDF)",
  schemeBefore: "Change the financial scheme on ",
  schemeLink: "its own page",
  readinessBefore: ". See ",
  readinessLink: "the readiness checks",
  readinessAfter: " before you apply.",
} as const;

/** Where the pack stands, as the page says it (and says again as it changes). */
export const packStatusText: Record<PackStatus, string> = {
  "not-started":
    "The pack has not been prepared since it last changed. Downloading it prepares it, which takes a few seconds; or prepare it now and download it when it is ready.",
  rendering: "Preparing the pack. This takes a few seconds.",
  ready: "The pack is ready: downloads start at once.",
  failed: "Preparing the pack failed. Try again; if it fails again, tell whoever runs Breakaway.",
};

/** The short pages a pack document's download (routes/registration.documents_.$doc.ts) shows instead of a PDF. */
export const packDocumentHelp = {
  noSuchDocument: {
    title: "There is no such document",
    body: "The registration pack has seven documents: see the list on the Registration documents page.",
  },
  noConstitution: {
    title: "No constitution adopted yet",
    body: "The pack needs the adopted constitution: the founding members adopt it under Constitution.",
  },
} as const;
