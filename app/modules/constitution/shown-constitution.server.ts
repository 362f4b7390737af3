/**
 * The constitution as its reading pages show it, in whichever state it is: the model before
 * drafting, the draft with carried amendments applied, or the adopted version. The contents page,
 * each clause's reading page and the whole text on one page all read it from here, so they agree.
 */
import type { AppContext } from "~/utils/context.server";
import { formatDateTime } from "~/utils/dates";
import { loadDraft } from "./draft.server";
import { amendedDocument, amendmentCounts, clauseDecisionMap, currentDraft } from "./drafting.server";
import { phaseLabels } from "./messages";
import { readingText } from "./reading-messages";
import { latestVersion, openRoundOf } from "./round.server";
import { constitutionAccess, numberedView, type NumberedClauseView } from "./views.server";

// The clause text itself is left out: the numbered lines carry it, and the page's data would
// otherwise hold it twice.
export type ShownClause = Omit<NumberedClauseView, "text"> & { amendments: number; decision: string | null; link: boolean };
const withoutText = <T extends { text: string }>({ text: _text, ...rest }: T): Omit<T, "text"> => rest;

export async function shownConstitution(context: AppContext) {
  // Asked together: each is a round trip to the database, and none needs another's answer.
  const [access, draft, version] = await Promise.all([constitutionAccess(context), currentDraft(context.db), latestVersion(context.db)]);
  if (!draft) {
    const model = await loadDraft();
    const clauses: ShownClause[] = model.map((c) => ({ ...c, cut: null, amendments: 0, decision: null, link: false }));
    return { state: "model" as const, heading: readingText.headings.model, clauses, access, phase: null, version: null, votingOpen: false, hasResults: false };
  }
  if (draft.adoptedVersion !== null && version && version.number === draft.adoptedVersion) {
    const clauses: ShownClause[] = numberedView(version.clauses, draft.lineWidth).map((c) => ({
      ...withoutText(c),
      amendments: 0,
      decision: null,
      link: false,
    }));
    return {
      state: "adopted" as const,
      heading: readingText.headings.adopted(version.number),
      clauses,
      access,
      phase: null,
      version: { number: version.number, adoptedAt: formatDateTime(version.adoptedAt) },
      votingOpen: false,
      hasResults: true,
    };
  }
  const [{ amended }, counts, decisions, round] = await Promise.all([
    amendedDocument(context.db, draft.id),
    access.seesDebate ? amendmentCounts(context.db, draft.id) : new Map<string, number>(),
    clauseDecisionMap(context.db, draft.id),
    openRoundOf(context.db, draft.id),
  ]);
  const clauses: ShownClause[] = numberedView(amended.clauses, draft.lineWidth).map((c) => ({
    ...withoutText(c),
    amendments: counts.get(c.id) ?? 0,
    decision: decisions.get(c.id) ?? null,
    link: true,
  }));
  return {
    state: "draft" as const,
    heading: readingText.headings.draft(draft.baseVersion),
    clauses,
    access,
    phase: phaseLabels[draft.phase],
    version: version ? { number: version.number, adoptedAt: formatDateTime(version.adoptedAt) } : null,
    votingOpen: Boolean(round),
    hasResults: decisions.size > 0 || Boolean(round) || draft.phase === "closed",
  };
}

export type ShownConstitution = Awaited<ReturnType<typeof shownConstitution>>;

/** The contents: every clause without its lines, which is what keeps the contents page small. */
export function contentsOf(shown: ShownConstitution) {
  return { ...shown, clauses: shown.clauses.map(({ lines: _lines, cut: _cut, ...rest }) => rest) };
}

/** One clause's reading page (routes/constitution.read.$clauseId.tsx): the clause and the clauses either side; or that there is no such clause. */
export async function readClauseView(context: AppContext, clauseId: string | undefined) {
  const shown = await shownConstitution(context);
  const at = shown.clauses.findIndex((c) => c.id === clauseId);
  const clause = shown.clauses[at];
  if (!clause) return { missing: readingText.clause.noSuchClause } as const;
  const neighbour = (i: number) => {
    const c = shown.clauses[i];
    return c ? { id: c.id, number: c.number, title: c.title } : null;
  };
  return {
    heading: shown.heading,
    seesDebate: shown.access.seesDebate,
    clause,
    previous: neighbour(at - 1),
    next: neighbour(at + 1),
    count: shown.clauses.length,
  };
}
