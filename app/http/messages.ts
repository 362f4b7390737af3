import type { BodyProblem } from "./request-body";
import { siteText } from "~/components/messages";

/** Wording for requests refused at the front door, before any page runs. */

const MiB = 1024 * 1024;
const KiB = 1024;

/** "1 MB", "31 MB", "512 KB": sizes as people see them in their file browser. */
export function describeSize(bytes: number): string {
  if (bytes >= MiB) return `${Math.floor(bytes / MiB)} MB`;
  return `${Math.max(1, Math.floor(bytes / KiB))} KB`;
}

export const frontDoorTitles = {
  400: "Sorry, we could not read what was sent",
  403: "This form was sent from another site",
  413: "What you sent is too large",
  415: "Sorry, we could not read what was sent",
  500: siteText.serviceProblemTitle,
  503: "Sorry, the service is busy or briefly unavailable",
} as const;

export function bodyProblemMessage(problem: BodyProblem): string {
  switch (problem.kind) {
    case "too_large":
      return `What you sent is larger than this page accepts (${describeSize(problem.limit)}). Nothing was saved. If you were sending a file, choose a smaller one.`;
    case "unsupported_type":
      return "This page only accepts its own form. Nothing was saved. Go back to the page and send the form again.";
    case "malformed":
      return "The form arrived incomplete or damaged. Nothing was saved. Go back to the page and send the form again.";
    case "too_many_fields":
      return "The form had far more fields than this page has. Nothing was saved. Go back to the page and send the form again.";
    case "nul_byte":
      return "The form contained a character that cannot be stored (a null character). Nothing was saved. Remove it and send the form again.";
  }
}

export const frontDoorMessages = {
  badAddress: "The web address contains a character that cannot be used (a null character). Check the address and try again.",
  badHeader: (header: string) => `The request's ${header} header could not be read, so it was refused.`,
  crossSite:
    "This form was sent from another site, or from this site over an insecure connection, so it was refused. Go to the page on this site and send it again.",
  serverError: siteText.serviceProblem,
};

/** A request refused because the database cannot be used right now (docs/decisions/040). */
export const unavailableMessage =
  "The service is busy or briefly unavailable. Your last action was not carried out unless it says otherwise. Please try again in a minute.";

/** The health checks' plain answers: read by load balancers and people alike. */
export const healthMessages = {
  up: "up",
  ready: "ok",
  unavailable: "The database is not answering: this server cannot serve requests now.",
};
