import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FieldError, type FieldErrors } from "~/components/forms";
import { amendFormText as t } from "~/modules/constitution/amend-messages";
import { isAmendmentKind, type AmendmentKind } from "~/modules/constitution/amendment-form";
import { AmendForms } from "~/modules/constitution/components/amend-form/amend-forms";
import { ClauseText } from "~/modules/constitution/components/clause-text";
import { draftingProblemMessages, proposeIntro } from "~/modules/constitution/messages";
import { amendFormView, proposeFromForm, type AmendAnswer } from "~/modules/constitution/propose-amendment.server";
import { respond } from "~/utils/action-answer.server";
import { requireUser } from "~/utils/auth.server";
import { formValues } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const view = await amendFormView(context.db, user, params.clauseId);
  if ("missing" in view) throw new Response(view.missing, { status: 404 });
  return view;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "constitution.take_part");
  const values = formValues(await request.formData());
  const kind = values.kind ?? "";
  const done = isAmendmentKind(kind) ? await proposeFromForm(context.db, user, params.clauseId, kind, values) : null;
  if (!done) throw new Response(t.unknownKind, { status: 400 });
  if ("missing" in done) throw new Response(done.missing, { status: 404 });
  if ("proposed" in done) return redirect(`/constitution/amendments/${done.proposed}?proposed=1`);
  return respond(done);
}

export default function ProposeAmendment() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AmendAnswer | undefined;
  const c = d.clause;
  const back = (
    <p>
      <Link to={`/constitution/clauses/${c.id}`}>{t.back}</Link>
    </p>
  );
  if (!d.open || !d.allowed) {
    return (
      <div className="page page--narrow">
        <h1>{t.title}</h1>
        <p>{!d.open ? draftingProblemMessages.not_drafting : draftingProblemMessages.not_founding_member}</p>
        {back}
      </div>
    );
  }
  const active = result?.kind;
  const errorsFor = (kind: AmendmentKind): FieldErrors => (active === kind ? (result?.errors ?? {}) : {});
  const valuesFor = (kind: AmendmentKind): Record<string, string> => (active === kind ? (result?.values ?? {}) : {});
  // A field's id is its name after the kind's; the form's own error belongs to its button.
  const ids = active ? Object.fromEntries(Object.keys(result?.errors ?? {}).map((k) => [k, `${active}-${k === "form" ? "submit" : k}`])) : {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={result?.errors ?? {}} fieldIds={ids} />
      {back}
      <h1>{t.heading(c.number, c.title)}</h1>
      <p>{d.byCommittee ? t.byCommittee : proposeIntro(d.reasonMaxWords)}</p>
      <details>
        <summary>{t.clauseNow(c.firstLine, c.lastLine)}</summary>
        <ClauseText lines={c.lines} cut={c.cut} />
      </details>
      {active ? <FieldError id={`${active}-submit`} message={result?.errors.form} /> : null}
      <AmendForms clause={c} others={d.others} reasonMaxWords={d.reasonMaxWords} active={active} errorsFor={errorsFor} valuesFor={valuesFor} />
    </div>
  );
}
