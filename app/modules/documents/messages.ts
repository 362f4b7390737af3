/**
 * The words the kit itself prints on every document (the foot of the page, the signature line).
 * Each document's own wording sits beside its layout in its domain (`<domain>/pdf/messages.ts`).
 */
import { ukDate } from "./format";

export const kitMessages = {
  generatedOn: (at: Date) => `Generated on ${ukDate(at)}`,
  creator: "Breakaway",
  signatureLine: "Signature",
  blankLine: "________________________",
};
