/** What the elections module answers with: its refusal codes (worded in messages.ts) and what a page shows of a candidate. */
import type { ElectionTextProblem } from "./text-fields";

export type ElectionProblem =
  | "no_election"
  | "election_exists"
  | "period_invalid"
  | "period_too_short"
  | "seats_invalid"
  | "title_missing"
  | "not_founding_member"
  | "nominations_closed"
  | "not_found"
  | "consent_missing"
  | "declaration_missing"
  | "eligibility_missing"
  | "statement_too_long"
  | ElectionTextProblem
  | "already_standing_for_office"
  | "already_holds_office"
  | "own_candidacy"
  | "not_candidate"
  | "question_empty"
  | "answer_empty"
  | "wrong_phase"
  | "reason_missing"
  | "no_founding_members"
  | "closes_in_past"
  | "not_counted"
  | "already_declared"
  | "self_nomination"
  | "nominee_missing"
  | "nominee_not_on_roll"
  | "already_nominated"
  | "no_nomination"
  | "nomination_pending"
  | "verification_failed"
  /** The returning officer takes no part in the election they run (role-rules.ts). */
  | "returning_officer_takes_no_part"
  | "nominee_is_returning_officer"
  | "not_declared"
  | "period_too_short"
  | "nothing_vacant"
  | "not_all_declared"
  | "ballots_unsealed"
  /** The election's trustees (decision 047) have not all made their key yet. */
  | "trustee_keys_missing"
  /** Voting has closed; the count waits for the trustees to decrypt the ballots. */
  | "decrypting";

export interface CandidateView {
  id: string;
  userId: string;
  /** Who nominated them (themselves, if they stood); null once the nominator's account is gone. */
  nominatedBy: string | null;
  name: string;
  statement: string;
  status: "standing" | "withdrawn";
  consented: boolean;
  declarations: { registeredOfficer?: boolean; treasurerEligible?: boolean };
  seconders: string[];
  secondersRequired: number;
  valid: boolean;
  problems: ("no_consent" | "no_declaration" | "no_eligibility" | "too_few_seconders" | "withdrawn")[];
}
