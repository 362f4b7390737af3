import type { FieldErrors } from "~/components/forms";

/** What the poll page's action (or, with JavaScript, the ballot endpoint) answers with. */
export type PollPageAnswer =
  | { stage: "errors"; message: string; values: Record<string, string> }
  | { stage: "review"; values: Record<string, string>; choice?: string; ranking?: number[] }
  | { stage: "edit"; values: Record<string, string> }
  | { stage: "cast"; receipt: string; encryptedInBrowser?: boolean }
  | { stage: "managed"; message: string }
  | { stage: "manage-error"; message: string }
  | { stage: "correction-error"; intent: "cancel" | "extend"; errors: FieldErrors; values: Record<string, string> };
