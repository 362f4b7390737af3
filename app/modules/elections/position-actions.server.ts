/**
 * What the position page's forms do (routes/elections.positions.$positionId.tsx), once the page has
 * checked who may use them: the returning officer's recount and declaration; a founding member's
 * standing, accepting or declining a nomination, nominating, seconding, withdrawing, and the
 * hustings' questions and answers. Each answers what the page shows next and its HTTP status;
 * null for a form the page does not have.
 */
import type { Actor } from "~/modules/audit/audit.server";
import type { Db } from "~/utils/db.server";
import { PAGE, type PositionAnswer } from "./components/position-page/answer";
import { acceptNomination, declineNomination, nominate, setSeconding, stand, withdrawCandidacy } from "./nominations.server";
import { answerQuestion, askQuestion } from "./hustings.server";
import { declare } from "./declaring.server";
import { electionProblemMessages, positionPageText, statementTooLong } from "./messages";
import { isRonSeat } from "./position-view.server";
import { recount } from "./recovery.server";
import type { ElectionProblem } from "./types";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";

export type PositionActionAnswer = ActionAnswer<PositionAnswer>;

/** The intents only the returning officer may send (elections.run); the rest are a founding member's (elections.take_part). */
export const returningOfficerIntents: readonly string[] = ["recount", "declare"];

/** Where a refusal of standing or accepting goes: beside the box or checkbox it is about, or on the page. */
const standingFields: Partial<Record<ElectionProblem, string>> = {
  consent_missing: "consent",
  declaration_missing: "registeredOfficer",
  eligibility_missing: "treasurerEligible",
  statement_too_long: "statement",
  already_standing_for_office: "statement",
  already_holds_office: "statement",
};

/** Refusals of a nomination that are about the page (nominations closed, the nominator's own standing), not the nominee chosen. */
const nominationPageProblems: readonly ElectionProblem[] = ["nominations_closed", "not_found", "not_founding_member", "returning_officer_takes_no_part"];

export async function positionAction(
  db: Db,
  user: { id: string; email: string },
  positionId: string,
  intent: string,
  values: Record<string, string>,
  appUrl: string,
): Promise<PositionActionAnswer | null> {
  const target = values.candidacyId ?? values.questionId ?? "";
  const fail = (field: string, code: ElectionProblem): PositionActionAnswer =>
    refused({ intent, errors: { [field]: electionProblemMessages[code] }, values, target }, code === "not_founding_member" ? 403 : 400);
  const ok = (done: string): PositionActionAnswer => succeeded({ intent, errors: {}, done });
  const actor: Actor = { id: user.id, label: user.email };
  const me = { id: user.id, email: user.email };
  switch (intent) {
    case "recount": {
      const r = await recount(db, actor, positionId, values.recountReason ?? "");
      if (!r.ok) return fail(r.code === "reason_missing" || r.code.startsWith("reason:") ? "recountReason" : PAGE, r.code);
      const people = r.elected.filter((e) => !isRonSeat(e)).map((e) => e.name);
      return ok(r.outcome === "confirmed" ? positionPageText.recountConfirmed : positionPageText.recountCorrected(people));
    }
    case "declare": {
      const r = await declare(db, actor, positionId);
      if (!r.ok) return fail(PAGE, r.code);
      const people = r.elected.filter((e) => !isRonSeat(e)).map((e) => e.name);
      return ok(positionPageText.declared(people, r.elected.length - people.length));
    }
    case "stand":
    case "accept": {
      const input = {
        statement: values.statement ?? "",
        consent: values.consent === "yes",
        registeredOfficer: values.registeredOfficer === "yes",
        treasurerEligible: values.treasurerEligible === "yes",
      };
      const r = intent === "stand" ? await stand(db, me, positionId, input) : await acceptNomination(db, me, positionId, input);
      if (r.ok) return ok(intent === "stand" ? positionPageText.standing : positionPageText.accepted);
      if (r.code === "statement_too_long" && r.detail)
        return { answer: { intent, errors: { statement: statementTooLong(Number(r.detail)) }, values, target }, status: 400 };
      return fail(standingFields[r.code] ?? (r.code.startsWith("statement:") ? "statement" : PAGE), r.code);
    }
    case "decline": {
      const r = await declineNomination(db, me, positionId);
      return r.ok ? ok(positionPageText.declined) : fail("decline", r.code);
    }
    case "nominate": {
      const r = await nominate(db, me, positionId, values.nomineeId ?? "", { appUrl });
      if (!r.ok) return fail(nominationPageProblems.includes(r.code) ? PAGE : "nomineeId", r.code);
      return ok(positionPageText.nominated(r.nomineeName));
    }
    case "second":
    case "unsecond": {
      const r = await setSeconding(db, me, values.candidacyId ?? "", intent === "second");
      return r.ok ? ok(intent === "second" ? positionPageText.seconded : positionPageText.secondingWithdrawn) : fail("candidates", r.code);
    }
    case "withdraw": {
      const r = await withdrawCandidacy(db, me, values.candidacyId ?? "");
      return r.ok ? ok(positionPageText.withdrawn) : fail("candidates", r.code);
    }
    case "ask": {
      const r = await askQuestion(db, me, values.candidacyId ?? "", values.question ?? "");
      return r.ok ? ok(positionPageText.asked) : fail(`question-${target}`, r.code);
    }
    case "answer": {
      const r = await answerQuestion(db, me, values.questionId ?? "", values.answer ?? "");
      return r.ok ? ok(positionPageText.answered) : fail(`answer-${target}`, r.code);
    }
    default:
      return null;
  }
}
