import type { FieldErrors } from "~/components/forms";
import type { StaleChange } from "~/utils/stale-edit";
import type { DraftSection, FormValues } from "../../draft-form";

/** What the Application details page's action answers with, about one section's form. */
export interface DetailsAnswer {
  section: DraftSection;
  errors: FieldErrors;
  values: FormValues;
  /** Saved by someone else since the page was loaded: the fields and their saved values. */
  stale?: StaleChange[];
  /** The version the form carries from now on: the one it was sent with, or the saved one after a stale save. */
  version: string;
}
