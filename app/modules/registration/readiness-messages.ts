/**
 * Plain UK English for the readiness checks (readiness.ts), for the readiness page and the
 * checklist PDF. Each reason says what is wrong and what to do; warnings say that the Electoral
 * Commission decides. Kept apart from the rules so it can be reworded or translated.
 */
import { headerText } from "~/components/messages";
import { registrationItems } from "~/modules/constitution/registration-items";
import { officerProblemMessages, roleLabels } from "~/modules/elections/officer-rules-messages";
import type { OfficerProblemCode, RegisteredRole } from "~/modules/elections/officer-rules";
import { addressLabels } from "./address-messages";
import { nationNames, registerNames } from "./place-messages";
import type { EmblemFileErrorCode } from "./inspect-emblem.server";
import { LIST_SEPARATOR, type ReadinessCode } from "./readiness";
import type { CheckStatus, ReadinessCheck } from "./readiness-types";

export { statusLabel } from "./status-messages";

const groupHeadings: Record<ReadinessCheck["group"], string> = {
  application: "The application",
  name: "The party's name",
  descriptions: "Descriptions",
  emblems: "Emblems",
  officers: "Officers",
  constitution: "Constitution",
  finance: "Finances",
};

export function groupHeading(group: ReadinessCheck["group"]): string {
  return groupHeadings[group];
}

/** The readiness page's own words (routes/registration.readiness.tsx); its lead is in messages.ts (registrationText). */
export const readinessPageText = {
  metaTitle: "Readiness - Registration",
  registration: headerText.sections.registration,
  title: "Readiness checks",
  counts: { fail: "Fails", warning: "Warnings", pass: "Passed" } satisfies Record<CheckStatus, string>,
} as const;

/** The rule a name that is, or dresses up, a registered party's name breaks, and where it comes from. */
export const REGISTERED_NAME_SOURCE =
  "the Political Parties, Elections and Referendums Act 2000, section 28(4), bars a name that is the same as a registered party's or likely to be confused with it, and the Electoral Commission's guidance on party names gives a registered name with such a word added as one it refuses.";

/** Every warning ends with this: the app can only point things out. */
export const COMMISSION_DECIDES = "The Electoral Commission decides whether it is acceptable.";

/** Why an upload was refused as an emblem (EmblemFileError codes), for the form's error message. */
export const emblemFileErrorMessages: Record<EmblemFileErrorCode, string> = {
  empty: "The selected file is empty",
  too_large: "The selected file must be smaller than 5MB",
  not_image: "The selected file must be an image: PNG, JPEG, WebP or SVG",
  unsupported_format: "The selected file must be a PNG, JPEG, WebP or SVG image",
  too_many_pixels: "The selected image is too large: it must be smaller than 40 megapixels",
};

// ---------------------------------------------------------------------------------------------

type Params = Record<string, string | number>;
interface Wording {
  title: string;
  reason: string;
}
type Describe = (status: CheckStatus, p: Params) => Wording;

const str = (p: Params, key: string): string => (p[key] === undefined ? "" : String(p[key]));
const num = (p: Params, key: string): number => Number(p[key] ?? 0);
const items = (p: Params, key: string): string[] => (str(p, key) === "" ? [] : str(p, key).split(LIST_SEPARATOR));

