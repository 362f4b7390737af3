/**
 * Readiness inputs for the tests (readiness.test.ts, readiness-messages.test.ts): a party ready to
 * apply, and a way to change one thing at a time.
 */
import { registrationItems } from "~/modules/constitution/registration-items";
import type { EmblemInspection, RegistrationDraft } from "./details";
import type { ReadinessEmblem, ReadinessInput, ReadinessOfficer } from "./readiness-types";

export const readyDetails: RegistrationDraft = {
  register: "GB",
  nations: ["england", "wales"],
  partyType: "full",
  intendsToContest: true,
  name: "Breakaway Party",
  nameTranslation: "Plaid Ymwahanu",
  nameTranslationLanguage: "welsh",
  descriptions: [{ text: "Breakaway: Power to the Members", translation: "Ymwahanu: Grym i'r Aelodau" }, { text: "Breakaway for Fair Votes" }],
  headquarters: { line1: "PO Box 123", town: "Leeds", postcode: "LS1 1AA" },
  headquartersIsHome: false,
  contactEmail: "hello@breakaway.example",
  contactPhone: "0113 496 0000",
  hasAccountingUnits: true,
  accountingUnits: [
    {
      name: "Breakaway Wales",
      treasurer: "Dai Jones",
      secondOfficer: "Megan Rees",
      address: { line1: "1 Stryd Fawr", town: "Caerdydd", postcode: "CF10 1AA" },
    },
  ],
  financialYearEnd: "31-12",
  assetsWithinThreshold: true,
  notThirdParty: true,
};

export const greyInspection: EmblemInspection = {
  width: 800,
  height: 800,
  format: "png",
  maxSaturation: 0,
  colouredShare: 0,
  margins: { top: 0, right: 0.01, bottom: 0, left: 0.005 },
};

export const readyEmblem: ReadinessEmblem = { slot: 1, inspection: greyInspection, hasPicture: true, hasText: true, smallestTextPx: 80 };

export const officer = (userId: string, name: string, role: ReadinessOfficer["role"], extra: Partial<ReadinessOfficer> = {}): ReadinessOfficer => ({
  role,
  userId,
  name,
  detailsComplete: true,
  confirmed: true,
  ...extra,
});

export const readyOfficers: ReadinessOfficer[] = [
  officer("u-ann", "Ann Smith", "leader"),
  officer("u-ben", "Ben Jones", "nominating-officer"),
  officer("u-cat", "Cat Brown", "treasurer"),
];

export const readyInput: ReadinessInput = {
  details: readyDetails,
  emblems: [readyEmblem],
  officers: readyOfficers,
  officersDeclared: true,
  constitution: { version: 3, coveredItems: registrationItems.map((item) => item.key) },
  financialScheme: "1. Financial scheme\n\nThe treasurer keeps the accounts.",
  financialSchemeAdopted: true,
  registeredNames: ["Labour Party", "Green Party", "Liberal Democrats", "Reform UK"],
};

/** The ready input with some details and other parts replaced. */
export function withInput(details: Partial<RegistrationDraft>, rest: Partial<Omit<ReadinessInput, "details">> = {}): ReadinessInput {
  return { ...readyInput, ...rest, details: { ...readyDetails, ...details } };
}
