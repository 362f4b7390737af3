/** Wording for roles: the Roles page, its refusals, the roles as its emails name them, and the "waiting for" notices. */
import type { RoleWords } from "~/modules/mail/templates";
import type { AppointableRole, Capacity, ConflictReason, RemovalProblem } from "./role-rules";
import type { Waiting } from "./waiting-for";

export const roleNames: Record<AppointableRole, string> = {
  organiser: "organiser",
  returning_officer: "returning officer",
};

/** What each role does, in a sentence, for the page and the emails. */
export const roleDescriptions: Record<AppointableRole, string> = {
  organiser:
    "Organisers run the movement: the campaign, the founding roll, the constitution's drafting, setting up elections and polls, and the registration. They appoint and remove organisers and the returning officer.",
  returning_officer:
    "The returning officer runs the ballots independently of the organisers: opens the election's ballots when nominations close, counts them, declares the results, and is the only person who can close a poll before its closing time.",
};

const capacityPhrases: Record<Capacity, string> = {
  organiser: "an organiser",
  returning_officer: "the returning officer",
  candidate: "a candidate in the election that is running",
  nominator: "someone who has nominated a candidate in the election that is running",
  seconder: "someone who has seconded a candidate in the election that is running",
};

const reasonSentences: Record<ConflictReason, string> = {
  independent_of_organisers: "The returning officer runs the ballots independently of the organisers, who set them up.",
  runs_the_election: "The returning officer runs the election, so takes no side in it: they do not stand, nominate or second.",
};

/** One rule of role-rules.ts as a sentence: "The returning officer cannot also be an organiser. …". */
export function ruleSentence(role: Capacity, other: Capacity, reason: ConflictReason): string {
  const who = capacityPhrases[role];
  return `${who.charAt(0).toUpperCase()}${who.slice(1)} cannot also be ${capacityPhrases[other]}. ${reasonSentences[reason]}`;
}

/** Why this person cannot be appointed: "Ann Smith is a candidate in the election that is running. …". */
export function conflictSentence(name: string, held: Capacity, reason: ConflictReason): string {
  return `${name} is ${capacityPhrases[held]}. ${reasonSentences[reason]}`;
}

/** Why someone cannot stand, nominate or second: the elections pages show this. */
export function takingPartRefusal(reason: ConflictReason): string {
  return `You are the returning officer, so you cannot stand, nominate or second in this election. ${reasonSentences[reason]}`;
}

export const nomineeIsReturningOfficer = "They are the returning officer, who runs this election and cannot stand in it.";

export type RoleProblem = "email_missing" | "email_invalid" | "no_account" | "already_holds" | "not_holder" | RemovalProblem;

export const roleProblemMessages: Record<RoleProblem, string> = {
  email_missing: "Enter the email address of the person to appoint",
  email_invalid: "Enter an email address in the correct format, like name@example.org",
  no_account:
    "Nobody in the movement has an account with that email address. Founding members and pledgers who were invited to vote have one: check the address they use to sign in.",
  already_holds: "They already hold this role.",
  not_holder: "They no longer hold this role: someone else may have changed it. The page now shows who holds each role.",
  last_organiser: "The movement must always have at least one organiser. Appoint another organiser before removing this one.",
  election_running:
    "An election is running, and only the returning officer can open, count and declare it. To change who does it, appoint the new returning officer: they replace this one.",
};

/** A refusal to appoint because of the compatibility rules, as one sentence and its remedy. */
export function conflictRefusal(name: string, role: AppointableRole, held: Capacity, reason: ConflictReason): string {
  const remedy =
    held === "organiser"
      ? ` To make ${name} ${capacityPhrases[role]}, remove them as an organiser first.`
      : held === "returning_officer"
        ? ` To make ${name} ${capacityPhrases[role]}, first appoint someone else as returning officer in their place (or, while no election is running, remove them as returning officer).`
        : ` Appoint someone who takes no part in the election.`;
  return `${conflictSentence(name, held, reason)}${remedy}`;
}

export function appointedBanner(name: string, role: AppointableRole, replaced: string | null): string {
  if (role === "returning_officer" && replaced) return `${name} is now the returning officer, in place of ${replaced}.`;
  return `${name} is now ${capacityPhrases[role]}.`;
}

export function removedBanner(name: string, role: AppointableRole): string {
  return `${name} is no longer ${capacityPhrases[role]}.`;
}

/** A role's words for the mail about a change of role (mail/templates/roles.ts). */
export function roleMailWords(role: AppointableRole): RoleWords {
  return { name: roleNames[role], withArticle: capacityPhrases[role], description: roleDescriptions[role] };
}

/** A notice's title and sentence; `roles` asks for a link to the Roles page after it. */
export interface WaitingNotice {
  title: string;
  text: string;
  roles: boolean;
}

/** The link after a notice that asks for someone to be appointed. */
export const goToRolesPage = "Go to the Roles page";

const stepPhrases: Record<Waiting["step"], { title: string; action: string }> = {
  open_ballots: { title: "Nominations have closed", action: "open the ballots" },
  count: { title: "The ballots have reached their closing time", action: "count them and publish the results" },
  declare: { title: "Counted, not yet declared", action: "declare the results" },
  appoint_before_needed: { title: "There is no returning officer yet", action: "open the ballots when nominations close, then count and declare them" },
  close_early: { title: "Closing before the closing time", action: "close a poll before its closing time" },
};

/**
 * The notice, e.g. "Waiting for the returning officer to open the ballots. There is no returning
 * officer yet: an organiser appoints one on the Roles page."
 */
export function waitingNotice(waiting: Waiting, viewer: { canAppoint: boolean }): WaitingNotice {
  const { title, action } = stepPhrases[waiting.step];
  const appoint = viewer.canAppoint ? "appoint one on the Roles page." : "an organiser appoints one on the Roles page.";
  if (waiting.step === "appoint_before_needed") {
    return {
      title,
      text: `Only the returning officer can ${action}. ${viewer.canAppoint ? "Appoint one on the Roles page before then." : "An organiser appoints one on the Roles page."}`,
      roles: true,
    };
  }
  if (waiting.step === "close_early") {
    const rule = "Only the returning officer can close a poll before its closing time. It closes and is counted by itself when the time comes.";
    if (waiting.by.kind === "no_returning_officer") return { title, text: `${rule} There is no returning officer yet: ${appoint}`, roles: true };
    return { title, text: waiting.by.kind === "returning_officer" ? `${rule} The returning officer is ${waiting.by.name}.` : rule, roles: false };
  }
  switch (waiting.by.kind) {
    case "you":
      return { title, text: `It is for you, as returning officer, to ${action}.`, roles: false };
    case "returning_officer":
      return { title, text: `Waiting for the returning officer, ${waiting.by.name}, to ${action}.`, roles: false };
    case "no_returning_officer":
      return { title, text: `Waiting for the returning officer to ${action}. There is no returning officer yet: ${appoint}`, roles: true };
  }
}