/** "A", "A and B", "A, B and C". */
function and(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1] ?? ""}`;
}
const quoted = (list: readonly string[]) => and(list.map((s) => `“${s}”`));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const registerLabels: Record<string, string> = { ...registerNames, both: "Great Britain and Northern Ireland" };
const nationLabels: Record<string, string> = nationNames;
const minorElectionLabels: Record<string, string> = {
  "english-parish": "parish council elections in England",
  "welsh-community": "community council elections in Wales",
};
const addressPartLabels: Record<string, string> = { line1: "the first line", town: "the town or city", postcode: "the postcode" };
const unitPartLabels: Record<string, string> = {
  name: "its name",
  treasurer: "its treasurer",
  secondOfficer: "its second officer",
  address: "its full address",
};
const languageLabels: Record<string, string> = { welsh: "Welsh", irish: "Irish" };

/** "The name", "Description 3", "The translation of description 3". */
function subject(p: Params): string {
  switch (str(p, "subject")) {
    case "name-translation":
      return "The translated name";
    case "description":
      return `Description ${num(p, "index")}`;
    case "description-translation":
      return `The translation of description ${num(p, "index")}`;
    default:
      return "The name";
  }
}
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const messages: Record<ReadinessCode, Describe> = {
  // The application ----------------------------------------------------------------------------
  "application.register": (s, p) => ({
    title: "Register chosen",
    reason:
      s === "pass"
        ? `The party applies to the register for ${registerLabels[str(p, "register")] ?? str(p, "register")}.`
        : "Choose whether the party registers in Great Britain, Northern Ireland or both.",
  }),
  "application.nations": (s, p) => ({
    title: "Nations named",
    reason:
      s === "pass"
        ? `The party covers ${and(items(p, "nations").map((n) => nationLabels[n] ?? n))}.`
        : "A party on the Great Britain register must say which of England, Scotland and Wales it covers. Choose at least one.",
  }),
  "application.both-registers": () => ({
    title: "Registering in both Great Britain and Northern Ireland",
    reason:
      "Registering in both makes two legally separate parties, with separate finances, accounts and reports. Make sure the constitution and financial scheme say the two parts run separately. " +
      COMMISSION_DECIDES,
  }),
  "application.party-type": (s, p) => ({
    title: "Type of party chosen",
    reason:
      s === "pass"
        ? `The party applies as a ${str(p, "partyType") === "minor" ? "minor" : "full"} party.`
        : "Choose whether the party registers as a full party or a minor party.",
  }),
  "application.minor-gb-only": (s) => ({
    title: "A minor party registers in Great Britain only",
    reason:
      s === "pass"
        ? "The minor party applies to the Great Britain register."
        : "A minor party can only register in Great Britain. Change the register to Great Britain, or register as a full party.",
  }),
  "application.minor-elections": (s, p) => ({
    title: "A minor party says which elections it contests",
    reason:
      s === "pass"
        ? `The party will contest ${and(items(p, "elections").map((e) => minorElectionLabels[e] ?? e))}.`
        : "A minor party contests only parish council elections in England or community council elections in Wales. Say which.",
  }),
  "application.minor-general-election": (s) => ({
    title: "No general election declaration for a minor party",
    reason:
      s === "pass"
        ? "A minor party does not make the declaration about UK general elections, and none is made."
        : "A minor party cannot make the declaration that it will not contest UK Parliamentary general elections. Remove the declaration.",
  }),
  "application.intends-to-contest": (s) => ({
    title: "Intends to contest elections",
    reason:
      s === "pass"
        ? "The party declares that it intends to contest at least one election."
        : "The party must declare that it intends to field at least one candidate at an election. Confirm the declaration.",
  }),
  "application.headquarters": (s, p) => ({
    title: addressLabels.headquarters,
    reason:
      s === "pass"
        ? "The headquarters address is complete."
        : `The headquarters address is incomplete: add ${and(items(p, "missing").map((m) => addressPartLabels[m] ?? m))}.`,
  }),
  "application.headquarters-physical": (s) => ({
    title: "Headquarters is a postal address",
    reason:
      s === "pass"
        ? "The headquarters address looks like a postal address."
        : "The headquarters must be a postal address, not an email or web address. Enter the address where post reaches the party.",
  }),
  "application.headquarters-postcode": (s, p) => ({
    title: "Headquarters postcode",
    reason:
      s === "pass" ? "The postcode looks like a UK postcode." : `“${str(p, "postcode")}” does not look like a UK postcode. Check it. ${COMMISSION_DECIDES}`,
  }),
  "application.headquarters-home": (s) => ({
    title: "Headquarters address is published",
    reason:
      s === "pass"
        ? "The headquarters address is not someone's home. It will be published on the register."
        : "The headquarters address is someone's home, and it will be published on the register for anyone to see. Consider a PO box or office address instead. " +
          COMMISSION_DECIDES,
  }),
  "application.contact-email": (s, p) => ({
    title: "Contact email address",
    reason:
      s === "pass"
        ? "The contact email address looks right."
        : str(p, "state") === "missing"
          ? "Enter a contact email address for the party."
          : "The contact email address is not valid. Enter it like name@example.org.",
  }),
  "application.contact-phone": (s, p) => ({
    title: "Contact phone number",
    reason:
      s === "pass"
        ? "The contact phone number looks right."
        : str(p, "state") === "missing"
          ? "Enter a contact phone number for the party."
          : "The contact phone number is not valid. Enter a UK number like 020 7946 0000, or an international one starting with +.",
  }),
  "application.third-party": (s) => ({
    title: "Not a recognised third party",
    reason:
      s === "pass"
        ? "The party confirms it is not a recognised third party (non-party campaigner)."
        : "Confirm that the party is not registered as a recognised third party (a non-party campaigner). A third party must deregister first.",
  }),

  // Names and descriptions --------------------------------------------------------------------
  "name.required": (s) => ({
    title: "Name given",
    reason: s === "pass" ? "The party has a proposed name." : "Enter the name the party will register. It appears on ballot papers.",
  }),
  "text.word-limit": (s, p) => ({
    title: `${subject(p)}: at most ${num(p, "limit")} words`,
    reason:
      s === "pass" ? `It has ${plural(num(p, "words"), "word", "words")}.` : `It has ${num(p, "words")} words; the limit is ${num(p, "limit")}. Shorten it.`,
  }),
  "text.characters": (s, p) => ({
    title: `${subject(p)}: Roman letters only`,
    reason:
      s === "pass"
        ? "It uses only letters, numbers and punctuation you can type on a UK keyboard."
        : `It contains characters that cannot be typed on a UK keyboard or are not Roman script: ${str(p, "characters")}. Replace or remove them.`,
  }),
  "text.online": (s, p) => ({
    title: `${subject(p)}: no web addresses or online references`,
    reason:
      s === "pass"
        ? "It does not refer to online content."
        : `It refers to online content (${quoted(items(p, "found"))}). Web addresses, hashtags, social media handles and QR codes are not allowed. Remove them.`,
  }),
  "text.acronyms": (s, p) => ({
    title: `${subject(p)}: acronyms spelt out`,
    reason:
      s === "pass"
        ? "It has no acronyms that need spelling out."
        : `${quoted(items(p, "acronyms"))} may need spelling out: voters must understand every acronym except very well known ones like UK or NHS. ` +
          (num(p, "wordsCountingLetters") > num(p, "limit")
            ? `The Commission may also count each letter as a word, which would make ${num(p, "wordsCountingLetters")} words, over the limit of ${num(p, "limit")}. `
            : "The Commission may also count each letter as a word. ") +
          COMMISSION_DECIDES,
  }),
  "text.prohibited-words": (s, p) => {
    const qualified = items(p, "qualified");
    const qualifiedNote = qualified.length
      ? ` ${quoted(qualified)} ${qualified.length === 1 ? "is" : "are"} used in a qualified way, which the rules allow.`
      : "";
    if (s === "pass") {
      return { title: `${subject(p)}: restricted words`, reason: qualified.length ? qualifiedNote.trim() : "It uses none of the restricted words." };
    }
    const words = items(p, "words");
    const uses = items(p, "uses");
    const placeOnly = words.filter((_, i) => uses[i] === "place-or-institution");
    const needsParty = words.filter((_, i) => uses[i] === "party-noun");
    const needsWord = words.filter((_, i) => uses[i] === "other-word");
    const hints = [
      placeOnly.length ? `${quoted(placeOnly)} can only appear as part of the name of a place or institution` : "",
      needsParty.length ? `${quoted(needsParty)} can only describe the party, as in “Scottish Workers Party”` : "",
      needsWord.length ? `${quoted(needsWord)} must be qualified by another word, and “party” alone is not enough` : "",
    ].filter((h) => h !== "");
    return {
      title: `${subject(p)}: restricted words`,
      reason:
        `It uses ${words.length === 1 ? "a word" : "words"} that the law restricts in party names and descriptions: ${hints.join("; ")}.${qualifiedNote} ` +
        `Reword it, or be ready to explain the use. (Our list of these words is unconfirmed.) ${COMMISSION_DECIDES}`,
    };
  },
  "text.misleading": (s, p) => ({
    title: `${subject(p)}: not misleading about voting`,
    reason:
      s === "pass"
        ? "It has no words that could mislead voters about what their vote does."
        : `${quoted(items(p, "phrases"))} could mislead voters about the effect of their vote (like “Abstain” or “Place your X here”). Consider rewording it. ${COMMISSION_DECIDES}`,
  }),
  "text.registered-name": (s, p) => ({
    title: `${subject(p)}: not a registered party's name`,
    reason:
      s === "pass"
        ? "It is not the name of a registered party, nor such a name with only words like “Official”, “Real” or “New” added."
        : `It is the name of a registered party, or that name with only words like “Official”, “Real”, “True” or “New”, or place names, added: ${quoted(items(p, "names"))}. ` +
          `The Commission must refuse it: ${REGISTERED_NAME_SOURCE} Choose wording of your own.`,
  }),
  "text.similar": (s, p) => ({
    title: `${subject(p)}: not like a registered party's name`,
    reason:
      s === "pass"
        ? "It is not close to any name on the list of registered parties."
        : `It is close to ${plural(items(p, "names").length, "registered name", "registered names")}: ${quoted(items(p, "names"))}. Voters could confuse them; consider a more distinct wording. ${COMMISSION_DECIDES}`,
  }),
  "text.register-missing": (_s, p) => ({
    title: `${subject(p)}: not like a registered party's name`,
    reason: `It has not been compared with the parties already registered, because no list of their names has been loaded. Load the list on the registered names page. ${COMMISSION_DECIDES}`,
  }),
  "text.translation-allowed": (s, p) => {
    const language = languageLabels[str(p, "language")] ?? str(p, "language");
    return {
      title: `${subject(p)}: ${language} form allowed`,
      reason:
        s === "pass"
          ? `A ${language} form is allowed for this party.`
          : language === "Welsh"
            ? "A Welsh form is only allowed for a party on the Great Britain register that covers Wales. Remove it, or add Wales to the nations."
            : "An Irish form is only allowed for a party on the Northern Ireland register. Remove it, or change the register.",
    };
  },
  "text.translation-language": (_s, p) => ({
    title: `${subject(p)}: language given`,
    reason: `Say which language ${lower(subject(p))} is in: Welsh (for a party covering Wales) or Irish (for a Northern Ireland party).`,
  }),
  "descriptions.count": (s, p) => ({
    title: `At most ${num(p, "limit")} descriptions`,
    reason:
      s === "pass"
        ? num(p, "count") === 0
          ? "There are no descriptions. They are optional: without one, candidates can use only the party's name."
          : `There ${num(p, "count") === 1 ? "is 1 description" : `are ${num(p, "count")} descriptions`}.`
        : `There are ${num(p, "count")} descriptions; the limit is ${num(p, "limit")}. Remove some.`,
  }),
  "description.empty": (_s, p) => ({
    title: `Description ${num(p, "index")}: text given`,
    reason: "This description is empty. Enter its text, or remove it.",
  }),
  "description.equals-name": (s, p) => ({
    title: `Description ${num(p, "index")}: different from the name`,
    reason:
      s === "pass"
        ? "It is not the same as the party's name."
        : "A description cannot be exactly the party's name. Change it, or remove it: candidates can use the name anyway.",
  }),
  "description.contains-name": (s, p) => ({
    title: `Description ${num(p, "index")}: includes the party's name`,
    reason:
      s === "pass"
        ? "It includes the party's name."
        : `It does not include the party's name (“${str(p, "name")}”). A description without the name may be refused as likely to confuse voters; consider including it. ${COMMISSION_DECIDES}`,
  }),
  "description.duplicate": (s, p) => ({
    title: `Description ${num(p, "index")}: not a repeat`,
    reason: s === "pass" ? "It is not the same as another description." : `It is the same as description ${num(p, "of")}. Remove one of them.`,
  }),

  // Emblems ------------------------------------------------------------------------------------
  "emblems.count": (s, p) => ({
    title: `At most ${num(p, "limit")} emblems`,
    reason:
      s === "pass"
        ? num(p, "count") === 0
          ? "There are no emblems. They are optional."
          : `There ${num(p, "count") === 1 ? "is 1 emblem" : `are ${num(p, "count")} emblems`}.`
        : `There are ${num(p, "count")} emblems; the limit is ${num(p, "limit")}. Remove some.`,
  }),
  "emblem.colour": (s, p) => ({
    title: `Emblem ${num(p, "slot")}: black and white or greyscale`,
    reason:
      s === "pass"
        ? "It is in black and white or greyscale."
        : s === "fail"
          ? `It is in colour (${str(p, "colouredPercent")}% of it). An emblem must be black and white or greyscale. Upload a greyscale version.`
          : `It has faint traces of colour (${str(p, "colouredPercent")}% of it), perhaps from editing or compression. Upload a version saved as greyscale to be sure. ${COMMISSION_DECIDES}`,
  }),
  "emblem.whitespace": (s, p) => ({
    title: `Emblem ${num(p, "slot")}: cropped`,
    reason:
      s === "pass"
        ? "It has no surrounding whitespace."
        : `It has empty space around it (up to ${str(p, "marginPercent")}% on one side). Crop it to the edges of the design: it is printed only 2 cm square. ${COMMISSION_DECIDES}`,
  }),
  "emblem.text-size": (s, p) => ({
    title: `Emblem ${num(p, "slot")}: lettering large enough`,
    reason:
      s === "pass"
        ? p.textPercent === undefined
          ? "It has no lettering."
          : `Its smallest lettering is ${str(p, "textPercent")}% of its height.`
        : `Its smallest lettering is ${str(p, "textPercent")}% of its height; it must be at least ${str(p, "minimumPercent")}% to be readable at 2 cm. Enlarge or remove the lettering.`,
  }),
  "emblem.text-unanswered": (_s, p) => ({
    title: `Emblem ${num(p, "slot")}: lettering large enough`,
    reason: "Say whether the emblem has any lettering and, if it has, the height of its smallest letters in pixels, so its size can be checked.",
  }),
  "emblem.picture": (s, p) => ({
    title: `Emblem ${num(p, "slot")}: has a picture`,
    reason:
      s === "pass"
        ? "It has a pictorial element."
        : "An emblem must include a picture or symbol: plain text is refused. Add a pictorial element, or remove this emblem.",
  }),
  "emblem.picture-unanswered": (_s, p) => ({
    title: `Emblem ${num(p, "slot")}: has a picture`,
    reason: "Answer whether the emblem has a picture or symbol: an emblem of lettering alone is refused.",
  }),
  "emblem.resolution": (s, p) => ({
    title: `Emblem ${num(p, "slot")}: image size`,
    reason:
      s === "pass"
        ? `It is ${num(p, "width")} by ${num(p, "height")} pixels.`
        : `It is only ${num(p, "width")} by ${num(p, "height")} pixels and may print blurred. Upload one at least ${num(p, "minimum")} pixels on each side. (The Commission's required format and resolution are unconfirmed.) ${COMMISSION_DECIDES}`,
  }),

  // Officers -----------------------------------------------------------------------------------
  "officers.declared": (s) => ({
    title: "Officers elected",
    reason:
      s === "pass"
        ? "The officer elections have been declared."
        : "The officers have not been declared yet. Hold the officer elections and declare the results.",
  }),
  "officers.changed-by-recount": (s, p) => {
    const role = roleLabels[str(p, "role") as RegisteredRole] ?? str(p, "role");
    const changed = `A recount corrected the declared result: the ${role} is now ${and(items(p, "to")) || "nobody"}, not ${and(items(p, "from")) || "nobody"}.`;
    return {
      title: `The ${role} changed after a recount`,
      reason:
        s === "pass"
          ? `${changed} The new ${role} has given their details and confirmed the declaration since.`
          : `${changed} The new ${role} must give their details and confirm the declaration, and anything already sent to the Electoral Commission must be corrected.`,
    };
  },
  "officers.combination": () => ({
    title: "Officers can be registered together",
    reason: "The declared officers meet the Electoral Commission's rules and our standing orders.",
  }),
  "officers.rule": (_s, p) => {
    const code = str(p, "problem") as OfficerProblemCode;
    const describe = officerProblemMessages[code];
    const problem = { code, people: items(p, "people"), roles: items(p, "roles") as RegisteredRole[], severity: "fail" as const };
    const text = describe ? describe(problem, (person) => person) : "The declared officers cannot be registered together.";
    const action =
      code === "additional_officer_required"
        ? "Name the additional officer and the office they hold in the registration details."
        : code === "additional_officer_not_allowed"
          ? "Remove the additional officer from the registration details."
          : "Change the officers through a new election, then check again.";
    return { title: "Officers can be registered together", reason: `${text} ${action}` };
  },
  "officers.leader-purpose": (s, p) => ({
    title: "Co-leaders: purpose of the registered leader",
    reason:
      s === "pass"
        ? `The party has co-leaders (${and(items(p, "people"))}); one is registered as leader for a stated purpose: “${str(p, "purpose")}”.`
        : `The party has co-leaders (${and(items(p, "people"))}). Only one can be registered, as leader for a stated purpose (for example, “leader for the purposes of registration”). State the purpose for which the registered leader leads.`,
  }),
  "officers.additional-office": (s, p) => ({
    title: "Additional officer's office",
    reason:
      s === "pass"
        ? `The additional officer holds the office of ${str(p, "office")}.`
        : "An additional officer must hold a named office in the party. Enter the office they hold.",
  }),
  "officer.details": (s, p) => ({
    title: `${str(p, "name")}: own details`,
    reason:
      s === "pass"
        ? `${str(p, "name")} has given their full name, home address and email address.`
        : `${str(p, "name")} has not yet given their full name, home address and email address. Ask them to sign in and complete their officer page.`,
  }),
  "officer.declaration": (s, p) => {
    const role = roleLabels[str(p, "role") as RegisteredRole] ?? str(p, "role");
    return {
      title: `${str(p, "name")}: declaration as ${role}`,
      reason:
        s === "pass"
          ? `${str(p, "name")} has confirmed the declaration for ${role}.`
          : `${str(p, "name")} has not yet confirmed the declaration for ${role}. Ask them to sign in and confirm it on their officer page.`,
    };
  },

  // Constitution and finances ------------------------------------------------------------------
  "constitution.adopted": (s, p) => ({
    title: "Constitution adopted",
    reason:
      s === "pass"
        ? `Version ${num(p, "version")} of the constitution has been adopted.`
        : "A full party needs an adopted constitution. Adopt one on the Constitution pages.",
  }),
  "constitution.item": (s, p) => {
    const item = registrationItems.find((i) => i.key === str(p, "item"));
    const label = item?.label ?? str(p, "item");
    return {
      title: `Constitution covers: ${label}`,
      reason:
        s === "pass"
          ? `A clause of the adopted constitution covers this: ${lower(item?.description ?? label)}`
          : `No clause of the adopted constitution covers this, which the Commission looks for: ${lower(item?.description ?? label)} Amend the constitution to cover it.`,
    };
  },
  "finance.scheme": (s) => ({
    title: "Financial scheme",
    reason: s === "pass" ? "The financial scheme is ready." : "A full party must send its financial scheme. Prepare it on the financial scheme page.",
  }),
  "finance.scheme-adopted": (s) => ({
    title: "Financial scheme adopted by ballot",
    reason:
      s === "pass"
        ? "The founding members adopted the financial scheme, as it stands, by ballot."
        : "The founding members have not adopted the financial scheme as it stands. Ask them to adopt it by ballot on the financial scheme page (again, if it was changed since it was adopted).",
  }),
  "finance.year-end": (s, p) => ({
    title: "Financial year",
    reason:
      s === "pass"
        ? `The financial year ends on ${str(p, "value")} (day-month).`
        : p.value === undefined
          ? "Enter the last day of the party's financial year."
          : `“${str(p, "value")}” is not a real day of the year. Enter the last day of the financial year.`,
  }),
  "finance.accounting-units": (s, p) => ({
    title: "Accounting units",
    reason:
      s === "pass"
        ? str(p, "state") === "no"
          ? "The party has no accounting units."
          : `The party has ${plural(num(p, "count"), "accounting unit", "accounting units")}.`
        : str(p, "state") === "unanswered"
          ? "Say whether the party has accounting units (branches that keep their own accounts)."
          : "You said the party has accounting units but listed none. Add them, or answer no.",
  }),
  "finance.accounting-unit": (s, p) => {
    const which = p.name === undefined ? `Accounting unit ${num(p, "index")}` : `Accounting unit ${num(p, "index")} (${str(p, "name")})`;
    return {
      title: `${which}: complete`,
      reason:
        s === "pass" ? "Its name, treasurer, second officer and address are given." : `Add ${and(items(p, "missing").map((m) => unitPartLabels[m] ?? m))}.`,
    };
  },
  "finance.assets-declaration": (s, p) => ({
    title: "Assets and liabilities declaration",
    reason:
      s === "pass"
        ? str(p, "withinThreshold") === "yes"
          ? "The treasurer declares that the party's assets and liabilities each do not exceed £500."
          : "The treasurer declares that the party's assets or liabilities exceed £500, with a record."
        : "The proposed treasurer must declare whether the party's assets and liabilities each do not exceed £500. Answer the question. It is published for 6 years.",
  }),
  "finance.assets-record": (s) => ({
    title: "Record of assets and liabilities",
    reason:
      s === "pass"
        ? "The record of assets and liabilities is filled in."
        : "As the assets or liabilities exceed £500, a record of them is needed. Fill in the amounts.",
  }),
};

/** The title and reason people read for a check. */
export function describeCheck(check: ReadinessCheck): { title: string; reason: string } {
  const describe = messages[check.code as ReadinessCode] as Describe | undefined;
  if (!describe) return { title: check.code, reason: "This check has no wording yet." };
  return describe(check.status, check.params ?? {});
}

/** Whether `code` has wording (for the tests). */
export function isWorded(code: string): boolean {
  return code in messages;
}
