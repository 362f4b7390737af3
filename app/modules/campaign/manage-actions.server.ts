/**
 * The forms of the Manage the campaign page (routes/campaign.manage.tsx): each intent's form read
 * with its zod schema, the work done, and the answer the page shows about that form.
 */
import { z } from "zod";
import { staleFieldErrors } from "~/components/stale-edit";
import { sendPendingConfirmations } from "~/modules/pledges/pledge.server";
import { scopeTrusteeText } from "~/modules/polls/scope-trustee-messages";
import { readTrusteesForm } from "~/modules/polls/trustee-form.server";
import type { Actor } from "~/modules/audit/audit.server";
import { refused, succeeded, type ActionAnswer } from "~/utils/action-answer.server";
import type { Db } from "~/utils/db.server";
import { parseForm } from "~/utils/form-values";
import {
  MAX_CAMPAIGN_STATEMENT_LENGTH,
  MAX_DEMAND_TEXT_LENGTH,
  MAX_DEMAND_TITLE_LENGTH,
  MAX_PARTY_NAME_LENGTH,
  MAX_WEB_ADDRESS_LENGTH,
} from "~/utils/input-limits";
import { formatLondonLong, fromLondonLocal } from "~/utils/london-time";
import { editVersion, staleChanges } from "~/utils/stale-edit";
import type { TextProblemMessages } from "~/utils/text-limit-messages";
import { limitedText, type TextKind } from "~/utils/text-limits";
import type { ManageCampaignAnswer } from "./components/manage-campaign/answer";
import { openDecisionBallot, settleDecision } from "./decision.server";
import { nameDecisionTrustees } from "./decision-trustees.server";
import { addDemand, editDemand, extendDeadline, moveDemand, recordResponse, removeDemand, saveSettings, type ManageResult } from "./manage.server";
import { campaignTextMessages, decisionRecorded, extendDeadlineMessages, manageCampaignText as t, manageMessages } from "./messages";

const trusteeText = scopeTrusteeText("decision");

// Each text is checked against its limit and the character rule first (input-limits.ts).
const required = (max: number, kind: TextKind, messages: TextProblemMessages, missing: string) =>
  limitedText(max, kind, messages).trim().min(1, { error: missing });
const settingsForm = z.object({
  name: required(MAX_PARTY_NAME_LENGTH, "name", campaignTextMessages.name, t.settings.nameMissing),
  partyName: required(MAX_PARTY_NAME_LENGTH, "name", campaignTextMessages.partyName, t.settings.partyNameMissing),
  statement: limitedText(MAX_CAMPAIGN_STATEMENT_LENGTH, "prose", campaignTextMessages.statement).trim(),
  deadline: z.string().transform((v, ctx) => {
    const d = fromLondonLocal(v);
    if (!d) ctx.addIssue({ code: "custom", message: t.settings.deadlineMissing });
    return d ?? new Date(NaN);
  }),
});
const demandForm = z.object({
  title: required(MAX_DEMAND_TITLE_LENGTH, "name", campaignTextMessages.demandTitle, t.demands.titleMissing),
  body: required(MAX_DEMAND_TEXT_LENGTH, "prose", campaignTextMessages.demandBody, t.demands.bodyMissing),
});
const responseForm = z.object({
  response: z.enum(["met", "partly_met", "not_met"], { error: t.response.missing }),
  note: limitedText(MAX_DEMAND_TEXT_LENGTH, "prose", campaignTextMessages.note).trim(),
  evidenceUrl: limitedText(MAX_WEB_ADDRESS_LENGTH, "name", campaignTextMessages.evidenceUrl)
    .trim()
    .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), { error: t.response.badAddress }),
});

type Answer = ActionAnswer<ManageCampaignAnswer>;

/** The edit forms' labels, for the fields someone else changed. */
const settingsLabels: Record<string, string> = {
  name: t.settings.name,
  partyName: t.settings.partyName,
  statement: t.settings.statement,
  deadline: t.settings.deadline,
};
const demandLabels: Record<string, string> = { title: t.demands.fieldTitle, body: t.demands.fieldBody };

/** A save from a stale page: 409, the person's input kept, the other person's saved values shown. */
function staleReply(form: string, result: Extract<ManageResult, { code: "stale" }>, values: Record<string, string>): Answer {
  const labels = form === "settings" ? settingsLabels : demandLabels;
  const stale = staleChanges(result.changed, result.current, (field) => labels[field] ?? field).map((c) => {
    const deadline = c.field === "deadline" ? fromLondonLocal(c.value) : null;
    return deadline ? { ...c, value: formatLondonLong(deadline) } : c;
  });
  return refused({ form, errors: staleFieldErrors(stale), stale, values, version: editVersion(result.current) }, 409);
}

