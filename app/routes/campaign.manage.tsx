import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, NotificationBanner, Radios, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { getMovement, listDemands } from "~/modules/campaign/campaign.server";
import { openDecisionBallot, settleDecision } from "~/modules/campaign/decision.server";
import { decisionTrusteesSummary, nameDecisionTrustees } from "~/modules/campaign/decision-trustees.server";
import { TrusteesPanel } from "~/modules/polls/components/trustees-panel";
import { readTrusteesForm } from "~/modules/polls/trustee-form.server";
import { scopeTrusteeText } from "~/modules/polls/scope-trustee-messages";
import { ukDateTime } from "~/modules/documents/format";
import {
  addDemand,
  demandShown,
  editDemand,
  extendDeadline,
  moveDemand,
  recordResponse,
  removeDemand,
  saveSettings,
  settingsShown,
  type ManageResult,
} from "~/modules/campaign/manage.server";
import { EditVersion, StaleEditSummary, staleFieldErrors } from "~/components/stale-edit";
import { campaignTextMessages, decisionRecorded, extendDeadlineMessages, manageMessages, responseLabels } from "~/modules/campaign/messages";
import { campaignStatusNow } from "~/modules/road/status-line.server";
import { exportSize } from "~/modules/pledges/import-messages";
import { sendPendingConfirmations } from "~/modules/pledges/pledge.server";
import { pledgeTotalsNow } from "~/modules/pledges/totals.server";
import { loadRules, PAGE_READ } from "~/modules/polls/polls.server";
import { requireUser } from "~/utils/auth.server";
import {
  MAX_CORRECTION_REASON_LENGTH,
  MAX_CAMPAIGN_STATEMENT_LENGTH,
  MAX_DEMAND_TEXT_LENGTH,
  MAX_DEMAND_TITLE_LENGTH,
  MAX_PARTY_NAME_LENGTH,
  MAX_WEB_ADDRESS_LENGTH,
} from "~/utils/input-limits";
import { formatLondonLong, fromLondonLocal, toLondonLocal } from "~/utils/london-time";
import type { TextProblemMessages } from "~/utils/text-limit-messages";
import { editVersion, staleChanges, type StaleChange } from "~/utils/stale-edit";
import { limitedText, type TextKind } from "~/utils/text-limits";
import { plural } from "~/utils/plural";
import { formValues, parseForm } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: "Manage the campaign - Breakaway" }];

const trusteeText = scopeTrusteeText("decision");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "campaign.manage");
  const [m, demands, trustees] = await Promise.all([getMovement(context.db), listDemands(context.db), decisionTrusteesSummary(context.db, user.id)]);
  const decision = m?.decisionPollId ? await loadRules(context.db, m.decisionPollId, PAGE_READ) : null;
  const totals = await pledgeTotalsNow(context.db);
  const now = Date.now();
  return {
    status: await campaignStatusNow(context.db, new Date(now)),
    movement: m ? { name: m.name, partyName: m.partyName, statement: m.statement, deadline: toLondonLocal(m.deadline), phase: m.phase } : null,
    // What each edit form was loaded with (optimistic concurrency, app/utils/stale-edit.ts).
    settingsVersion: editVersion(settingsShown(m)),
    editable: !m || (m.phase === "campaign" && m.deadline.getTime() > now),
    afterDeadline: Boolean(m && m.deadline.getTime() <= now),
    awaitingLink: totals.awaitingLink,
    exportRows: totals.held,
    // The deadline can be extended, with a reason, until the decision ballot opens (decision 028).
    canExtend: Boolean(m && m.phase === "campaign" && !m.decisionPollId),
    // Who holds the decision ballot's key (decision 048); named until the ballot opens.
    trustees: trustees ? [trustees] : [],
    canNameTrustees: Boolean(m && m.phase === "campaign" && !m.decisionPollId),
    decision: decision
      ? {
          id: decision.poll.id,
          status: decision.poll.status,
          due: decision.poll.status === "open" && decision.poll.closesAt.getTime() <= now,
          closesAt: ukDateTime(decision.poll.closesAt),
        }
      : null,
    demands: demands.map((d) => ({
      id: d.id,
      version: editVersion(demandShown(d)),
      title: d.title,
      body: d.body,
      response: d.response,
      note: d.responseNote ?? "",
      evidence: d.responseEvidenceUrl ?? "",
    })),
  };
}

