import type { FieldErrors } from "~/components/forms";
import type { StaleChange } from "~/utils/stale-edit";

/** What the Manage the campaign page's action answers with, about one of its forms (named by `form`). */
export interface ManageCampaignAnswer {
  form: string;
  errors?: FieldErrors;
  message?: string;
  values?: Record<string, string>;
  /** Saved by someone else since the page was loaded: the fields and their saved values. */
  stale?: StaleChange[];
  /** The version the form carries from now on: the one it was sent with, or the saved one after a stale save. */
  version?: string;
}

/** Where each error in the summary should take the reader, per form. */
export function fieldIdsFor(form: string): Record<string, string> {
  const id = form.replace(/^(demand|response)-/, "");
  if (form.startsWith("response-")) return { response: `response-${id}-met`, note: `note-${id}`, evidenceUrl: `evidence-${id}` };
  if (form.startsWith("demand-")) return { title: `title-${id}`, body: `body-${id}` };
  if (form === "add-demand") return { title: "new-title", body: "new-body" };
  if (form === "decision") return { closesAt: "closesAt" };
  if (form === "trustees") return { trustees: "trustees", trusteeThreshold: "trusteeThreshold" };
  if (form === "extend") return { newDeadline: "newDeadline", reason: "extend-reason" };
  return {};
}

/** What one form of the page gets from the last answer: its errors, the values to put back, its version. */
export function answerFor(result: ManageCampaignAnswer | undefined) {
  return {
    errorsFor: (form: string): FieldErrors => (result?.form === form ? (result.errors ?? {}) : {}),
    valuesFor: (form: string): Record<string, string> => (result?.form === form && result.errors ? (result.values ?? {}) : {}),
    // After a refused save the form keeps the version it was sent with (or the saved one, when stale), never a newer one unseen.
    versionFor: (form: string, loaded: string) => (result?.form === form && result.version ? result.version : loaded),
  };
}

export type FormAnswers = ReturnType<typeof answerFor>;
