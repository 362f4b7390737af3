/**
 * The words the kit itself prints on every document (the foot of the page, the signature line),
 * and those every letter ends with. Each document's own wording sits beside its layout in its
 * domain (`<domain>/pdf/messages.ts`).
 */
import { ukDate } from "./format";

export const kitMessages = {
  generatedOn: (at: Date) => `Generated on ${ukDate(at)}`,
  creator: "Breakaway",
  signatureLine: "Signature",
  blankLine: "________________________",
  /** Above the signature of a letter to someone it does not name (the party's officers, its membership department). */
  letterClosing: "Yours faithfully,",
};
