/**
 * What the constitution pages show, worked out once for all of them: who the reader is (a
 * founding member sees the debate and takes part; organisers manage), and the text as numbered
 * lines, as printed.
 */
import { createHash } from "node:crypto";
import type { AppContext } from "~/utils/context.server";
import { isAllowed } from "~/utils/permissions";
import { RecentlyUsed } from "~/utils/recently-used";
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
 *
 * Every reading page asks for the whole document's numbering (60 clauses: about 8 ms of the
 * server's one thread), and it only changes when a clause does: the last few are kept, by a hash
 * of everything they are made from (decision 043). Callers must not change what they are handed.
 */
export function numberedView(clauses: readonly ClauseToNumber[], width = 80): readonly NumberedClauseView[] {
  return numberedViews.get(numberingKey(clauses, width), () => numberAfresh(clauses, width));
}

type ClauseToNumber = { id: string; title: string; entrenched: boolean; text: string };

/** A few versions at once: the adopted text, the draft, and a text being compared. */
const numberedViews = new RecentlyUsed<string, readonly NumberedClauseView[]>(8);

function numberingKey(clauses: readonly ClauseToNumber[], width: number): string {
  const hash = createHash("sha256").update(String(width));
  // Lengths before contents, so that no two lists of clauses run together into the same bytes.
  for (const c of clauses) {
    for (const part of [c.id, c.title, c.entrenched ? "1" : "0", c.text]) hash.update(`\0${part.length}\0`).update(part);
  }
  return hash.digest("base64");
}

function numberAfresh(clauses: readonly ClauseToNumber[], width: number): NumberedClauseView[] {
  const shown = clauses.map((c) => shownText(c.text, "clauseText"));
  const numbered = numberClauses(
    clauses.map((c, i) => ({ id: c.id, text: shown[i]?.text ?? "" })),
    { width },
  );
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
