/**
 * What the Elections page's forms do (routes/elections._index.tsx), once the page has checked who
 * may use them: the organisers set up the election, add positions and re-open nominations; the
 * returning officer names the trustees, opens the ballots and counts. Each form is read by one
 * schema (parseForm); each answers what the page shows next and its HTTP status, or null for a
 * form the page does not have.
 */
import { z } from "zod";
import type { Actor } from "~/modules/audit/audit.server";
import { periodRefusal } from "~/modules/constitution/periods.server";
import { thresholdOf, trusteeEmails, trusteeFieldProblems } from "~/modules/polls/trustee-fields";
import { trusteeIds } from "~/modules/polls/trustee-form.server";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";
import type { Db } from "~/utils/db.server";
import { parseForm, type FieldErrors } from "~/utils/form-values";
import { fromLondonLocal } from "~/utils/london-time";
import { plural } from "~/utils/plural";
import { ukDateTime } from "~/modules/documents/format";
import { nameElectionTrustees } from "./election-trustees.server";
import { addPosition, createElection } from "./setup.server";
import { countElection } from "./count.server";
import { openBallots } from "./ballots.server";
import { electionProblemMessages, electionsPageText as t, periodTooShortMessage } from "./messages";
import { reopenNominations } from "./recovery.server";
import { electionTrusteeText } from "./trustee-messages";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";

export type ElectionsAnswer = { intent: string; errors: FieldErrors; done?: string; values?: Record<string, string> };

export type ElectionsActionAnswer = ActionAnswer<ElectionsAnswer>;

/** Who may send each form: the organisers (elections.manage) or the returning officer (elections.run). */
export const electionsFormPermission: Record<string, "elections.manage" | "elections.run"> = {
  create: "elections.manage",
  "add-position": "elections.manage",
  reopen: "elections.manage",
  trustees: "elections.run",
  "open-ballots": "elections.run",
  count: "elections.run",
};

/** A time typed in UK time, refused with the message given when it is missing or not a time. */
const ukTime = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => fromLondonLocal(v ?? "") ?? (ctx.addIssue({ code: "custom", message }), z.NEVER));

/**
 * A whole number in a range. A box left blank reads as `read.blank`, a box missing from the form
 * as `read.missing`; either is refused when not given.
 */
const wholeNumber = (min: number, max: number, message: string, read: { blank?: number; missing?: number } = {}) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = (v ?? "").trim();
      const n = v === undefined ? (read.missing ?? Number.NaN) : text === "" ? (read.blank ?? Number.NaN) : Number(text);
      return Number.isInteger(n) && n >= min && n <= max ? n : (ctx.addIssue({ code: "custom", message }), z.NEVER);
    });

const nominationTimes = { opensAt: ukTime(t.opensAtMissing), closesAt: ukTime(t.closesAtMissing) };

const createForm = z.object({
  title: z
    .string()
    .optional()
    .refine((v) => (v ?? "").trim() !== "", { message: t.titleMissing }),
  ...nominationTimes,
  committeeSeats: wholeNumber(0, 50, t.committeeSeats, { blank: 0, missing: 0 }),
  campaignsOfficer: z.string().optional(),
});

const positionForm = z.object({
  positionTitle: z
    .string()
    .optional()
    .refine((v) => (v ?? "").trim() !== "", { message: t.positionTitleMissing }),
  seats: wholeNumber(1, 50, t.seats),
  secondersRequired: wholeNumber(0, 50, t.seconders, { blank: 0 }),
  eligibility: z.string().optional(),
});

const reopenForm = z.object(nominationTimes);