// Each text is checked against its limit and the character rule first (input-limits.ts).
const required = (max: number, kind: TextKind, messages: TextProblemMessages, missing: string) =>
  limitedText(max, kind, messages).trim().min(1, { error: missing });
const settingsForm = z.object({
  name: required(MAX_PARTY_NAME_LENGTH, "name", campaignTextMessages.name, "Enter the movement's name"),
  partyName: required(MAX_PARTY_NAME_LENGTH, "name", campaignTextMessages.partyName, "Enter the party's name"),
  statement: limitedText(MAX_CAMPAIGN_STATEMENT_LENGTH, "prose", campaignTextMessages.statement).trim(),
  deadline: z.string().transform((v, ctx) => {
    const d = fromLondonLocal(v);
    if (!d) ctx.addIssue({ code: "custom", message: "Enter the deadline as a date and time" });
    return d ?? new Date(NaN);
  }),
});
const demandForm = z.object({
  title: required(MAX_DEMAND_TITLE_LENGTH, "name", campaignTextMessages.demandTitle, "Enter the demand's title"),
  body: required(MAX_DEMAND_TEXT_LENGTH, "prose", campaignTextMessages.demandBody, "Enter what the demand asks for"),
});
const responseForm = z.object({
  response: z.enum(["met", "partly_met", "not_met"], { error: "Choose the party's response" }),
  note: limitedText(MAX_DEMAND_TEXT_LENGTH, "prose", campaignTextMessages.note).trim(),
  evidenceUrl: limitedText(MAX_WEB_ADDRESS_LENGTH, "name", campaignTextMessages.evidenceUrl)
    .trim()
    .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), { error: "Enter a web address starting with https://, or leave it blank" }),
});

type ActionData = {
  form: string;
  errors?: FieldErrors;
  message?: string;
  values?: Record<string, string>;
  /** Saved by someone else since the page was loaded: the fields and their saved values. */
  stale?: StaleChange[];
  /** The version the form carries from now on: the one it was sent with, or the saved one after a stale save. */
  version?: string;
};

/** The edit forms' labels, for the fields someone else changed. */
const settingsLabels: Record<string, string> = {
  name: "Movement's name",
  partyName: "The party it is pressing",
  statement: "Statement",
  deadline: "Deadline (UK time)",
};
const demandLabels: Record<string, string> = { title: "Title", body: "What it asks for" };