/** The answer to one of the page's forms (an intent the page does not send is refused). */
export async function manageCampaignAction(db: Db, actor: Actor, values: Record<string, string>, appUrl: string): Promise<Answer> {
  const intent = values.intent ?? "";
  // Not a number becomes 0, which matches no demand: "not found", never a database error.
  const id = Number.parseInt(values.id ?? "", 10) || 0;
  const version = values.version ?? "";
  const reply = (result: ManageResult, form: string, done: string): Answer => {
    if (result.ok) return succeeded({ form, message: done });
    if (result.code === "stale") return staleReply(form, result, values);
    const field = form === "settings" ? (result.code === "deadline_pledged" ? "deadline" : "name") : form.startsWith("response-") ? "response" : "title";
    return refused({ form, errors: { [field]: manageMessages[result.code] }, values, version }, 409);
  };

  switch (intent) {
    case "settings": {
      const parsed = parseForm(settingsForm, values);
      if (!parsed.ok) return refused({ form: "settings", errors: parsed.errors, values, version });
      return reply(await saveSettings(db, actor, parsed.data, version), "settings", t.settings.saved);
    }
    case "add-demand":
    case "edit-demand": {
      const parsed = parseForm(demandForm, values);
      const form = intent === "add-demand" ? "add-demand" : `demand-${id}`;
      if (!parsed.ok) return refused({ form, errors: parsed.errors, values, version });
      const result = intent === "add-demand" ? await addDemand(db, actor, parsed.data) : await editDemand(db, actor, id, parsed.data, version);
      return reply(result, form, intent === "add-demand" ? t.demands.added : t.demands.saved);
    }
    case "remove-demand":
      return reply(await removeDemand(db, actor, id), `demand-${id}`, t.demands.removed);
    case "move-up":
    case "move-down":
      return reply(await moveDemand(db, actor, id, intent === "move-up" ? "up" : "down"), `demand-${id}`, t.demands.moved);
    case "response": {
      const parsed = parseForm(responseForm, values);
      if (!parsed.ok) return refused({ form: `response-${id}`, errors: parsed.errors, values });
      const result = await recordResponse(db, actor, id, { ...parsed.data, evidenceUrl: parsed.data.evidenceUrl || null });
      return reply(result, `response-${id}`, t.response.recorded);
    }
    case "open-decision": {
      const closesAt = fromLondonLocal(values.closesAt ?? "");
      if (!closesAt) return refused({ form: "decision", errors: { closesAt: t.decision.closesAtMissing }, values });
      const opened = await openDecisionBallot(db, actor, { closesAt, appUrl });
      if (!opened.ok) return refused({ form: "decision", errors: { closesAt: manageMessages[opened.code] }, values }, 409);
      return succeeded({ form: "decision", message: t.decision.opened(opened.rollSize) });
    }
    case "extend-deadline": {
      const deadline = fromLondonLocal(values.newDeadline ?? "");
      const reason = values.reason ?? "";
      if (!deadline) return refused({ form: "extend", errors: { newDeadline: t.extend.newDeadlineMissing }, values });
      const r = await extendDeadline(db, actor, { deadline, reason, appUrl });
      const aboutReason = !r.ok && r.code.startsWith("reason");
      if (!r.ok)
        return refused(
          { form: "extend", errors: { [aboutReason ? "reason" : "newDeadline"]: extendDeadlineMessages[r.code] }, values },
          aboutReason ? 400 : 409,
        );
      return succeeded({ form: "extend", message: t.extend.extended(formatLondonLong(deadline), r.emailed) });
    }
    case "send-confirmations": {
      const { sent } = await sendPendingConfirmations(db, actor, appUrl);
      return succeeded({ form: "confirmations", message: t.confirmationsSent(sent) });
    }
    case "trustees": {
      const read = await readTrusteesForm(db, values);
      if (!read.ok) return refused({ form: "trustees", errors: read.errors, values });
      const named = await nameDecisionTrustees(db, actor, read);
      if (!named.ok) return refused({ form: "trustees", errors: { trustees: manageMessages[named.code] }, values }, 409);
      return succeeded({ form: "trustees", message: named.trustees > 0 ? trusteeText.named(named.trustees) : trusteeText.removed });
    }
    case "settle-decision": {
      const settled = await settleDecision(db, actor);
      if (!settled.ok) return refused({ form: "decision", errors: { closesAt: manageMessages[settled.code] } }, 409);
      return succeeded({ form: "decision", message: decisionRecorded[settled.phase] });
    }
    default:
      return refused({ form: "", errors: { name: t.unknownRequest } });
  }
}
