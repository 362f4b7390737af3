/**
 * A clause's page while it is drafted (routes/constitution.clauses.$clauseId._index.tsx): its
 * numbered text, and for those who see the debate, the amendments to it (each with what it changes
 * and the amendments it competes with) and the comments on it.
 */
import type { AppContext } from "~/utils/context.server";
import { amendmentEffect, competitors } from "./amendment-view";
import { clausePageText } from "./clause-page-messages";
import { compactSegments } from "./components/clause-text";
import { currentDraft, listAmendments, listComments, originalDocument } from "./drafting.server";
import { amendmentKindLabels, amendmentStatusLabels, draftingProblemMessages, phaseLabels } from "./messages";
import { shownText } from "./shown-text";
import { constitutionAccess, numberedView } from "./views.server";

/** What the page shows, or what is missing: the draft, or the clause in it. */
export async function clausePageView(context: AppContext, clauseId: string | undefined) {
  const draft = await currentDraft(context.db);
  if (!draft) return { missing: draftingProblemMessages.no_draft } as const;
  const original = await originalDocument(context.db, draft.id);
  const view = numberedView(original.clauses, draft.lineWidth);
  const clause = view.find((c) => c.id === clauseId);
  if (!clause) return { missing: clausePageText.noSuchClause } as const;
  const access = await constitutionAccess(context);
  const amendments = access.seesDebate ? await listAmendments(context.db, draft.id, clause.id) : [];
  const comments = access.seesDebate ? await listComments(context.db, draft.id, clause.id, null) : [];
  const competing = competitors(
    original,
    amendments.filter((a) => a.status === "open" || a.status === "undecided"),
  );
  return {
    phase: draft.phase,
    phaseLabel: phaseLabels[draft.phase],
    supportersNeeded: draft.supportersNeeded,
    clause: { ...clause, text: "" },
    access,
    canPropose: draft.phase === "drafting" && (access.foundingMember || access.organiser),
    amendments: amendments.map((a) => {
      const effect = amendmentEffect(original, a.engine);
      return {
        number: a.number,
        kind: amendmentKindLabels[a.operation.kind] ?? a.operation.kind,
        proposer: a.byCommittee ? clausePageText.amendments.byCommittee : a.proposer,
        status: amendmentStatusLabels[a.status],
        supporters: a.supporters,
        byCommittee: a.byCommittee,
        reason: shownText(a.reason, "reason"),
        note: effect.note,
        segments: compactSegments(effect.segments),
        comparedWordByWord: effect.comparedWordByWord,
        cut: effect.cut,
        recommendation: a.recommendation?.kind ?? null,
        competesWith: competing.get(a.number) ?? [],
      };
    }),
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  };
}

export type ClausePageView = Exclude<Awaited<ReturnType<typeof clausePageView>>, { missing: string }>;
