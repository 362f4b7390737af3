/** The wording of the Registration page (routes/registration._index.tsx); its leads are in messages.ts (registrationText). */
import { headerText } from "~/components/messages";
import { formatNumber } from "../../utils/numbers";
import { detailsPageText } from "./details-messages";
import { schemePageText } from "./financial-scheme-messages";
import { namesPageText } from "./names-messages";
import { officerPageText } from "./officer-messages";

export const registrationHubText = {
  metaTitle: headerText.sections.registration,
  title: headerText.sections.registration,
  whereThingsStand: "Where things stand",
  officerBefore: (roles: string) => `You are the party's ${roles}. `,
  and: " and ",
  officerLink: "Give your details and confirm your declaration",
  officerAfter: ".",
  parts: "Parts of the application and their status",
  columns: { part: "Part", status: "Status", progress: "Progress" },
  details: detailsPageText.title,
  sectionsAnswered: (answered: number, total: number) => `${answered} of ${total} sections answered`,
  emblems: "Emblems",
  emblemsUploaded: (count: number) => `${count} of 3 uploaded (emblems are optional)`,
  officers: officerPageText.title,
  noOfficers: "No officers declared yet",
  officersComplete: (done: number, total: number) => `${done} of ${total} complete`,
  names: namesPageText.title,
  namesLoaded: (count: number) => `${formatNumber(count)} names loaded, for the similarity checks`,
  scheme: schemePageText.heading,
  readiness: "Readiness checks",
  readinessCounts: (fail: number, warning: number, pass: number) =>
    `${fail} ${fail === 1 ? "fail" : "fails"}, ${warning} ${warning === 1 ? "warning" : "warnings"}, ${pass} passed`,
  documents: "Documents and the pack",
  documentsWaiting: "Waiting for the adopted constitution (the other documents can be downloaded now)",
  documentsToPutRight: "Can be downloaded; put the failed checks right before you file",
  documentsReady: "Ready to download and file",
  sections: "Sections of the application",
} as const;
