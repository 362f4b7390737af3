import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { periodRefusal } from "~/modules/constitution/periods.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, NotificationBanner, TextArea, type FieldErrors } from "~/components/forms";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { financialSchemeState, resetFinancialScheme, saveFinancialScheme } from "~/modules/registration/financial-scheme.server";
import { financialSchemePageView } from "~/modules/registration/financial-scheme-view.server";
import { schemePageText as text } from "~/modules/registration/financial-scheme-messages";
import { SchemeBallot } from "~/modules/registration/components/financial-scheme/ballot";
import { EditVersion, StaleEditSummary, staleFieldErrors } from "~/components/stale-edit";
import { editVersion, staleChanges, type StaleChange, type StaleSave } from "~/utils/stale-edit";
import { openFinancialSchemeVote, settleFinancialSchemeVote } from "~/modules/registration/financial-scheme-vote.server";
import { schemeTextMessages, schemeVoteMessages as v } from "~/modules/registration/messages";
import { loadRules, PAGE_READ } from "~/modules/polls/poll-rules.server";
import { requireUser } from "~/utils/auth.server";
import { fromLondonLocal } from "~/utils/london-time";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: `${text.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context, "registration.manage");
  return financialSchemePageView(context.db);
}

interface ActionResult {
  errors: FieldErrors;
  /** The scheme as typed, kept on a scheme error. */
  value?: string;
  closesAt?: string;
  /** Saved by someone else since the page was loaded: the scheme as saved now. */
  stale?: StaleChange[];
  /** The version the scheme's form carries from now on: the one it was sent with, or the saved one after a stale save. */
  version?: string;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.manage");
  const form = await request.formData();
  const actor = { id: user.id, label: user.email };
  const intent = form.get("intent");
  // Only the page's two buttons: anything else (a file where text belongs, an unknown intent)
  // was not sent by this page, and saves nothing.
  const scheme = form.get("scheme");
  if (intent === "open-vote") {
    const closesAtText = String(form.get("closesAt") ?? "");
    const closesAt = fromLondonLocal(closesAtText);
    if (!closesAt) return data<ActionResult>({ errors: { closesAt: v.closesAtInvalid }, closesAt: closesAtText }, { status: 400 });
    const opened = await openFinancialSchemeVote(context.db, actor, { closesAt });
    if (!opened.ok) {
      const message = opened.code === "period_too_short" ? await periodRefusal("ballot", opened.earliest, v.problems[opened.code]) : v.problems[opened.code];
      const field = opened.code === "closes_in_past" || opened.code === "period_too_short" ? "closesAt" : "vote";
      return data<ActionResult>({ errors: { [field]: message }, closesAt: closesAtText }, { status: 400 });
    }
    return redirect("/registration/financial-scheme?done=opened");
  }
  if (intent === "record-vote") {
    const state = await financialSchemeState(context.db);
    const poll = state.ballot ? (await loadRules(context.db, state.ballot.pollId, PAGE_READ))?.poll : null;
    // Before its closing time a ballot is closed only by the returning officer, on the poll's page.
    if (poll && poll.status === "open" && poll.closesAt.getTime() > Date.now())
      return data<ActionResult>({ errors: { vote: v.openNow(formatDateTime(poll.closesAt), poll.ballotCount, poll.rollSize) } }, { status: 400 });
    const settled = await settleFinancialSchemeVote(context.db, actor);
    if (!settled.ok) return data<ActionResult>({ errors: { vote: v.problems[settled.code] } }, { status: 400 });
    return redirect(`/registration/financial-scheme?done=${settled.adopted ? "adopted" : "not-adopted"}`);
  }
  if ((intent !== "save" && intent !== "reset") || (intent === "save" && typeof scheme !== "string")) {
    throw new Response(text.notUnderstood, { status: 400 });
  }
  const version = String(form.get("version") ?? "");
  if (intent === "reset") {
    const reset = await resetFinancialScheme(context.db, actor, version);
    if (!reset.ok && reset.code === "stale") return staleReply(reset);
    if (!reset.ok) return data<ActionResult>({ errors: { scheme: v.frozen } }, { status: 400 });
    return redirect("/registration/financial-scheme?done=reset");
  }
  const value = typeof scheme === "string" ? scheme : "";
  const saved = await saveFinancialScheme(context.db, actor, value, version);
  if (!saved.ok && saved.code === "stale") return staleReply(saved, value);
  if (!saved.ok)
    return data<ActionResult>(
      { errors: { scheme: saved.code === "empty" ? text.empty : saved.code === "ballot_open" ? v.frozen : schemeTextMessages[saved.code] }, value, version },
      { status: 400 },
    );
  return redirect("/registration/financial-scheme?done=saved");
}

/** A save or reset from a stale page: 409, the text as typed kept, the saved one shown. */
function staleReply(result: StaleSave, value?: string) {
  const stale = staleChanges(result.changed, result.current, () => text.label);
  return data<ActionResult>({ errors: staleFieldErrors(stale), value, stale, version: editVersion(result.current) }, { status: 409 });
}

export default function FinancialSchemePage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = result ? null : params.get("done");
  const value = result?.value ?? loaded.text;
  return (
    <div className="page">
      <p>
        <Link to="/registration">{text.back}</Link>
      </p>
      {result?.stale ? <StaleEditSummary changes={result.stale} /> : <ErrorSummary errors={result?.errors ?? {}} fieldIds={{ vote: "vote" }} />}
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
