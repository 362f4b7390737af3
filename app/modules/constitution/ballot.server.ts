/**
 * A clause's ballot paper as the member sees it: each question with the amendment's change and
 * the committee's advice, the competing options, then the clause itself.
 */
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "~/utils/db.server";
import { pollElections, pollOptions, polls } from "../../../db/schema";
import { compactSegments } from "~/modules/constitution/components/clause-text";
import { amendmentEffect } from "./amendment-view";
import { amendedDocument, currentDraft, listAmendments, originalDocument } from "./drafting.server";
import { amendmentKindLabels, recommendationLabels } from "./messages";
import { shownText } from "./shown-text";
import { clausesVoted, openRoundOf, roundItems } from "./round.server";
import type { DiffSegment } from "./text";
import { numberedView } from "./views.server";

export interface BallotAmendment {
  number: number;
  kind: string;
  /** As shown: cut to the reason limit when stored longer. */
  reason: string;
  note: string | null;
  segments: DiffSegment[];
  /** Sentences for anything shown cut short (text or reason stored before the limits). */
  cut: string[];
  recommendation: string | null;
}

export interface BallotQuestion {
  pollId: string;
  kind: "amendment" | "competing" | "clause";
  majority: string;
  amendments: BallotAmendment[];
  /** Competing questions: the options in position order (0 is "No change"). */
  options: { position: number; label: string }[];
}

export async function loadVotingOverview(db: DbOrTx, userId: string) {
  const draft = await currentDraft(db);
  const round = draft && draft.phase === "voting" ? await openRoundOf(db, draft.id) : null;
  if (!draft || !round) return null;
  const items = await roundItems(db, round.id);
  const { amended } = await amendedDocument(db, draft.id);
  const clauseIds = [...new Set(items.map((i) => i.clauseId))];
  const titles = new Map(numberedView(amended.clauses, draft.lineWidth).map((c) => [c.id, `${c.number}. ${c.title}`]));
  const voted = await clausesVoted(db, round.id, userId);
  return {
    round,
    clauses: clauseIds.map((id) => ({ id, title: titles.get(id) ?? id, voted: voted.has(id), questions: items.filter((i) => i.clauseId === id).length })),
  };
}

/**
 * The round's clauses in ballot order and whether this member has voted on each: the sitting's
 * progress, without reading the text (cheap enough for every ballot page and every cast). Its
 * draft, round and questions are kept, so a clause's ballot is read from it without asking again.
 */
export async function loadSitting(db: DbOrTx, userId: string) {
  const draft = await currentDraft(db);
  const round = draft && draft.phase === "voting" ? await openRoundOf(db, draft.id) : null;
  if (!draft || !round) return null;
  const items = await roundItems(db, round.id);
  const voted = await clausesVoted(db, round.id, userId);
  return { draft, round, items, clauses: [...new Set(items.map((i) => i.clauseId))].map((id) => ({ id, voted: voted.has(id) })) };
}

export type Sitting = NonNullable<Awaited<ReturnType<typeof loadSitting>>>;

/** One clause's ballot paper in a member's sitting; null when the clause is not on the round's ballot. */
export async function loadClauseBallot(db: DbOrTx, sitting: Sitting, clauseId: string) {
  const { draft, round } = sitting;
  const items = sitting.items.filter((i) => i.clauseId === clauseId);
  if (items.length === 0) return null;
  const original = await originalDocument(db, draft.id);
  const { amended } = await amendedDocument(db, draft.id);
  const numbered = numberedView(amended.clauses, draft.lineWidth);
  const clause = numbered.find((c) => c.id === clauseId) ?? null;
  /** "4. Membership": another clause's title, for the note that its ballot was just cast. */
  const titleOf = (id: string) => {
    const c = numbered.find((n) => n.id === id);
    return c ? `${c.number}. ${c.title}` : null;
  };
  // By id across the draft: a new clause's amendment may be asked on another clause's ballot.
  const amendments = new Map((await listAmendments(db, draft.id)).map((a) => [a.id, a]));
  const options = await db
    .select()
    .from(pollOptions)
    .where(
      inArray(
        pollOptions.pollId,
        items.map((i) => i.pollId),
      ),
    );
  const majorities = new Map(
    (
      await db
        .select({ id: polls.id, majority: polls.majority })
        .from(polls)
        .where(
          inArray(
            polls.id,
            items.map((i) => i.pollId),
          ),
        )
    ).map((p) => [p.id, p.majority]),
  );
  const describe = (id: string): BallotAmendment | null => {
    const a = amendments.get(id);
    if (!a) return null;
    const effect = amendmentEffect(original, a.engine);
    const reason = shownText(a.reason, "reason");
    const advice = a.recommendation ? shownText(a.recommendation.reasons, "recommendationReasons") : null;
    return {
      number: a.number,
      kind: amendmentKindLabels[a.operation.kind] ?? a.operation.kind,
      reason: reason.text,
      note: effect.note,
      segments: compactSegments(effect.segments),
      cut: [...effect.cut, reason.cut, advice?.cut ?? null].filter((c): c is string => c !== null),
      recommendation: a.recommendation ? `${recommendationLabels[a.recommendation.kind]}. ${advice?.text ?? ""}` : null,
    };
  };
  const questions: BallotQuestion[] = items.map((item) => ({
    pollId: item.pollId,
    kind: item.kind,
    majority: majorities.get(item.pollId) ?? "simple",
    amendments: item.amendmentIds.map(describe).filter((a): a is BallotAmendment => a !== null),
    options: options
      .filter((o) => o.pollId === item.pollId)
      .sort((a, b) => a.position - b.position)
      .map((o) => ({ position: o.position, label: o.label })),
  }));
  const voted = sitting.clauses.some((c) => c.id === clauseId && c.voted);
  // Questions opened since decision 044 are Belenios elections; a round opened before is not.
  const elections = await db
    .select({ pollId: pollElections.pollId })
    .from(pollElections)
    .where(
      inArray(
        pollElections.pollId,
        items.map((i) => i.pollId),
      ),
    );
  const encrypted = elections.length === items.length;
  return { round, clause, questions, voted, encrypted, titleOf };
}
