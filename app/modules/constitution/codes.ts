/**
 * The codes the constitution module answers with, and the names of the fields it shows cut
 * short: kept apart from the working code so that its wording (messages.ts) imports none of it.
 */
export type DraftingProblem =
  | "no_draft"
  | "not_drafting"
  | "not_founding_member"
  | "draft_in_use"
  | "no_version"
  | "reason_missing"
  | "reason_too_long"
  | "amendment_not_found"
  | "amendment_not_open"
  | "own_amendment"
  | "not_proposer"
  | "comment_empty"
  | "comment_too_long"
  | "parent_not_found"
  | "recommendation_reasons_too_long"
  | "compromise_missing"
  | "supporters_invalid"
  | "invalid_operation"
  | "reason_too_many_characters"
  | "reason_word_too_long"
  | "clause_text_too_long"
  | "clause_text_word_too_long"
  | "clause_title_too_long"
  | "comment_word_too_long"
  | "recommendation_reasons_too_many_characters"
  | "recommendation_reasons_word_too_long"
  | "reason_bad_character"
  | "clause_text_bad_character"
  | "clause_title_bad_character"
  | "comment_bad_character"
  | "recommendation_reasons_bad_character";

export type RoundProblem =
  | "no_draft"
  | "wrong_phase"
  | "closes_in_past"
  | "period_too_short"
  | "standing_orders_not_adopted"
  | "no_founding_members"
  | "nothing_pending"
  | "no_open_round"
  | "still_pending"
  | "adoption_already_open"
  | "no_adoption_vote"
  | "already_adopted"
  | "verification_failed"
  | "trustee_keys_missing"
  | "decrypting"
  | "preparing";

export type ShownField = "clauseText" | "reason" | "comment" | "recommendationReasons";
