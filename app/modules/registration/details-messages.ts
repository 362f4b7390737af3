/**
 * The Application details page's wording (routes/registration.details.tsx): each section's
 * questions, hints and choices. Field labels used in messages about saved answers are in
 * messages.ts (fieldLabels); section titles too (sectionTitles).
 */
import { commonWords, headerText } from "~/components/messages";
import { addressLabels } from "./address-messages";
import { MAX_DESCRIPTIONS, MAX_NAME_WORDS } from "./details";
import { nationNames, registerNames } from "./place-messages";

type Choices = readonly (readonly [string, string])[];
const yesNo: Choices = [
  ["yes", commonWords.yes],
  ["no", commonWords.no],
];

export const detailsPageText = {
  title: "Application details",
  metaTitle: "Registration details",
  registration: headerText.sections.registration,
  saved: "Saved",
  lead: "Every section saves as a draft on its own: answer them in any order and come back later. The readiness page checks the answers against the Electoral Commission's rules.",
  sections: "Sections",
  save: "Save",
  saveAndContinue: "Save and continue",
  day: "Day",
  month: "Month",
  remove: (noun: string, n: number) => `Remove ${noun.toLowerCase()} ${n}`,
  rowLegend: (noun: string, n: number) => `${noun} ${n}`,
  notUnderstood: commonWords.notUnderstood,
} as const;

export const detailsQuestions = {
  register: {
    legend: "Which register is the party applying to join?",
    choices: [
      ["GB", registerNames.GB],
      ["NI", registerNames.NI],
      ["both", "Both (two legally separate parties with separate finances)"],
    ] as Choices,
  },
  nations: {
    legend: "If Great Britain or both: which nations will the party contest elections in?",
    choices: [
      ["england", nationNames.england],
      ["scotland", nationNames.scotland],
      ["wales", nationNames.wales],
    ] as Choices,
    hint: "Choose at least one. Leave these empty for Northern Ireland only.",
  },
  partyType: {
    legend: "What type of party is it?",
    choices: [
      ["full", "A full party: contests any elections"],
      ["minor", "A minor party: contests only English parish or Welsh community council elections"],
    ] as Choices,
  },
  minorElections: {
    legend: "If a minor party: which elections will it contest?",
    choices: [
      ["english-parish", "English parish council elections"],
      ["welsh-community", "Welsh community council elections"],
    ] as Choices,
  },
  intendsToContest: {
    label: "The party intends to field at least one candidate at an election",
    hint: "The Commission registers only parties that intend to contest elections.",
  },
  name: {
    label: "The party's name",
    hint: `At most ${MAX_NAME_WORDS} words, in Roman letters you can type on a UK keyboard, with no web address or hashtag.`,
  },
  nameTranslation: {
    label: "Its Welsh or Irish form (optional)",
    hint: "Only a Great Britain party contesting in Wales may add a Welsh form; only a Northern Ireland party an Irish one.",
  },
  nameTranslationLanguage: {
    legend: "If you gave another form: which language is it in?",
    choices: [
      ["welsh", "Welsh"],
      ["irish", "Irish"],
    ] as Choices,
  },
  descriptions: {
    hint: `Up to ${MAX_DESCRIPTIONS} descriptions candidates may use on the ballot paper. Empty rows are left out when you save.`,
    noun: "Description",
    text: (n: number) => `Description ${n}`,
    textHint: `At most ${MAX_NAME_WORDS} words, different from the name.`,
    translation: (n: number) => `Description ${n}: Welsh or Irish form (optional)`,
    add: "Add another description",
  },
  headquarters: {
    legend: addressLabels.headquarters,
    hint: "The address is published on the register. A PO box is better than someone's home.",
    line1: addressLabels.line1,
    line2: "Address line 2 (optional)",
    town: addressLabels.town,
    postcode: addressLabels.postcode,
  },
  headquartersIsHome: { legend: "Is this address someone's home?", choices: yesNo },
  contactEmail: { label: "Contact email address", hint: "For the Commission to contact the party." },
  contactPhone: { label: "Contact telephone number" },
  leaderPurpose: {
    label: "If the party has no single overall leader: for what purpose does the registered leader lead?",
    hint: "For example, co-leaders: say which of them is registered and for what purpose. Leave empty if the leader is the overall leader.",
  },
  additionalOfficer: {
    legend: "Additional officer",
    hint: "Needed only when one person is leader, nominating officer and treasurer and there is no campaigns officer. They must hold a named office in the party.",
    who: "Who is it?",
    nobody: "Nobody",
    office: "The office they hold in the party",
  },
  hasAccountingUnits: { legend: "Will the party have accounting units (branches that keep their own accounts)?", choices: yesNo },
  accountingUnits: {
    hint: "If yes: each unit's name, treasurer, second officer and address.",
    noun: "Accounting unit",
    name: (n: number) => `Unit ${n}: name`,
    treasurer: (n: number) => `Unit ${n}: treasurer`,
    secondOfficer: (n: number) => `Unit ${n}: second officer`,
    address: (n: number) => `Unit ${n}: address`,
    town: (n: number) => `Unit ${n}: town or city`,
    postcode: (n: number) => `Unit ${n}: postcode`,
    add: "Add another accounting unit",
  },
  financialYearEnd: { legend: "On what day does the party's financial year end?", hint: "For example, 31 12 for 31 December." },
  assetsWithinThreshold: {
    legend: "The proposed treasurer's declaration: do the party's assets and its liabilities each come to £500 or less?",
    choices: [
      ["yes", "Yes: assets and liabilities each do not exceed £500"],
      ["no", "No: attach a record of assets and liabilities"],
    ] as Choices,
  },
  assetsRecord: {
    legend: "If no: the record, in whole pounds",
    cashAtBank: "Money in the bank",
    equipment: "Equipment",
    otherAssets: "Other assets",
    otherAssetsDetail: "What the other assets are",
    loansFromFinancialInstitutions: "Loans from banks and other financial institutions",
    otherLoans: "Other loans",
    tradeAndOtherCreditors: "Trade and other creditors",
    otherLiabilities: "Other liabilities",
    otherLiabilitiesDetail: "What the other liabilities are",
  },
  notThirdParty: {
    label: "The party is not a recognised third party (a registered non-party campaigner)",
    hint: "A recognised third party must de-register before it can register as a party.",
  },
  notContestingGeneralElections: {
    label: "The party will not contest UK Parliamentary general elections (optional declaration)",
    hint: "Not for minor parties. Leave unticked if the party may stand candidates for Parliament.",
  },
} as const;
