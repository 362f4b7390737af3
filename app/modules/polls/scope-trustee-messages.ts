/**
 * What pages say about the trustees named for a part of the road (decision 048): the decision
 * ballot, the standing orders, the constitution's votes, the financial scheme. The same plain
 * words as an election's trustees (decision 047), about that part's polls.
 */
import { commonWords } from "~/components/messages";
import type { TrusteeScope } from "./encrypted/scope-trustees.server";
import { trusteeNamingText } from "./trustee-messages";

interface ScopeWording {
  /** The polls the trustees hold, as a sentence says them after "the key of". */
  polls: string;
  /** Who names them, and until when. */
  namer: string;
  /** What can open once the key is made (a sentence without its full stop). */
  opens: string;
  /** Where a trustee goes back to from their trustee page. */
  back: { href: string; label: string };
}

const scopes: Record<TrusteeScope, ScopeWording> = {
  decision: {
    polls: "the members' decision ballot",
    namer: "The organisers can name trustees until the decision ballot opens.",
    opens: "The decision ballot can open",
    back: { href: "/polls", label: "Back to the polls" },
  },
  standing_orders: {
    polls: "the vote on the standing orders",
    namer: "The organisers can name trustees until the vote opens.",
    opens: "The vote can open",
    back: { href: "/founding", label: "Back to founding" },
  },
  constitution: {
    polls: "every vote on the constitution (each round's questions and the adoption vote)",
    namer: "The organisers can name trustees; a change applies to the rounds not yet opened.",
    opens: "A voting round can open",
    back: { href: "/constitution", label: commonWords.backToConstitution },
  },
  financial_scheme: {
    polls: "the vote on the financial scheme",
    namer: "The organisers can name trustees until the vote opens.",
    opens: "The vote can open",
    back: { href: "/registration", label: commonWords.backToRegistration },
  },
};

/** The two Belenios groups, as a trustee reads them: which of the part's questions a key is for. */
const keyFor: Record<string, string> = {
  "BELENIOS-2048": "Key for the Yes/No questions",
  "RFC-3526-2048": "Key for the questions that rank or choose between wordings",
};

export function scopeTrusteeText(scope: TrusteeScope) {
  const s = scopes[scope];
  return {
    heading: "Trustees",
    serverHolds: `No trustees are named: the server holds the key of ${s.polls}, so whoever runs it could read the ballots. ${s.namer}`,
    held: (total: number, needed: number) =>
      needed < total
        ? `The key of ${s.polls} is shared by ${total} trustees: any ${needed} of them together can decrypt the result, and nobody, not even the people who run the server, can read a ballot without ${needed} of them.`
        : `The key of ${s.polls} is held by ${total} ${total === 1 ? "trustee" : "trustees"}: nobody, not even the people who run the server, can read a ballot or a result without every one of them.`,
    names: (names: string[]) => `Trustees: ${names.join(", ")}.`,
    ready: (ready: number, total: number) => `${ready} of ${total} trustees have made their key. ${s.opens} once all have.`,
    step: (step: number, taken: number, total: number) => `They are making their shared key: ${taken} of ${total} have done step ${step} of 3.`,
    complete: `Their key is made. ${s.opens}.`,
    inUse: `Their key holds ${s.polls}.`,
    yourPage: trusteeNamingText.yourPage,
    keyFor: (groupName: string) => keyFor[groupName] ?? groupName,
    formIntro: `Name members to hold the key of ${s.polls} instead of the server. With 3 or more, they make one key together and any few of them can decrypt. Naming them again replaces them, and any key they made.`,
    formLabel: trusteeNamingText.formLabel,
    nameButton: trusteeNamingText.nameButton,
    named: (n: number) => `${n} ${n === 1 ? "trustee is" : "trustees are"} named. Each now makes their key on their trustee page.`,
    removed: `No trustees are named: the server holds the key of ${s.polls}.`,
    waiting: `Voting has closed. The ballots are waiting for the trustees to decrypt them; the result is counted as soon as enough have, by itself within a minute or so.`,
    /** The trustee page's lead, as for an election's set (decision 047). */
    every: s.polls,
    back: s.back,
  };
}

export type TrusteePanelText = Pick<
  ReturnType<typeof scopeTrusteeText>,
  "heading" | "serverHolds" | "held" | "names" | "ready" | "step" | "complete" | "inUse" | "yourPage" | "formIntro" | "formLabel" | "nameButton"
> & { keyFor?: (groupName: string) => string };

/** A set no longer named for any part (named again since) still has polls to decrypt. */
export const unnamedSetTitle = "the polls you hold the key of";

/** The Trustees page: who holds the key of each vote on the road. */
export const trusteesPageText = {
  title: "Trustees",
  lead: "Every vote's ballots are encrypted. Whoever holds a vote's key can read its result, so each vote can be held by trustees among the members instead of the server: then nobody, not even the people who run the server, can read a ballot or a result without them. The returning officer names them here; the organisers name the decision ballot's on Manage the campaign, before there is a returning officer.",
  whoHolds: "Who holds the key",
  parts: {
    decision: "The members' decision",
    standing_orders: "The standing orders vote",
    constitution: "The constitution's votes",
    financial_scheme: "The financial scheme's vote",
  } satisfies Record<TrusteeScope, string>,
  done: "Done",
  invalid: "Name between 1 and 7 different members, or none.",
  unknownPart: "Unknown part of the road.",
  pollsLink: "See all polls",
};

/**
 * A scope's set as a link or a heading names it: the part of the road, and for the constitution,
 * whose trustees make two keys, which of them.
 */
export function scopeSetTitle(scope: TrusteeScope, groupName: string): string {
  return scope === "constitution" ? `${trusteesPageText.parts[scope]}: ${(keyFor[groupName] ?? groupName).toLowerCase()}` : trusteesPageText.parts[scope];
}
