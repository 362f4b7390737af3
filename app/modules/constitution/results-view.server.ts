/**
 * What Constitution votes and results shows (routes/constitution.results.tsx): the adoption vote,
 * adoption votes not carried, and every round, newest first, with each clause's questions and
 * outcome once closed, its turnout while open; and what the person may do about them.
 */
import { YES_NO_MESSAGES } from "~/modules/ballots";
import type { PollResult } from "~/modules/polls/ballot-rules";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { formatDateTime } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { isAllowed, type Principal } from "~/utils/permissions";
import { amendedDocument, currentDraft, listAmendments } from "./drafting.server";
import { undecidedSummary } from "./messages";
import { resultsText } from "./results-messages";
import { decideRound } from "./round";
import { failedAdoptionVotes, latestVersion, openRoundOf, pendingClauses, roundResults } from "./round.server";

const w = resultsText.question;

export async function constitutionResultsView(db: Db, principal: Principal, now: Date) {
  const draft = await currentDraft(db);
  if (!draft)
    return {
      canClose: false,
      canCloseEarly: false,
      canExtend: false,
      openRound: null,
      rounds: [],
      adoption: null,
      failedAdoptions: [],
      canOpenNewAdoption: false,
      undecided: null,
      version: null,
    };
  const rounds = await roundResults(db, draft.id);
  const listed = await listAmendments(db, draft.id);
  const numbers = new Map(listed.map((a) => [a.id, a.number]));
  const addsClause = new Set(listed.filter((a) => a.engine.kind === "insertAfter").map((a) => a.id));
  const pending = rounds.some((r) => r.round.closedAt !== null) ? await pendingClauses(db, draft.id) : null;
  const failed = await failedAdoptionVotes(db, draft);
  const { amended } = await amendedDocument(db, draft.id);
  const titles = new Map(amended.clauses.map((c, i) => [c.id, `${i + 1}. ${c.title}`]));
  const open = await openRoundOf(db, draft.id);
  const adoption = draft.adoptionPollId ? await loadRules(db, draft.adoptionPollId, PAGE_READ) : null;
  const version = await latestVersion(db);
  return {
    canClose: isAllowed(principal, "constitution.manage") || isAllowed(principal, "poll.close_early"),
    canCloseEarly: isAllowed(principal, "poll.close_early"),
    // Moving a round's closing time is a correction under the standing orders (5.7): the returning officer's.
    canExtend: isAllowed(principal, "poll.correct_under_standing_orders"),
    openRound: open ? { number: open.number, closesAt: formatDateTime(open.closesAt), due: open.closesAt.getTime() <= now.getTime() } : null,
    rounds: rounds
      .map(({ round, questions }) => {
        const closed = round.closedAt !== null;
        const outcome = closed
          ? decideRound(
              questions.flatMap((q) =>
                q.result
                  ? [
                      {
                        item: { kind: q.kind, clauseId: q.clauseId, amendmentIds: q.amendmentIds, majority: q.majority as "simple" },
                        result: q.result,
                        rollSize: q.rollSize,
                        ballotCount: q.ballotCount,
                      },
                    ]
                  : [],
              ),
              round.quorumPercent,
            )
          : null;
        const clauseIds = [...new Set(questions.map((q) => q.clauseId))];
        return {
          number: round.number,
          openedAt: formatDateTime(round.openedAt),
          closesAt: formatDateTime(round.closedAt ?? round.closesAt),
          closed,
          rollSize: round.rollSize,
          quorumPercent: round.quorumPercent,
          tally: outcome
            ? {
                adopted: [...outcome.clauses.values()].filter((v) => v === "adopted").length,
                rejected: [...outcome.clauses.values()].filter((v) => v === "rejected").length,
                pending: [...outcome.clauses.values()].filter((v) => v === "pending").length,
                added: [...outcome.amendments].filter(([id, status]) => status === "carried" && addsClause.has(id)).length,
              }
            : null,
          clauses: clauseIds.map((clauseId) => ({
            id: clauseId,
            title: titles.get(clauseId) ?? clauseId,
            decision: outcome?.clauses.get(clauseId) ?? null,
            turnout: questions.find((q) => q.clauseId === clauseId)?.ballotCount ?? 0,
            questions: questions
              .filter((q) => q.clauseId === clauseId)
              .map((q) => ({
                pollId: q.pollId,
                kind: q.kind,
                label:
                  q.kind === "clause"
                    ? w.clause
                    : q.kind === "amendment"
                      ? w.amendment(String(numbers.get(q.amendmentIds[0] ?? "") ?? "?"))
                      : w.competing(q.amendmentIds.map((id) => `A${numbers.get(id) ?? "?"}`).join(", ")),
                majority: q.majority,
                ballots: q.ballotCount,
                ...summarise(
                  q.result,
                  outcome?.items.find((i) => i.item.kind === q.kind && i.item.clauseId === q.clauseId && i.item.amendmentIds.join() === q.amendmentIds.join()),
                  numbers,
                ),
              })),
          })),
        };
      })
      .reverse(),
    adoption: adoption
      ? {
          pollId: adoption.poll.id,
          status: adoption.poll.status,
          closesAt: formatDateTime(adoption.poll.closedAt ?? adoption.poll.closesAt),
          due: adoption.poll.closesAt.getTime() <= now.getTime(),
          ballots: adoption.poll.ballotCount,
          rollSize: adoption.poll.rollSize,
          result: adoption.poll.status === "closed" ? (adoption.poll.result as PollResult) : null,
          settled: draft.adoptedVersion !== null,
        }
      : null,
    failedAdoptions: failed.map((f) => ({
      ...f,
      closedAt: formatDateTime(new Date(f.closedAt)),
      outcome: YES_NO_MESSAGES[f.code as keyof typeof YES_NO_MESSAGES] ?? "",
    })),
    canOpenNewAdoption: failed.length > 0 && !draft.adoptionPollId && draft.adoptedVersion === null,
    undecided: pending && draft.adoptedVersion === null ? undecidedSummary(pending, numbers) : null,
    version: version && draft.adoptedVersion === version.number ? { number: version.number, adoptedAt: formatDateTime(version.adoptedAt) } : null,
  };
}

type Outcome = ReturnType<typeof decideRound>["items"][number] | undefined;

/** A question's count as the table shows it: Yes, No and Abstain where they apply, and the result in words. */
function summarise(result: PollResult | null, item: Outcome, numbers: Map<string, number>) {
  if (!result) return { yes: null, no: null, abstain: null, outcome: null as string | null };
  if (result.kind === "yes-no") {
    const t = result.result.tally;
    return { yes: t.yes, no: t.no, abstain: t.abstain, outcome: YES_NO_MESSAGES[result.result.code] };
  }
  const winner = item?.winner ? w.carried(String(numbers.get(item.winner) ?? "?")) : w.noChange;
  const head = item?.vote ? w.headToHead(item.vote.tally.yes, item.vote.tally.no) : "";
  return {
    yes: item?.vote?.tally.yes ?? null,
    no: item?.vote?.tally.no ?? null,
    abstain: null,
    outcome: item?.quorumMet === false ? w.quorumNotMet : `${winner}${head}.`,
  };
}

export type ConstitutionResultsView = Awaited<ReturnType<typeof constitutionResultsView>>;
