import type { RegisteredRole } from "~/modules/elections/officer-rules";
import type { EmblemInspection, RegistrationDraft } from "./details";

/**
 * The readiness checks' input and output. The checks themselves (readiness.ts) are pure; the
 * server gathers this input from the database (readiness.server.ts) and the pages word the
 * results (readiness-messages.ts).
 */

export type CheckStatus = "pass" | "warning" | "fail";

/** The page a failing check is fixed on. */
export type FixPlace =
  | { page: "details"; field: string } // /registration/details#<field>
  | { page: "emblems"; slot?: number }
  | { page: "names" } // the list of registered parties' names
  | { page: "officers" } // /elections results and officers' own details
  | { page: "constitution" }
  | { page: "financial-scheme" };

export interface ReadinessCheck {
  /** Stable and unique within one run: e.g. "name.words", "description.3.equals-name", "emblem.2.colour". */
  id: string;
  /** Which part of the application it belongs to, for grouping on the page and in the PDF. */
  group: "application" | "name" | "descriptions" | "emblems" | "officers" | "constitution" | "finance";
  status: CheckStatus;
  /** The rule's code; readiness-messages.ts words it with `params`. */
  code: string;
  params?: Record<string, string | number>;
  fix: FixPlace;
}

export interface ReadinessEmblem {
  slot: number;
  inspection: EmblemInspection;
  /** The organiser's answer: does it have a picture or symbol? Null: not answered yet. */
  hasPicture: boolean | null;
  /** The organiser's answer: does it have any lettering? Null: not answered yet. */
  hasText: boolean | null;
  /** Height of the smallest lettering in pixels, given when hasText is true; null otherwise. */
  smallestTextPx: number | null;
}

export interface ReadinessOfficer {
  role: RegisteredRole;
  userId: string;
  name: string;
  /** Full name, home address and email supplied. */
  detailsComplete: boolean;
  /** The officer confirmed this role's declaration. */
  confirmed: boolean;
}

export interface ReadinessInput {
  details: RegistrationDraft;
  emblems: readonly ReadinessEmblem[];
  /** Declared results of the registered offices; empty until declared. */
  officers: readonly ReadinessOfficer[];
  /** Whether the officer election has been declared at all. */
  officersDeclared: boolean;
  /** Registered offices whose holder a recount changed after the declaration (none if left out). */
  officerChanges?: readonly {
    role: RegisteredRole;
    from: readonly string[];
    to: readonly string[];
    /** Whether the new holder has saved their details and confirmed the role's declaration since. */
    reconfirmed: boolean;
  }[];
  /** Null until a constitution is adopted; else the section 3 item keys (registration-items.ts) its clauses cover. */
  constitution: { version: number; coveredItems: readonly string[] } | null;
  /** The financial scheme's text as it will be exported (generated or edited); null if none. */
  financialScheme: string | null;
  /** Whether a ballot of the founding members adopted exactly that text (financial-scheme-vote.server.ts). */
  financialSchemeAdopted: boolean;
  /** Names already on the registers, loaded by organisers. */
  registeredNames: readonly string[];
  /** The standing orders' `one_registered_office_per_person` (11.3); true when left out. */
  onePerPerson?: boolean;
}