export async function electionsAction(db: Db, actor: Actor, intent: string, values: Record<string, string>): Promise<ElectionsActionAnswer | null> {
  const fail = (errors: FieldErrors, status = 400): ElectionsActionAnswer => refused({ intent, errors, values }, status);
  const ok = (done: string): ElectionsActionAnswer => succeeded({ intent, errors: {}, done });
  switch (intent) {
    case "create": {
      const form = parseForm(createForm, values);
      if (!form.ok) return fail(form.errors);
      const f = form.data;
      const r = await createElection(db, actor, {
        title: f.title ?? "",
        nominationsOpenAt: f.opensAt,
        nominationsCloseAt: f.closesAt,
        campaignsOfficer: f.campaignsOfficer === "yes",
        committeeSeats: f.committeeSeats,
      });
      if (r.ok) return ok(t.created);
      const message =
        r.code === "period_too_short" ? await periodRefusal("nominations", r.detail, electionProblemMessages[r.code]) : electionProblemMessages[r.code];
      return fail({ [r.code === "period_invalid" || r.code === "period_too_short" ? "closesAt" : "title"]: message });
    }
    case "add-position": {
      const form = parseForm(positionForm, values);
      if (!form.ok) return fail(form.errors);
      const f = form.data;
      const r = await addPosition(db, actor, {
        title: f.positionTitle ?? "",
        seats: f.seats,
        secondersRequired: f.secondersRequired,
        eligibility: f.eligibility ?? "",
      });
      if (r.ok) return ok(t.positionAdded);
      return fail({ [r.code.startsWith("eligibility:") ? "eligibility" : "positionTitle"]: electionProblemMessages[r.code] });
    }
    case "reopen": {
      const form = parseForm(reopenForm, values);
      if (!form.ok) return fail(form.errors);
      const { opensAt, closesAt } = form.data;
      const r = await reopenNominations(db, actor, { nominationsOpenAt: opensAt, nominationsCloseAt: closesAt });
      if (r.ok)
        return ok(
          t.reopened(
            r.positions.map((p) => p.title),
            ukDateTime(closesAt),
          ),
        );
      const message = r.code === "period_too_short" ? periodTooShortMessage(Number(r.detail)) : electionProblemMessages[r.code];
      return fail({ [r.code === "period_invalid" || r.code === "period_too_short" ? "closesAt" : "opensAt"]: message });
    }
    case "trustees": {
      const problems = trusteeFieldProblems(values.trustees, values.trusteeThreshold);
      if (Object.keys(problems).length > 0) return fail(problems);
      const named = await trusteeIds(db, trusteeEmails(values.trustees));
      if (!named.ok) return fail({ trustees: pollTrusteeText.unknown(named.unknown) });
      const threshold = thresholdOf(values.trusteeThreshold);
      const r = await nameElectionTrustees(db, actor, { userIds: named.ids, ...(threshold !== undefined ? { threshold } : {}) });
      if (!r.ok) return fail({ trustees: electionProblemMessages[r.code === "trustees_invalid" ? "wrong_phase" : r.code] });
      return ok(r.trustees > 0 ? electionTrusteeText.named(r.trustees) : electionTrusteeText.removed);
    }
    case "open-ballots": {
      const reason = (values.reason ?? "").trim();
      const closesAt = fromLondonLocal(values.ballotClosesAt ?? "");
      if (!closesAt) return fail({ ballotClosesAt: t.ballotClosesAtMissing });
      const r = await openBallots(db, actor, { closesAt, ...(reason ? { reason } : {}) });
      if (r.ok) return ok(t.ballotsOpened(r.opened, plural(r.rollSize, "founding member"), r.reopened));
      const message =
        r.code === "period_too_short" ? await periodRefusal("ballot", r.detail, electionProblemMessages[r.code]) : electionProblemMessages[r.code];
      return fail({ [r.code === "reason_missing" ? "reason" : "ballotClosesAt"]: message });
    }
    case "count": {
      const reason = (values.reason ?? "").trim();
      const r = await countElection(db, actor, reason ? { reason } : {});
      // Waiting for the trustees is not a mistake in the form: the page says where they are.
      if (!r.ok && r.code === "decrypting") return ok(electionProblemMessages.decrypting);
      if (!r.ok) return fail({ reason: electionProblemMessages[r.code] });
      return ok(t.counted);
    }
    default:
      return null;
  }
}
