/**
 * What each registration document prints, gathered by app/modules/registration/pack.server.ts.
 * Each document gets only the data it prints: home addresses exist only in OfficerSheetsData.
 */
import type { RegistrationDraft } from "~/modules/registration/details";

export interface PackCommon {
  /** The new party's name (the registered name, or the party name the movement chose). */
  partyName: string;
  generatedAt: Date;
}

export interface ApplicationSummaryData extends PackCommon {
  details: RegistrationDraft;
  /** Declared registered officers, by role: names only. */
  officers: { role: RegisteredRoleKey; name: string }[];
  emblems: { slot: number; fileName: string; width: number; height: number }[];
  /** Label of the additional officer (when there is one). */
  additionalOfficerName: string | null;
}

export interface OfficerSheet {
  /** The officer's full name as they gave it, or their name on Breakaway until they do. */
  name: string;
  fullName: string | null;
  homeAddress: string | null;
  email: string | null;
  /** Each role held, with the declaration the officer confirms for it (the words of the officer's own page). */
  roles: { role: RegisteredRoleKey; declaration: string; confirmedAt: Date | null }[];
}

export interface OfficerSheetsData extends PackCommon {
  officers: OfficerSheet[];
}

export interface FinancialSchemeData extends PackCommon {
  /** Markdown: the model filled in, or the organisers' edit. */
  text: string;
  edited: boolean;
  treasurerName: string | null;
}

export interface AssetsData extends PackCommon {
  partyType: "full" | "minor" | undefined;
  withinThreshold: boolean | undefined;
  record: RegistrationDraft["assetsRecord"];
  treasurerName: string | null;
}

/** A closed (or not yet closed) poll as the founding record prints it. */
export interface PollRecord {
  title: string;
  method: string;
  status: string;
  openedAt: Date | null;
  closedAt: Date | null;
  rollSize: number;
  ballots: number;
  chainHead: string;
  /** Yes/no polls. */
  yesNo: null | { yes: number; no: number; abstain: number; passed: boolean };
  /** Ranked polls: who (or which option) the count elected. */
  elected: string[] | null;
}

export interface FoundingRecordData extends PackCommon {
  campaign: { pledgesMade: number; confirmed: number; withdrawn: number; subscriptionsPence: number };
  decision: PollRecord | null;
  /** On the roll now, and accepted then left (decision 031). */
  founding: { invited: number; accepted: number; left: number };
  standingOrders: PollRecord | null;
  constitution: null | {
    version: number;
    adoptedAt: Date;
    clauses: { title: string; decision: string; yes: number; no: number; abstain: number }[];
    /** Every clause question of every round, with its chain head. */
    questions: { title: string; ballots: number; chainHead: string }[];
    adoptionVote: PollRecord | null;
    /** Earlier adoption votes on the same text that were not carried, oldest first. */
    failedAdoptionVotes: PollRecord[];
  };
  elections: {
    position: string;
    declaredAt: Date | null;
    elected: string[];
    poll: PollRecord | null;
    /** Recounts of the declared result, oldest first: each keeps the declaration it confirmed or superseded. */
    recounts?: { at: Date; reason: string; outcome: "confirmed" | "corrected"; previous: string[]; previousDeclaredAt: Date | null; elected: string[] }[];
  }[];
  /** The founding members' ballot that adopted the financial scheme as it stands; null when not adopted. */
  financialScheme: PollRecord | null;
  /** Corrections and other recorded steps, oldest first (decision 028). */
  recordedSteps: RecordedStep[];
}

/**
 * A correction on the record: one kind per audit action that the founding record lists
 * (pack.server.ts, recordedStepKinds). A new kind needs its wording in messages.ts.
 */
export interface RecordedStep {
  kind: "deadline_extended" | "poll_cancelled" | "poll_extended" | "round_extended" | "invitation_withdrawn";
  at: Date;
  /** What it was about: the poll's title; empty where the step says it itself. */
  subject: string;
  reason: string;
  from: Date | null;
  to: Date | null;
}

export interface ChecklistData extends PackCommon {
  /** Null when the checks could not be loaded. */
  groups: { heading: string; checks: { status: "pass" | "warning" | "fail"; title: string; reason: string }[] }[] | null;
}

export type RegisteredRoleKey = "leader" | "nominating-officer" | "treasurer" | "campaigns-officer";
