/** The wording of the Names already registered page (routes/registration.names.tsx); refusals are in messages.ts (namesProblemMessages). */
import { commonWords, headerText } from "~/components/messages";
import { formatNumber as count } from "../../utils/numbers";

export const namesPageText = {
  metaTitle: "Names already registered - Registration",
  registration: headerText.sections.registration,
  title: "Names already registered",
  notUnderstood: commonWords.notUnderstood,
  loadedTitle: "List loaded",
  loaded: (loaded: number, read: number, skipped: number) =>
    `${count(loaded)} names loaded from ${count(read)} rows. ${count(skipped)} rows skipped (blank or repeated names).`,
  clearedTitle: "List cleared",
  cleared: (removed: number) => `${count(removed)} names removed.`,
  lead: "The readiness checks compare the party's name and descriptions with the names of parties already on the Electoral Commission's registers, to warn of names voters might confuse. Download the list of registered parties from the Commission's register search as CSV and load it here.",
  listNow: "The list now",
  empty: "No names are loaded, so the similarity checks have nothing to compare with.",
  summary: (total: number, loadedOn: string | null, shown: number) =>
    `${count(total)} names${loadedOn ? `, loaded on ${loadedOn}` : ""}. The first ${shown} in alphabetical order:`,
  firstNames: "The first names of the list",
  columns: { name: "Name", register: "Register" },
  registerNotGiven: "Not given",
  clear: "Clear the list",
  loadHeading: "Load a list",
  fileLabel: "CSV file of registered party names",
  fileHint:
    'The names in a column headed "name" (or "party name"), or else in the first column. A "register" column is kept if there is one. Loading a file replaces the whole list.',
  load: "Load the list",
} as const;
