import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, type FieldErrors, FileField, NotificationBanner, TextField } from "~/components/forms";
import { manageConstitutionAction, type ManageConstitutionAnswer } from "~/modules/constitution/manage-actions.server";
import { failedAdoptionWords } from "~/modules/constitution/messages";
import { UPLOAD_LIMITS } from "~/modules/constitution/upload";
import { respond } from "~/utils/action-answer.server";
import { principalOf, requireUser } from "~/utils/auth.server";
import { WaitingNotice } from "~/modules/roles/components/waiting-notice";
import { readUploadForm } from "~/utils/upload-form.server";
import { formValues } from "~/utils/form-values";
import { manageConstitutionView } from "~/modules/constitution/manage-view.server";
import { manageConstitutionText as t } from "~/modules/constitution/manage-messages";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "constitution.manage");
  return manageConstitutionView(context.db, principalOf(context));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.manage");
  const sent = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")
    ? { upload: await readUploadForm(request, context, UPLOAD_LIMITS.maxBytes) }
    : { values: formValues(await request.formData()) };
  const done = await manageConstitutionAction(context.db, { id: user.id, label: user.email }, sent);
  if (!done) throw new Response(t.unknownAction, { status: 400 });
  return "goTo" in done ? redirect(done.goTo) : respond(done);
}

export default function ManageConstitution() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ManageConstitutionAnswer | undefined;
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
