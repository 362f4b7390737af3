/**
 * What the constitution pages show, worked out once for all of them: who the reader is (a
 * founding member sees the debate and takes part; organisers manage), and the text as numbered
 * lines, as printed.
 */
import type { AppContext } from "~/utils/context.server";
import { isAllowed } from "~/utils/permissions";
import { shownText, shownTitle } from "./shown-text";
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
  /** As shown: cut to the clause limit when stored longer (shown-text.ts). */
  text: string;
  /** The sentence saying the text is cut short, or null. */
  cut: string | null;
  firstLine: number | null;
  lastLine: number | null;
  lines: { number: number | null; text: string; kind: string; listMarker?: string | undefined }[];
}

/**
 * Clauses numbered 1, 2, … with their lines numbered continuously through the document. Each
 * text is cut to the clause limit first, so no stored text makes the numbering or the page slow
 * (a cut clause's numbers run on from where it is cut).
 */
export function numberedView(clauses: readonly { id: string; title: string; entrenched: boolean; text: string }[], width = 80): NumberedClauseView[] {
  const shown = clauses.map((c) => shownText(c.text, "clauseText"));
  const numbered = numberClauses(clauses.map((c, i) => ({ id: c.id, text: shown[i]?.text ?? "" })), { width });
  return clauses.map((c, i) => {
    const n = numbered.clauses[i];
    return {
      id: c.id,
      number: i + 1,
      title: shownTitle(c.title),
      entrenched: c.entrenched,
      text: shown[i]?.text ?? "",
      cut: shown[i]?.cut ?? null,
      firstLine: n?.firstLine ?? null,
      lastLine: n?.lastLine ?? null,
      lines: (n?.lines ?? []).map((l) => ({ number: l.number, text: l.text, kind: l.kind, listMarker: l.listMarker })),
    };
  });
}
