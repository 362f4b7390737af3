import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, NotificationBanner, TextArea } from "~/components/forms";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { financialSchemeAction, type SchemeAnswer } from "~/modules/registration/financial-scheme-actions.server";
import { financialSchemePageView } from "~/modules/registration/financial-scheme-view.server";
import { schemePageText as text } from "~/modules/registration/financial-scheme-messages";
import { SchemeBallot, schemeVoteTarget } from "~/modules/registration/components/financial-scheme/ballot";
import { EditVersion, StaleEditSummary } from "~/components/stale-edit";
import { schemeVoteMessages as v } from "~/modules/registration/messages";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${text.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "registration.manage");
  return financialSchemePageView(context.db);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const values = formValues(await request.formData());
  const done = await financialSchemeAction(context.db, { id: user.id, label: user.email }, values);
  if (!done) throw new Response(text.notUnderstood, { status: 400 });
  return "goTo" in done ? redirect(done.goTo) : respond(done);
}

export default function FinancialSchemePage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SchemeAnswer | undefined;
  const [params] = useSearchParams();
  const done = result ? null : params.get("done");
  const value = result?.value ?? loaded.text;
  return (
    <div className="page">
      <p>
        <Link to="/registration">{text.back}</Link>
      </p>
      {result?.stale ? (
        <StaleEditSummary changes={result.stale} />
      ) : (
        <ErrorSummary errors={result?.errors ?? {}} fieldIds={{ vote: schemeVoteTarget(loaded) }} />
      )}
      {done === "saved" || done === "reset" ? (
        <NotificationBanner title={done === "saved" ? text.savedTitle : text.resetTitle} kind="success">
          <p>{done === "saved" ? text.saved : text.resetDone}</p>
          <p>
            <Link to="/registration/documents">{text.documents}</Link>
          </p>
        </NotificationBanner>
      ) : null}
      {done === "opened" || done === "adopted" || done === "not-adopted" ? (
        <NotificationBanner title={done === "opened" ? v.opened : done === "adopted" ? v.recordedAdopted : v.recordedNotAdopted} kind="success">
          <p>{text.recorded}</p>
        </NotificationBanner>
      ) : null}
      <h1>{text.heading}</h1>
      <p className="lead">{text.lead}</p>
      <SchemeBallot d={loaded} errors={result?.errors ?? {}} closesAt={result?.closesAt} />
      <p>
        <strong className={`status-tag${loaded.edited ? "" : " status-tag--open"}`}>{loaded.edited ? text.edited : text.generated}</strong>{" "}
        {loaded.edited ? text.editedStatus : text.generatedStatus}
      </p>
      <Form method="post">
        <EditVersion form="scheme" version={result?.version ?? loaded.version} />
        <TextArea name="scheme" label={text.label} hint={text.hint} error={result?.errors.scheme} defaultValue={value} rows={24} />
        <button type="submit" className="button" name="intent" value="save">
          {text.save}
        </button>
      </Form>
      {loaded.edited ? (
        <Form method="post">
          <EditVersion form="scheme-reset" version={result?.version ?? loaded.version} />
          <p className="hint" id="reset-hint">
            {text.resetHint}
          </p>
          <button type="submit" className="button button--secondary" name="intent" value="reset" aria-describedby="reset-hint">
            {text.reset}
          </button>
        </Form>
      ) : null}
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{text.preview}</h2>
        <div className="panel">
          <PlainMarkdown text={loaded.text} headingLevel={3} />
        </div>
      </section>
    </div>
  );
}
