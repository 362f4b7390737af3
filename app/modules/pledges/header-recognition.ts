/** Which pledge field a column's header names, scored: how the header row is found and the mapping guessed. */
import { withoutBracketed } from "~/utils/trim";
import { pledgeFields, type PledgeField } from "./import-mapping";

function normaliseHeader(header: string): string {
  return withoutBracketed(header.toLowerCase())
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Names sign-up tools (Action Network, NationBuilder, Google and Microsoft Forms, Typeform,
 * CiviCRM, our own export) give their columns, normalised. An exact match beats a partial one.
 */
const synonyms: Record<PledgeField, readonly string[]> = {
  name: ["name", "full name", "fullname", "your name", "display name", "contact name", "pledger", "pledger name"],
  firstName: ["first name", "firstname", "given name", "forename", "forenames", "first"],
  lastName: ["last name", "lastname", "surname", "family name", "last"],
  email: ["email", "email address", "e mail", "e mail address", "emailaddress", "your email", "your email address", "email addr"],
  postcode: ["postcode", "post code", "postal code", "postalcode", "zip", "zip code", "zipcode", "your postcode"],
  relation: [
    "relation",
    "relationship",
    "relation to the party",
    "membership status",
    "member status",
    "are you a member",
    "are you a party member",
    "party member",
    "member",
    "membership",
  ],
  membershipNumber: ["membership number", "member number", "membership no", "member no", "membership id", "member id", "membership num"],
  subscription: [
    "monthly subscription",
    "subscription",
    "monthly fee",
    "membership fee",
    "monthly membership fee",
    "dues",
    "monthly dues",
    "subscription pence",
    "monthly subscription pence",
    "monthly amount",
  ],
  consentContact: [
    "consent to contact",
    "consent contact",
    "contact consent",
    "email opt in",
    "opt in",
    "optin",
    "email consent",
    "marketing consent",
    "can we contact you",
    "contact me",
    "newsletter",
    "subscribed to email",
  ],
  consentDataUse: [
    "consent to hold data",
    "consent data use",
    "data consent",
    "data use consent",
    "privacy consent",
    "gdpr consent",
    "privacy policy",
    "privacy notice",
    "agreed to privacy notice",
    "data protection consent",
    "consent",
  ],
  consentVersion: ["consent version", "privacy notice version", "privacy policy version", "policy version"],
  createdAt: [
    "created",
    "created at",
    "created on",
    "date",
    "date signed",
    "signed",
    "signed up",
    "signed up at",
    "sign up date",
    "signup date",
    "submitted",
    "submitted at",
    "submission date",
    "timestamp",
    "pledged",
    "pledged at",
    "pledged on",
  ],
  confirmed: ["confirmed", "confirmed at", "confirmed on", "email confirmed", "confirmation date", "verified", "email verified", "double opt in"],
  withdrawn: ["withdrawn", "withdrawn at", "withdrawn on", "unsubscribed at"],
};

/** Words that, found anywhere in a header, hint at a field. */
const keywords: Partial<Record<PledgeField, RegExp>> = {
  email: /\bemail\b|\be mail\b/,
  postcode: /\bpost ?code\b|\bzip\b/,
  membershipNumber: /\bmember(ship)? (number|no|id)\b/,
  subscription: /\bsubscription\b|\bdues\b/,
  consentContact: /\bcontact\b.*\bconsent\b|\bconsent\b.*\bcontact\b|\bopt ?in\b/,
  consentDataUse: /\bprivacy\b|\bgdpr\b|\bdata\b.*\bconsent\b|\bconsent\b.*\bdata\b/,
  relation: /\bmember(ship)? status\b|\bare you\b.*\bmember\b/,
  firstName: /\bfirst name\b|\bforename\b/,
  lastName: /\blast name\b|\bsurname\b/,
  confirmed: /\bconfirm(ed|ation)\b|\bverified\b/,
  createdAt: /\bcreated\b|\bsubmitted\b|\bsigned up\b/,
  withdrawn: /\bwithdrawn\b/,
};

export function fieldScore(field: PledgeField, header: string): number {
  const h = normaliseHeader(header);
  if (h === "") return 0;
  if (synonyms[field].includes(h)) return 3;
  if (keywords[field]?.test(h)) return 2;
  return 0;
}

export function bestFieldScore(header: string): number {
  let best = 0;
  for (const field of pledgeFields) best = Math.max(best, fieldScore(field, header));
  return best;
}