/** A save from a stale page: 409, the person's input kept, the other person's saved values shown. */
function staleReply(form: string, result: Extract<ManageResult, { code: "stale" }>, values: Record<string, string>) {
  const labels = form === "settings" ? settingsLabels : demandLabels;
  const stale = staleChanges(result.changed, result.current, (field) => labels[field] ?? field).map((c) => {
    const deadline = c.field === "deadline" ? fromLondonLocal(c.value) : null;
    return deadline ? { ...c, value: formatLondonLong(deadline) } : c;
  });
  return data<ActionData>({ form, errors: staleFieldErrors(stale), stale, values, version: editVersion(result.current) }, { status: 409 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "campaign.manage");
  const actor = { id: user.id, label: user.email };
  const values = formValues(await request.formData());
  const intent = values.intent ?? "";
  // Not a number becomes 0, which matches no demand: "not found", never a database error.
  const id = Number.parseInt(values.id ?? "", 10) || 0;
  const version = values.version ?? "";
  const reply = (result: ManageResult, form: string, done: string) =>
    result.ok
      ? data<ActionData>({ form, message: done })
      : result.code === "stale"
        ? staleReply(form, result, values)
        : data<ActionData>(
            {
              form,
              errors: {
                [form === "settings" ? (result.code === "deadline_pledged" ? "deadline" : "name") : form.startsWith("response-") ? "response" : "title"]:
                  manageMessages[result.code],
              },
              values,
              version,
            },
            { status: 409 },
          );

  switch (intent) {
    case "settings": {
      const parsed = parseForm(settingsForm, values);
      if (!parsed.ok) return data<ActionData>({ form: "settings", errors: parsed.errors, values, version }, { status: 400 });
      return reply(await saveSettings(context.db, actor, parsed.data, version), "settings", "The campaign's details are saved.");
    }
    case "add-demand":
    case "edit-demand": {
      const parsed = parseForm(demandForm, values);
      const form = intent === "add-demand" ? "add-demand" : `demand-${id}`;
      if (!parsed.ok) return data<ActionData>({ form, errors: parsed.errors, values, version }, { status: 400 });
      const result = intent === "add-demand" ? await addDemand(context.db, actor, parsed.data) : await editDemand(context.db, actor, id, parsed.data, version);
      return reply(result, form, intent === "add-demand" ? "The demand is added." : "The demand is saved.");
    }
    case "remove-demand":
      return reply(await removeDemand(context.db, actor, id), `demand-${id}`, "The demand is removed.");
    case "move-up":
    case "move-down":
      return reply(await moveDemand(context.db, actor, id, intent === "move-up" ? "up" : "down"), `demand-${id}`, "The order is saved.");
    case "response": {
      const parsed = parseForm(responseForm, values);
      if (!parsed.ok) return data<ActionData>({ form: `response-${id}`, errors: parsed.errors, values }, { status: 400 });
      const result = await recordResponse(context.db, actor, id, { ...parsed.data, evidenceUrl: parsed.data.evidenceUrl || null });
      return reply(result, `response-${id}`, "The party's response is recorded and published.");
    }
    case "open-decision": {
      const closesAt = fromLondonLocal(values.closesAt ?? "");
      if (!closesAt)
        return data<ActionData>({ form: "decision", errors: { closesAt: "Enter when the ballot closes, as a date and time" }, values }, { status: 400 });
      const opened = await openDecisionBallot(context.db, actor, { closesAt, appUrl: context.env.appUrl });
      if (!opened.ok) return data<ActionData>({ form: "decision", errors: { closesAt: manageMessages[opened.code] }, values }, { status: 409 });
      return data<ActionData>({ form: "decision", message: `The decision ballot is open. ${opened.rollSize} pledgers are on its roll and have been emailed.` });
    }
    case "extend-deadline": {
      const deadline = fromLondonLocal(values.newDeadline ?? "");
      const reason = values.reason ?? "";
      if (!deadline) return data<ActionData>({ form: "extend", errors: { newDeadline: "Enter the new deadline as a date and time" }, values }, { status: 400 });
      const r = await extendDeadline(context.db, actor, { deadline, reason, appUrl: context.env.appUrl });
      if (!r.ok)
        return data<ActionData>(
          { form: "extend", errors: { [r.code.startsWith("reason") ? "reason" : "newDeadline"]: extendDeadlineMessages[r.code] }, values },
          { status: r.code.startsWith("reason") ? 400 : 409 },
        );
      return data<ActionData>({
        form: "extend",
        message: `The deadline is extended to ${formatLondonLong(deadline)} (UK time). ${r.emailed} pledgers are being told by email.`,
      });
    }
    case "send-confirmations": {
      const { sent } = await sendPendingConfirmations(context.db, actor, context.env.appUrl);
      return data<ActionData>({ form: "confirmations", message: `${sent} confirmation emails are on their way.` });
    }
    case "trustees": {
      const read = await readTrusteesForm(context.db, values);
      if (!read.ok) return data<ActionData>({ form: "trustees", errors: read.errors, values }, { status: 400 });
      const named = await nameDecisionTrustees(context.db, actor, read);
      if (!named.ok) return data<ActionData>({ form: "trustees", errors: { trustees: manageMessages[named.code] }, values }, { status: 409 });
      return data<ActionData>({ form: "trustees", message: named.trustees > 0 ? trusteeText.named(named.trustees) : trusteeText.removed });
    }
    case "settle-decision": {
      const settled = await settleDecision(context.db, actor);
      if (!settled.ok) return data<ActionData>({ form: "decision", errors: { closesAt: manageMessages[settled.code] } }, { status: 409 });
      return data<ActionData>({ form: "decision", message: decisionRecorded[settled.phase] });
    }
    default:
      return data<ActionData>({ form: "", errors: { name: "Unknown request" } }, { status: 400 });
  }
}

export default function ManageCampaign() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (form: string) => (result?.form === form ? (result.errors ?? {}) : {});
  const valuesFor = (form: string) => (result?.form === form && result.errors ? (result.values ?? {}) : {});
  // After a refused save the form keeps the version it was sent with (or the saved one, when stale), never a newer one unseen.
  const versionFor = (form: string, loaded: string) => (result?.form === form && result.version ? result.version : loaded);
  const m = d.movement;
  const sv = valuesFor("settings");
  const busy = useNavigation().state === "submitting";
  return (
    <div className="page">
      {result?.stale ? (
        <StaleEditSummary changes={result.stale} fieldIds={idsFor(result.form)} />
      ) : result?.errors ? (
        <ErrorSummary errors={result.errors} fieldIds={idsFor(result.form)} />
      ) : null}
      <h1>Manage the campaign</h1>
      {result?.message ? (
        <NotificationBanner title="Done" kind="success">
          <p>{result.message}</p>
        </NotificationBanner>
      ) : null}
      <p>{d.status ?? "Set up the campaign below."}</p>
      <ul className="list">
        <li>
          <Link to="/campaign">See the public campaign page</Link>
        </li>
        <li>
          <Link to="/campaign/import">Import pledges from a CSV file</Link>
        </li>
        <li>
          <a href="/campaign/export.csv">Export all pledges as CSV</a> ({exportSize(d.exportRows)}; personal data: keep it safe)
        </li>
        <li>
          <Link to="/founding">The founding roll</Link>
        </li>
      </ul>

      {d.editable && d.awaitingLink > 0 ? (
        <Form method="post" className="panel">
          <input type="hidden" name="intent" value="send-confirmations" />
          <p>
            {plural(d.awaitingLink, "pledge")} (for example from an imported file) are not confirmed and have had no confirmation email. They count only once
            their owners confirm.
          </p>
          <button type="submit" className="button button--secondary">
            Email them a confirmation link
          </button>
        </Form>
      ) : null}

      <h2>The campaign</h2>
      {d.editable ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="settings" />
          <EditVersion form="settings" version={versionFor("settings", d.settingsVersion)} />
          <TextField name="name" label="Movement's name" defaultValue={sv.name ?? m?.name} error={errorsFor("settings").name} />
          <TextField
            name="partyName"
            label="The party it is pressing"
            hint='As it reads in a sentence, like "the Commonwealth Party".'
            defaultValue={sv.partyName ?? m?.partyName}
            error={errorsFor("settings").partyName}
          />
          <TextArea
            name="statement"
            label="Statement"
            hint={`At most ${MAX_CAMPAIGN_STATEMENT_LENGTH.toLocaleString("en-GB")} characters.`}
            defaultValue={sv.statement ?? m?.statement}
            error={errorsFor("settings").statement}
          />
          <TextField
            name="deadline"
            type="datetime-local"
            label="Deadline (UK time)"
            hint="Setting it to now or earlier ends the campaign at once (for example if the party rejects the demands early). Once anyone has pledged, it cannot be moved to another date here: use Extend the deadline below."
            width="20"
            defaultValue={sv.deadline ?? m?.deadline}
            error={errorsFor("settings").deadline}
          />
          <button type="submit" className="button">
            Save the campaign
          </button>
        </Form>
      ) : (
        <p>The deadline has passed, so the campaign&apos;s details and demands can no longer change.</p>
      )}

      {d.canExtend ? (
        <section aria-labelledby="extend-title" className="panel">
          <h2 id="extend-title">Extend the deadline</h2>
          <p>
            The deadline can be moved later, with a reason, also after it has passed, until the decision ballot opens. The campaign page shows the change and
            the reason, and every confirmed pledger is told by email.
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="extend-deadline" />
            <TextField
              name="newDeadline"
              type="datetime-local"
              label="Move the deadline to (UK time)"
              width="20"
              defaultValue={valuesFor("extend").newDeadline}
              error={errorsFor("extend").newDeadline}
            />
            <TextArea
              name="reason"
              id="extend-reason"
              label="Reason for extending"
              hint={`Shown on the campaign page and in the founding record. At most ${MAX_CORRECTION_REASON_LENGTH} characters.`}
              rows={2}
              defaultValue={valuesFor("extend").reason}
              error={errorsFor("extend").reason}
            />
            <button type="submit" className="button button--secondary">
              Extend the deadline
            </button>
          </Form>
        </section>
      ) : null}

      <h2>Demands</h2>
      <ol className="demands">
        {d.demands.map((demand, i) => {
          const form = `demand-${demand.id}`;
          const v = valuesFor(form);
          const rform = `response-${demand.id}`;
          const rv = valuesFor(rform);
          return (
            <li key={demand.id} className="demand panel">
              {d.editable ? (
                <>
                  <Form method="post" noValidate>
                    <input type="hidden" name="id" value={demand.id} />
                    <input type="hidden" name="intent" value="edit-demand" />
                    <EditVersion form={form} version={versionFor(form, demand.version)} />
                    <TextField
                      name="title"
                      id={`title-${demand.id}`}
                      label={`Demand ${i + 1}: title`}
                      defaultValue={v.title ?? demand.title}
                      error={errorsFor(form).title}
                    />
                    <TextArea
                      name="body"
                      id={`body-${demand.id}`}
                      label={`Demand ${i + 1}: what it asks for`}
                      rows={3}
                      defaultValue={v.body ?? demand.body}
                      error={errorsFor(form).body}
                    />
                    <button type="submit" className="button button--secondary">
                      Save demand {i + 1}
                    </button>
                  </Form>
                  <Form method="post" className="button-group">
                    <input type="hidden" name="id" value={demand.id} />
                    <button type="submit" name="intent" value="move-up" className="link-button" disabled={i === 0}>
                      Move demand {i + 1} up
                    </button>
                    <button type="submit" name="intent" value="move-down" className="link-button" disabled={i === d.demands.length - 1}>
                      Move demand {i + 1} down
                    </button>
                    <button type="submit" name="intent" value="remove-demand" className="link-button">
                      Remove demand {i + 1}
                    </button>
                  </Form>
                </>
              ) : (
                <>
                  <h3 className="demand__title">{demand.title}</h3>
                  <p>{demand.body}</p>
                </>
              )}
              {d.afterDeadline ? (
                <Form method="post" noValidate>
                  <input type="hidden" name="id" value={demand.id} />
                  <input type="hidden" name="intent" value="response" />
                  <Radios
                    name="response"
                    idPrefix={`response-${demand.id}`}
                    legend={`The party's response to "${demand.title}"`}
                    checked={rv.response ?? demand.response ?? undefined}
                    error={errorsFor(rform).response}
                    choices={(["met", "partly_met", "not_met"] as const).map((r) => [r, responseLabels[r]] as const)}
                  />
                  <TextField name="note" id={`note-${demand.id}`} label="Note" defaultValue={rv.note ?? demand.note} error={errorsFor(rform).note} />
                  <TextField
                    name="evidenceUrl"
                    id={`evidence-${demand.id}`}
                    label="Link to evidence (optional)"
                    defaultValue={rv.evidenceUrl ?? demand.evidence}
                    error={errorsFor(rform).evidenceUrl}
                  />
                  <button type="submit" className="button button--secondary">
                    Record the response
                  </button>
                </Form>
              ) : null}
            </li>
          );
        })}
      </ol>
      {d.editable ? (
        <Form method="post" noValidate className="panel">
          <h3>Add a demand</h3>
          <input type="hidden" name="intent" value="add-demand" />
          <TextField
            name="title"
            id="new-title"
            label="Title of the new demand"
            defaultValue={valuesFor("add-demand").title}
            error={errorsFor("add-demand").title}
          />
          <TextArea
            name="body"
            id="new-body"
            label="What the new demand asks for"
            rows={3}
            defaultValue={valuesFor("add-demand").body}
            error={errorsFor("add-demand").body}
          />
          <button type="submit" className="button">
            Add the demand
          </button>
        </Form>
      ) : null}

      <h2>The members&apos; decision</h2>
      {!d.afterDeadline ? (
        <p>When the deadline has passed, record the party&apos;s response to each demand, then open the decision ballot here.</p>
      ) : m?.phase === "campaign" ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="open-decision" />
          <p>
            Every confirmed pledger is put on the roll, which is then frozen, and invited by email to rank: stay, leave and join another party, or leave and
            found a new party.
          </p>
          <TextField name="closesAt" type="datetime-local" label="The ballot closes at (UK time)" width="20" error={errorsFor("decision").closesAt} />
          <button type="submit" className="button">
            Open the decision ballot
          </button>
        </Form>
      ) : m?.phase === "decision" && d.decision?.status === "decrypting" ? (
        <p>
          The <Link to={`/polls/${d.decision.id}`}>decision ballot</Link> closed on {d.decision.closesAt}. {trusteeText.waiting}
        </p>
      ) : m?.phase === "decision" && d.decision ? (
        d.decision.status === "closed" || d.decision.due ? (
          <Form method="post">
            <input type="hidden" name="intent" value="settle-decision" />
            {d.decision.due ? (
              <p>
                The <Link to={`/polls/${d.decision.id}`}>decision ballot</Link> closed on {d.decision.closesAt}. It is being counted, and the members&apos;
                decision is recorded automatically within a minute or so. You can also count it and record the decision now.
              </p>
            ) : (
              <p>
                The <Link to={`/polls/${d.decision.id}`}>decision ballot</Link> has closed.
              </p>
            )}
            <button type="submit" className="button">
              Record the members&apos; decision
            </button>
          </Form>
        ) : (
          <p>
            The <Link to={`/polls/${d.decision.id}`}>decision ballot</Link> is open. When it closes, come back here to record the decision.
          </p>
        )
      ) : (
        <p>{d.status}</p>
      )}
      {m ? (
        <TrusteesPanel
          sets={d.trustees}
          text={trusteeText}
          canName={d.canNameTrustees}
          values={valuesFor("trustees")}
          errors={errorsFor("trustees")}
          busy={busy}
        />
      ) : null}
    </div>
  );
}

/** Where each error in the summary should take the reader, per form. */
function idsFor(form: string): Record<string, string> {
  const id = form.replace(/^(demand|response)-/, "");
  if (form.startsWith("response-")) return { response: `response-${id}-met`, note: `note-${id}`, evidenceUrl: `evidence-${id}` };
  if (form.startsWith("demand-")) return { title: `title-${id}`, body: `body-${id}` };
  if (form === "add-demand") return { title: "new-title", body: "new-body" };
  if (form === "decision") return { closesAt: "closesAt" };
  if (form === "trustees") return { trustees: "trustees", trusteeThreshold: "trusteeThreshold" };
  if (form === "extend") return { newDeadline: "newDeadline", reason: "extend-reason" };
  return {};
}
