/**
 * Extending a voting round's closing time (standing orders 5.7, decision 028): every question of
 * the round is one ballot paper counted together, so they move together or not at all, with the
 * reason on the record. The same rules as any poll's extension (corrections.ts checkExtension):
 * later, never sooner; at most 60 days beyond the present time; open long enough in all.
 */
import { and, eq, inArray } from "drizzle-orm";
import { appendAudit, type Actor } from "~/modules/audit/audit.server";
import { checkExtension } from "~/modules/polls/corrections";
import { correctionReasonProblem } from "~/modules/polls/corrections.server";
import type { CorrectionProblem } from "~/modules/polls/corrections";
import type { Db } from "~/utils/db.server";
import { polls, votingRounds } from "../../../db/schema";
import { standingOrderRules } from "~/modules/content/standing-order-rules.server";
import { lockDraft, openRoundOf, roundItems, standingOrdersAdopted } from "./round.server";

export type RoundExtensionProblem = "no_open_round" | CorrectionProblem;
export type RoundExtensionResult = { ok: true; roundNumber: number } | { ok: false; code: RoundExtensionProblem; earliest?: Date };

export async function extendRound(db: Db, actor: Actor, input: { closesAt: Date; reason: string }): Promise<RoundExtensionResult> {
  const reasonRefused = correctionReasonProblem(input.reason);
  if (reasonRefused) return { ok: false, code: reasonRefused };
  const reason = input.reason.trim();
  const rules = await standingOrderRules();
  return db.transaction(async (tx) => {
    // The draft's lock first, as closing the round takes it (round.server.ts): an extension and
    // a close (by the returning officer or the poll closer) wait for each other, never cross.
    const draft = await lockDraft(tx);
    const round = draft ? await openRoundOf(tx, draft.id) : null;
    if (!round) return { ok: false, code: "no_open_round" } as const;
    const pollIds = (await roundItems(tx, round.id)).map((item) => item.pollId);
    const questions = await tx.select().from(polls).where(inArray(polls.id, pollIds)).for("update");
    // Past its closing time the poll closer may already have closed some: then it is too late.
    if (questions.some((q) => q.status !== "open")) return { ok: false, code: "not_open" } as const;
    const adopted = await standingOrdersAdopted(tx);
    const now = new Date();
    for (const question of questions) {
      const check = checkExtension(question, input.closesAt, { now, rules, standingOrdersAdopted: adopted, wholeRound: true });
      if (!check.ok) return check;
    }
    await tx
      .update(polls)
      .set({ closesAt: input.closesAt })
      .where(and(inArray(polls.id, pollIds), eq(polls.status, "open")));
    await tx.update(votingRounds).set({ closesAt: input.closesAt }).where(eq(votingRounds.id, round.id));
    await appendAudit(tx, {
      actor,
      action: "constitution.round_extended",
      subjectType: "constitution_draft",
      subjectId: round.draftId,
      details: { round: round.number, questions: pollIds.length, from: round.closesAt.toISOString(), to: input.closesAt.toISOString(), reason },
    });
    return { ok: true, roundNumber: round.number } as const;
  });
}
