/**
 * The wording of the Financial scheme page (routes/registration.financial-scheme.tsx); the
 * founding members' ballot on it is worded in messages.ts (schemeVoteMessages).
 */
import { commonWords } from "~/components/messages";
// From the shared limits, not the `.server` module: this module runs in the browser too, where
// a `.server` module's values are undefined.
import { MAX_FINANCIAL_SCHEME_LENGTH } from "~/utils/input-limits";
import { formatNumber } from "~/utils/numbers";

export const schemePageText = {
  metaTitle: "Financial scheme - Registration",
  heading: "Financial scheme",
  lead: "The financial scheme sets out how the party handles its accounts, donations, loans and campaign spending. Breakaway writes it from a model scheme and the application's details (treasurer, financial year, accounting units). Read it, change it if you need to, and save it: it goes into the registration pack as you leave it.",
  generated: "Generated",
  generatedStatus:
    "This is the text generated from the model. It follows the application's details: a new treasurer or a changed financial year shows here at once.",
  edited: "Edited",
  editedStatus:
    "This is your edited text. It no longer follows the application's details: check the treasurer, the financial year and the accounting units by hand, or reset it to the generated text.",
  label: "Text of the financial scheme",
  hint: `Plain text with Markdown: a line starting with # is a heading, - starts a list item, **bold** is bold. At most ${formatNumber(MAX_FINANCIAL_SCHEME_LENGTH)} characters.`,
  save: "Save the financial scheme",
  reset: "Reset to the generated text",
  resetHint: "Throws away your edits and goes back to the text generated from the model and the application's details.",
  preview: "How it will read",
  savedTitle: "Saved",
  saved: "The financial scheme has been saved.",
  resetTitle: "Reset",
  resetDone: "The financial scheme is the generated text again.",
  recorded: commonWords.recorded,
  adopted: "Adopted",
  notAdopted: "Not adopted",
  empty: "Enter the text of the financial scheme",
  notUnderstood: commonWords.notUnderstood,
  back: commonWords.backToRegistration,
  documents: "Download the documents",
} as const;
