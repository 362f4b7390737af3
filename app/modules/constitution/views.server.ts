/**
 * What the constitution pages show, worked out once for all of them: who the reader is (a
 * founding member sees the debate and takes part; organisers manage), and the text as numbered
 * lines, as printed.
 */
import type { AppContext } from "~/utils/context.server";
import { isAllowed } from "~/utils/permissions";
import { numberClauses } from "./text";
import { isFoundingMember } from "./drafting.server";

export interface ConstitutionAccess {
  signedIn: boolean;
  foundingMember: boolean;
  organiser: boolean;
  /** Names of proposers, supporters and commenters: founding members and officials only. */
  seesDebate: boolean;
}

export async function constitutionAccess(context: AppContext): Promise<ConstitutionAccess> {
  const user = context.auth?.user ?? null;
  const foundingMember = user ? await isFoundingMember(context.db, user.id) : false;
  const organiser = user ? isAllowed(user.role, "constitution.manage") : false;
  const official = user ? user.role === "organiser" || user.role === "returning_officer" : false;
  return { signedIn: Boolean(user), foundingMember, organiser, seesDebate: foundingMember || official };
}

export interface NumberedClauseView {
  id: string;
  number: number;
  title: string;
  entrenched: boolean;
  text: string;
  firstLine: number | null;
  lastLine: number | null;
  lines: { number: number | null; text: string; kind: string; listMarker?: string | undefined }[];
}

/** Clauses numbered 1, 2, … with their lines numbered continuously through the document. */
export function numberedView(clauses: readonly { id: string; title: string; entrenched: boolean; text: string }[], width = 80): NumberedClauseView[] {
  const numbered = numberClauses(clauses.map((c) => ({ id: c.id, text: c.text })), { width });
  return clauses.map((c, i) => {
    const n = numbered.clauses[i];
    return {
      id: c.id,
      number: i + 1,
      title: c.title,
      entrenched: c.entrenched,
      text: c.text,
      firstLine: n?.firstLine ?? null,
      lastLine: n?.lastLine ?? null,
      lines: (n?.lines ?? []).map((l) => ({ number: l.number, text: l.text, kind: l.kind, listMarker: l.listMarker })),
    };
  });
}
