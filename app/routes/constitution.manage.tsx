import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, type FieldErrors, FileField, NotificationBanner, TextField } from "~/components/forms";
import { setSupportersNeeded, startDraft } from "~/modules/constitution/drafting.server";
import { draftingProblemMessages, failedAdoptionWords, roundProblemMessages, uploadUnreadableMessage } from "~/modules/constitution/messages";
import { openAdoptionVote, openRound } from "~/modules/constitution/round.server";
import { periodRefusal } from "~/modules/constitution/periods.server";
import { uploadProblemMessages, UPLOAD_LIMITS } from "~/modules/constitution/upload";
import { principalOf, requireUser } from "~/utils/auth.server";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import { readUploadForm } from "~/utils/upload-form.server";
import { fromLondonLocal } from "~/utils/london-time";
import { formValues } from "~/utils/form-values";
import { manageConstitutionView } from "~/modules/constitution/manage-view.server";
import { draftFromUpload } from "~/modules/constitution/upload-draft.server";

export const meta: MetaFunction = () => [{ title: "Manage the constitution - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "constitution.manage");
  return manageConstitutionView(context.db, principalOf(context));
}

type ActionResult = { intent: string; errors: FieldErrors; done?: string; values?: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.manage");
  const actor = { id: user.id, label: user.email };
  const fail = (intent: string, errors: FieldErrors, values: Record<string, string> = {}) => data<ActionResult>({ intent, errors, values }, { status: 400 });
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const read = await readUploadForm(request, context, UPLOAD_LIMITS.maxBytes);
    if (!read.ok) {
      const message = read.problem === "too_big" ? uploadProblemMessages.too_large({ code: "too_large" }) : uploadUnreadableMessage;
      return data<ActionResult>({ intent: "upload", errors: { file: message }, values: {} }, { status: read.status });
    }
    const started = await draftFromUpload(context.db, actor, read.form.get("file"));
    if (!started.ok) return fail("upload", { file: started.message });
    return redirect("/constitution?started=upload");
  }
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = formValues(form);
  if (intent === "start-model" || intent === "start-version") {
    const started = await startDraft(context.db, actor, { kind: intent === "start-model" ? "model" : "version" });
    if (!started.ok) return fail(intent, { start: draftingProblemMessages[started.code] });
    return redirect("/constitution");
  }
  if (intent === "supporters") {
    const n = Number((values.supportersNeeded ?? "").trim());
    const r = await setSupportersNeeded(context.db, actor, Number.isInteger(n) && (values.supportersNeeded ?? "").trim() !== "" ? n : -1);
    if (!r.ok) return fail(intent, { supportersNeeded: draftingProblemMessages[r.code] }, values);
    return data<ActionResult>({ intent, errors: {}, done: "The number of supporters needed is saved." });
  }
  if (intent === "open-round" || intent === "open-adoption") {
    const closesAt = fromLondonLocal(values.closesAt ?? "");
    if (!closesAt) return fail(intent, { closesAt: "Enter a real date and time for the ballot to close" }, values);
    const r = intent === "open-round" ? await openRound(context.db, actor, { closesAt }) : await openAdoptionVote(context.db, actor, { closesAt });
    if (!r.ok) {
      const message = r.code === "period_too_short" ? await periodRefusal("ballot", r.earliest, roundProblemMessages[r.code]) : roundProblemMessages[r.code];
      return fail(intent, { [r.code === "closes_in_past" || r.code === "period_too_short" ? "closesAt" : "form"]: message }, values);
    }
    return redirect(intent === "open-round" ? "/constitution/results?opened=1" : "/constitution/results?adoption=1");
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function ManageConstitution() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result?.errors ?? {};
  const draft = d.draft;
  const canOpenRound = draft && (draft.phase === "drafting" || (draft.phase === "closed" && draft.pending > 0)) && !draft.adoptionPollId;
  const canOpenAdoption = draft && draft.phase === "closed" && draft.pending === 0 && !draft.adoptionPollId;
  return (
    <div className="page page--narrow">
      <ErrorSummary
        errors={errors}
        fieldIds={{ form: "round-section", start: "start-section", closesAt: result?.intent === "open-adoption" ? "adoption-closesAt" : "round-closesAt" }}
      />
      {result?.done ? (
        <NotificationBanner title={result.done} kind="success">
          Recorded in the audit log.
        </NotificationBanner>
      ) : null}
      <h1>Manage the constitution</h1>
      <p>
        You are on the drafting committee. Every change here is recorded in the <Link to="/audit">audit log</Link>.
      </p>

      <section aria-labelledby="draft-title" className="panel" id="start-section">
        <h2 id="draft-title">The draft</h2>
        {draft ? (
          <p>
            {draft.phaseLabel}. {draft.amendmentsSummary} Started from{" "}
            {draft.source === "model" ? "the model constitution" : draft.source === "upload" ? "an uploaded file" : "the adopted version"}.
          </p>
        ) : (
          <p>No draft yet. Start from the model constitution, or upload your own as Markdown.</p>
        )}
        {!draft || draft.replaceable ? (
          <>
            <Form method="post">
              <input type="hidden" name="intent" value="start-model" />
              <button className="button" type="submit" disabled={busy}>
                {draft ? "Start again from the model constitution" : "Start drafting from the model constitution"}
              </button>
            </Form>
            <Form method="post" encType="multipart/form-data" noValidate>
              <FileField
                name="file"
                label="Or upload a Markdown file"
                hint={
                  <>
                    Each clause starts with a heading line beginning &ldquo;## &rdquo;. Add &ldquo;(entrenched)&rdquo; at the end of a heading to entrench that
                    clause. Up to 500 KB.
                  </>
                }
                error={errors.file}
                accept=".md,.markdown,.txt,text/markdown,text/plain"
              />
              <button className="button button--secondary" type="submit" disabled={busy}>
                Upload and start the draft
              </button>
            </Form>
          </>
        ) : null}
        {draft?.adopted && d.version ? (
          <Form method="post">
            <input type="hidden" name="intent" value="start-version" />
            <p>
              Version {d.version} is adopted. To change it, start a new draft from it: the result, once adopted, becomes version {d.version + 1}.
            </p>
            <button className="button" type="submit" disabled={busy}>
              Start amending version {d.version}
            </button>
          </Form>
        ) : null}
      </section>

      {draft && draft.phase === "drafting" ? (
        <section aria-labelledby="supporters-title" className="panel">
          <h2 id="supporters-title">Supporters needed</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="supporters" />
            <TextField
              name="supportersNeeded"
              label="Founding members, besides the proposer, who must support an amendment before it goes to the vote"
              hint="The standing orders say 5 (7.4)."
              inputMode="numeric"
              width="10"
              defaultValue={result?.intent === "supporters" ? result.values?.supportersNeeded : String(draft.supportersNeeded)}
              error={errors.supportersNeeded}
            />
            <button className="button button--secondary" type="submit" disabled={busy}>
              Save
            </button>
          </Form>
        </section>
      ) : null}

      {draft ? (
        <section aria-labelledby="round-title" className="panel" id="round-section">
          <h2 id="round-title">Votes</h2>
          {!d.standingOrdersAdopted ? (
            <p>No vote on the constitution can open until the founding members have adopted the standing orders (on the Founding page).</p>
          ) : null}
          {draft.round ? (
            <p>
              Round {draft.round.number} is open until {draft.round.closesAt}. <Link to="/constitution/results">See turnout and close it</Link>.
            </p>
          ) : null}
          <WaitingNotice notice={d.waiting} />
          {canOpenRound ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="open-round" />
              <p>
                {draft.phase === "drafting"
                  ? "Opening the vote closes drafting: amendments with enough support go on the ballot, each clause gets one ballot, and the roll of founding members is frozen."
                  : draft.undecided}
              </p>
              <TextField
                name="closesAt"
                id="round-closesAt"
                label="The ballot closes at (UK time)"
                hint={d.closeHint}
                type="datetime-local"
                defaultValue={result?.intent === "open-round" ? result.values?.closesAt : ""}
                error={result?.intent === "open-round" ? errors.closesAt : undefined}
              />
              <button className="button" type="submit" disabled={busy || !d.standingOrdersAdopted}>
                Open the vote
              </button>
            </Form>
          ) : null}
          {canOpenAdoption ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="open-adoption" />
              {draft.lastAdoptionFailed ? <p>{failedAdoptionWords.manage}</p> : null}
              <p>Every clause is decided. The last step is the vote on the constitution as a whole, which needs two thirds (standing orders 10.5).</p>
              <TextField
                name="closesAt"
                id="adoption-closesAt"
                label="The adoption vote closes at (UK time)"
                hint={d.closeHint}
                type="datetime-local"
                defaultValue={result?.intent === "open-adoption" ? result.values?.closesAt : ""}
                error={result?.intent === "open-adoption" ? errors.closesAt : undefined}
              />
              <button className="button" type="submit" disabled={busy}>
                Open the adoption vote
              </button>
            </Form>
          ) : null}
          {draft.adoptionPollId && !draft.adopted ? (
            <p>
              The adoption vote is open or counted: <Link to="/constitution/results">see the results</Link>.
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
