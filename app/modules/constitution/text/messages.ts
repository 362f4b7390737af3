import type { ApplyErrorCode } from "./types";
import type { ConflictReason } from "./conflicts";

/** English wording for why an amendment could not be applied. */
export const APPLY_ERROR_MESSAGES: Record<ApplyErrorCode, string> = {
  "stale-base": "The clause has changed since this amendment was written. It needs to be carried over to the new text.",
  "unknown-clause": "The clause this amendment refers to does not exist.",
  "anchor-out-of-range": "The amendment refers to lines or words the clause does not have.",
  "duplicate-clause": "A clause with this id already exists.",
  "invalid-move": "A clause cannot be moved after itself.",
  conflict: "This amendment changes what another amendment already changed.",
};

/** English wording for why two amendments compete. */
export const CONFLICT_MESSAGES: Record<ConflictReason, string> = {
  overlap: "Both change some of the same words.",
  deleted: "One deletes the clause the other changes.",
  "both-move": "Both move the same clause.",
  "both-rename": "Both change the title of the same clause.",
  "both-entrench": "Both change whether the same clause is entrenched.",
};
