/** The hustings: founding members' questions to a candidate, and the candidate's answers. */
import { asc, eq, inArray } from "drizzle-orm";
import { appendAudit } from "~/modules/audit/audit.server";
import type { Db, DbOrTx } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { hustingsQuestions, users } from "../../../db/schema";
import { isFoundingMember } from "~/modules/founding/roll.server";
import { MAX_HUSTINGS_QUESTION_LENGTH } from "~/utils/input-limits";
import { electionTextProblem } from "./text-fields";
import { candidacyWithPosition } from "./candidates.server";
import type { ElectionResult } from "./current-election.server";

export const HUSTINGS_MAX_LENGTH = MAX_HUSTINGS_QUESTION_LENGTH;

export async function askQuestion(db: Db, member: { id: string; email: string }, candidacyId: string, question: string): Promise<ElectionResult> {
  const tooLong = electionTextProblem("question", question.trim());
  if (tooLong) return { ok: false, code: tooLong };
  const text = question.replace(/\r\n?/g, "\n").trim();
  if (!text) return { ok: false, code: "question_empty" };
  return db.transaction(async (tx) => {
    const found = await candidacyWithPosition(tx, candidacyId);
    if (!found) return { ok: false, code: "not_found" } as const;
    if (found.candidacy.consentedAt === null) return { ok: false, code: "nomination_pending" } as const;
    if (found.election.phase === "counted") return { ok: false, code: "wrong_phase" } as const;
    if (!(await isFoundingMember(tx, member.id))) return { ok: false, code: "not_founding_member" } as const;
    const [row] = await tx.insert(hustingsQuestions).values({ candidacyId, askedBy: member.id, question: text }).returning({ id: hustingsQuestions.id });
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: "election.question_asked",
      subjectType: "candidacy",
      subjectId: candidacyId,
      details: { questionId: row?.id },
    });
    return { ok: true } as const;
  });
}

export async function answerQuestion(db: Db, member: { id: string; email: string }, questionId: string, answer: string): Promise<ElectionResult> {
  const tooLong = electionTextProblem("answer", answer.trim());
  if (tooLong) return { ok: false, code: tooLong };
  const text = answer.replace(/\r\n?/g, "\n").trim();
  if (!text) return { ok: false, code: "answer_empty" };
  if (!isUuid(questionId)) return { ok: false, code: "not_found" };
  return db.transaction(async (tx) => {
    const [q] = await tx.select().from(hustingsQuestions).where(eq(hustingsQuestions.id, questionId));
    if (!q) return { ok: false, code: "not_found" } as const;
    const found = await candidacyWithPosition(tx, q.candidacyId);
    if (!found || found.candidacy.userId !== member.id) return { ok: false, code: "not_candidate" } as const;
    await tx.update(hustingsQuestions).set({ answer: text, answeredAt: new Date() }).where(eq(hustingsQuestions.id, questionId));
    await appendAudit(tx, {
      actor: { id: member.id, label: member.email },
      action: "election.question_answered",
      subjectType: "candidacy",
      subjectId: q.candidacyId,
      details: { questionId },
    });
    return { ok: true } as const;
  });
}

export async function hustingsFor(db: DbOrTx, candidacyIds: readonly string[]) {
  if (candidacyIds.length === 0) return [];
  return db
    .select({ q: hustingsQuestions, asker: users.displayName })
    .from(hustingsQuestions)
    .leftJoin(users, eq(users.id, hustingsQuestions.askedBy))
    .where(inArray(hustingsQuestions.candidacyId, [...candidacyIds]))
    .orderBy(asc(hustingsQuestions.askedAt));
}
