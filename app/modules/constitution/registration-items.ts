/**
 * What the Electoral Commission looks for in a party's constitution, as data: the list in
 * section 3 of the registration reference (registration-uk.md), also set out in standing orders
 * 6.2 and 6.3.
 * The first eleven are the contents the Commission checks for; the last two are conditions the
 * whole text must meet (agreeing with the law and with the financial scheme), kept here so that a
 * clause has to say how it meets them. Clauses name the keys they satisfy in their `covers` list.
 */
export interface RegistrationItem {
  key: string;
  label: string;
  description: string;
}

export const registrationItems = [
  {
    key: "register",
    label: "Register",
    description:
      "Which register or registers the party applies to (Great Britain, Northern Ireland, or both), which of England, Scotland and Wales it covers, and, if both registers, that the two parts run separately.",
  },
  {
    key: "aims",
    label: "Aims and objectives",
    description: "The party's aims and objectives.",
  },
  {
    key: "elections",
    label: "Contesting elections",
    description: "That the party intends to contest elections, and which kinds of election.",
  },
  {
    key: "candidate-selection",
    label: "Candidate selection",
    description: "How the party selects its candidates, or at least a statement that a selection process exists.",
  },
  {
    key: "structure-officers",
    label: "Structure and officers",
    description:
      "How the party is organised and who manages it; its officers, their duties and terms of office, and how they are elected, replaced or removed.",
  },
  {
    key: "decision-making",
    label: "Decision-making",
    description: "How decisions are made and recorded, how often meetings are held, and their quorum.",
  },
  {
    key: "discipline",
    label: "Disputes and discipline",
    description: "How disputes are resolved and how discipline is handled.",
  },
  {
    key: "membership",
    label: "Membership",
    description: "The membership rules: who can be a member, and how they join and leave.",
  },
  {
    key: "financial-scheme",
    label: "Financial scheme adopted",
    description: "A statement that the party has adopted a financial scheme.",
  },
  {
    key: "amendment",
    label: "Amending the constitution",
    description: "How the constitution is amended.",
  },
  {
    key: "dissolution",
    label: "Dissolution",
    description: "How the party is dissolved.",
  },
  {
    key: "consistent-with-law",
    label: "Consistent with the law",
    description: "Nothing in the constitution may contradict the Political Parties, Elections and Referendums Act 2000 or equality law.",
  },
  {
    key: "consistent-with-financial-scheme",
    label: "Consistent with the financial scheme",
    description: "The constitution must agree with the financial scheme, in particular on who signs off the accounts and who authorises campaign spending.",
  },
] as const satisfies readonly RegistrationItem[];

export type RegistrationItemKey = (typeof registrationItems)[number]["key"];

const keys: ReadonlySet<string> = new Set(registrationItems.map((item) => item.key));

export function isRegistrationItemKey(value: string): value is RegistrationItemKey {
  return keys.has(value);
}
