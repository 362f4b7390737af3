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
import { manageConstitutionText as t } from "~/modules/constitution/manage-messages";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

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
    return data<ActionResult>({ intent, errors: {}, done: t.supportersSaved });
  }
  if (intent === "open-round" || intent === "open-adoption") {
    const closesAt = fromLondonLocal(values.closesAt ?? "");
    if (!closesAt) return fail(intent, { closesAt: t.closesAtMissing }, values);
    const r = intent === "open-round" ? await openRound(context.db, actor, { closesAt }) : await openAdoptionVote(context.db, actor, { closesAt });
    if (!r.ok) {
      const message = r.code === "period_too_short" ? await periodRefusal("ballot", r.earliest, roundProblemMessages[r.code]) : roundProblemMessages[r.code];
      return fail(intent, { [r.code === "closes_in_past" || r.code === "period_too_short" ? "closesAt" : "form"]: message }, values);
    }
    return redirect(intent === "open-round" ? "/constitution/results?opened=1" : "/constitution/results?adoption=1");
  }
  throw new Response(t.unknownAction, { status: 400 });
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
          {t.recorded}
        </NotificationBanner>
      ) : null}
      <h1>{t.title}</h1>
      <p>
        {t.intro.before}
        <Link to="/audit">{t.intro.link}</Link>
        {t.intro.after}
      </p>

      <section aria-labelledby="draft-title" className="panel" id="start-section">
        <h2 id="draft-title">{t.draft.heading}</h2>
        {draft ? <p>{t.draft.state(draft.phaseLabel, draft.amendmentsSummary, draft.source)}</p> : <p>{t.draft.none}</p>}
        {!draft || draft.replaceable ? (
          <>
            <Form method="post">
              <input type="hidden" name="intent" value="start-model" />
              <button className="button" type="submit" disabled={busy}>
                {draft ? t.draft.startAgain : t.draft.start}
              </button>
            </Form>
            <Form method="post" encType="multipart/form-data" noValidate>
              <FileField
                name="file"
                label={t.draft.uploadLabel}
                hint={t.draft.uploadHint}
                error={errors.file}
                accept=".md,.markdown,.txt,text/markdown,text/plain"
              />
              <button className="button button--secondary" type="submit" disabled={busy}>
                {t.draft.upload}
              </button>
            </Form>
          </>
        ) : null}
        {draft?.adopted && d.version ? (
          <Form method="post">
            <input type="hidden" name="intent" value="start-version" />
            <p>{t.draft.adopted(d.version)}</p>
            <button className="button" type="submit" disabled={busy}>
              {t.draft.amendVersion(d.version)}
            </button>
          </Form>
        ) : null}
      </section>

      {draft && draft.phase === "drafting" ? (
        <section aria-labelledby="supporters-title" className="panel">
          <h2 id="supporters-title">{t.supporters.heading}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="supporters" />
            <TextField
              name="supportersNeeded"
              label={t.supporters.label}
              hint={t.supporters.hint}
              inputMode="numeric"
              width="10"
              defaultValue={result?.intent === "supporters" ? result.values?.supportersNeeded : String(draft.supportersNeeded)}
              error={errors.supportersNeeded}
            />
            <button className="button button--secondary" type="submit" disabled={busy}>
              {t.supporters.save}
            </button>
          </Form>
        </section>
      ) : null}

      {draft ? (
        <section aria-labelledby="round-title" className="panel" id="round-section">
          <h2 id="round-title">{t.votes.heading}</h2>
          {!d.standingOrdersAdopted ? <p>{t.votes.notYet}</p> : null}
          {draft.round ? (
            <p>
              {t.votes.roundOpen(draft.round.number, draft.round.closesAt)}
              <Link to="/constitution/results">{t.votes.seeTurnout}</Link>.
            </p>
          ) : null}
          <WaitingNotice notice={d.waiting} />
          {canOpenRound ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="open-round" />
              <p>{draft.phase === "drafting" ? t.votes.closesDrafting : draft.undecided}</p>
              <TextField
                name="closesAt"
                id="round-closesAt"
                label={t.votes.closesAt}
                hint={d.closeHint}
                type="datetime-local"
                defaultValue={result?.intent === "open-round" ? result.values?.closesAt : ""}
                error={result?.intent === "open-round" ? errors.closesAt : undefined}
              />
              <button className="button" type="submit" disabled={busy || !d.standingOrdersAdopted}>
                {t.votes.open}
              </button>
            </Form>
          ) : null}
          {canOpenAdoption ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="open-adoption" />
              {draft.lastAdoptionFailed ? <p>{failedAdoptionWords.manage}</p> : null}
              <p>{t.votes.lastStep}</p>
              <TextField
                name="closesAt"
                id="adoption-closesAt"
                label={t.votes.adoptionClosesAt}
                hint={d.closeHint}
                type="datetime-local"
                defaultValue={result?.intent === "open-adoption" ? result.values?.closesAt : ""}
                error={result?.intent === "open-adoption" ? errors.closesAt : undefined}
              />
              <button className="button" type="submit" disabled={busy}>
                {t.votes.openAdoption}
              </button>
            </Form>
          ) : null}
          {draft.adoptionPollId && !draft.adopted ? (
            <p>
              {t.votes.adoptionOpen}
              <Link to="/constitution/results">{t.votes.seeResults}</Link>.
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
