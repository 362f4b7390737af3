import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, FieldError, NotificationBanner, TextArea, TextField } from "~/components/forms";
import { officerProblemMessages, registrationText, roleDeclarations, roleTitles } from "~/modules/registration/messages";
import { officerAction, type OfficerAnswer } from "~/modules/registration/officer-actions.server";
import { EditVersion, StaleEditSummary } from "~/components/stale-edit";
import { respond } from "~/utils/action-answer.server";
import { formValues } from "~/utils/form-values";
import { principalOf, requireUser } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { officerPageView } from "~/modules/registration/officer-view.server";
import { TableScroll } from "~/components/table-scroll";
import { officerPageText as t } from "~/modules/registration/officer-messages";

export const meta: MetaFunction = () => [{ title: `${t.metaTitle} - Breakaway` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "registration.officer");
  const organiser = isAllowed(principalOf(context), "registration.manage");
  const page = await officerPageView(context.db, user, organiser, new URL(request.url).searchParams.get("person"));
  if (!page) throw new Response(t.notAnOfficer, { status: 404 });
  return page;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.officer");
  const form = await request.formData();
  const done = await officerAction(context.db, { id: user.id, label: user.email }, formValues(form), form.getAll("confirm").map(String));
  if (!done) throw new Response(officerProblemMessages.not_an_officer, { status: 403 });
  return "goTo" in done ? redirect(done.goTo) : respond(done);
}

export default function OfficerPage() {
  const { roles, own, officers, organiser, opened, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as OfficerAnswer | undefined;
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const errors = result?.errors ?? {};
  const v = result?.values ?? {
    fullName: own?.fullName ?? "",
    homeAddress: own?.homeAddress ?? "",
    email: own?.email ?? "",
    confirm: Object.keys(own?.confirmations ?? {}),
  };
  return (
    <div className="page">
      <p>
        <Link to="/registration">{t.registration}</Link>
      </p>
      <h1>{t.title}</h1>
      {result?.stale ? (
        <StaleEditSummary changes={result.stale} fieldIds={{ confirm: `confirm-${roles[0] ?? ""}` }} />
      ) : result ? (
        <ErrorSummary errors={errors} fieldIds={{ confirm: `confirm-${roles[0] ?? ""}` }} />
      ) : null}
      {params.get("saved") && !result ? (
        <NotificationBanner title={t.saved} kind="success">
          <p>{t.savedBody}</p>
        </NotificationBanner>
      ) : null}
      {roles.length > 0 ? (
        <section aria-labelledby="own-title">
          <h2 id="own-title">{t.own.heading}</h2>
          <p>
            {t.own.youAre(roles.map((r) => roleTitles[r].toLowerCase()).join(t.own.and))}
            {registrationText.officerLead}
          </p>
          <Form method="post" noValidate key={JSON.stringify(v)}>
            <EditVersion form="officer" version={result?.version ?? version} />
            <TextField name="fullName" label={t.own.fullName} hint={t.own.fullNameHint} autoComplete="name" defaultValue={v.fullName} error={errors.fullName} />
            <TextArea
              name="homeAddress"
              label={t.own.homeAddress}
              hint={t.own.homeAddressHint}
              defaultValue={v.homeAddress}
              error={errors.homeAddress}
              rows={4}
            />
            <TextField name="email" label={t.own.email} type="email" autoComplete="email" spellCheck={false} defaultValue={v.email} error={errors.email} />
            <div className={`form-group${errors.confirm ? " form-group--error" : ""}`}>
              <fieldset className="fieldset" aria-describedby={errors.confirm ? "confirm-error" : undefined}>
                <legend className="fieldset__legend">{t.own.declarations}</legend>
                <FieldError id="confirm" message={errors.confirm} />
                {roles.map((role) => (
                  <div className="radios__item" key={role}>
                    <input
                      type="checkbox"
                      id={`confirm-${role}`}
                      name="confirm"
                      value={role}
                      defaultChecked={v.confirm.includes(role)}
                      aria-describedby={`confirm-${role}-text`}
                    />
                    <label htmlFor={`confirm-${role}`}>{t.own.confirm(roleTitles[role].toLowerCase())}</label>
                    <p className="hint" id={`confirm-${role}-text`}>
                      {roleDeclarations[role]}
                    </p>
                  </div>
                ))}
              </fieldset>
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t.own.save}
            </button>
          </Form>
        </section>
      ) : !organiser ? (
        <p>{registrationText.notAnOfficer}</p>
      ) : null}
      {organiser ? (
        <section aria-labelledby="officers-title">
          <h2 id="officers-title">{t.progress.heading}</h2>
          {officers.length === 0 ? (
            <p>{registrationText.noOfficersYet}</p>
          ) : (
            <TableScroll label={t.progress.table} wide>
              <table className="table">
                <caption className="visually-hidden">{t.progress.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.progress.columns.officer}</th>
                    <th scope="col">{t.progress.columns.role}</th>
                    <th scope="col">{t.progress.columns.details}</th>
                    <th scope="col">{t.progress.columns.declaration}</th>
                  </tr>
                </thead>
                <tbody>
                  {officers.map((o) => (
                    <tr key={`${o.userId}:${o.role}`}>
                      <td>
                        <Link to={`/registration/officer?person=${o.userId}`}>
                          {o.name}
                          <span className="visually-hidden">{t.progress.openDetails}</span>
                        </Link>
                      </td>
                      <td>{o.role}</td>
                      <td>{o.detailsComplete ? t.progress.given : t.progress.notGiven}</td>
                      <td>{o.confirmed ? t.progress.confirmed : t.progress.notConfirmed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {opened ? (
            <section aria-labelledby="opened-title" className="panel">
              <h3 id="opened-title">{t.opened.heading(opened.name, opened.roles)}</h3>
              <p className="hint">{t.opened.private}</p>
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>{t.opened.fullName}</dt>
                  <dd>{opened.fullName || t.progress.notGiven}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t.opened.homeAddress}</dt>
                  <dd style={{ whiteSpace: "pre-line" }}>{opened.homeAddress || t.progress.notGiven}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t.opened.email}</dt>
                  <dd>{opened.email || t.progress.notGiven}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>{t.opened.confirmed}</dt>
                  <dd>
                    {Object.keys(opened.confirmed).length === 0
                      ? t.opened.noneYet
                      : Object.entries(opened.confirmed)
                          .map(([role, at]) => `${role} (${at})`)
                          .join(", ")}
                  </dd>
                </div>
              </dl>
            </section>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
