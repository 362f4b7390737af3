import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { MAX_FULL_NAME_LENGTH, MAX_HOME_ADDRESS_LENGTH } from "~/utils/input-limits";
import { ErrorSummary, FieldError, NotificationBanner, TextArea, TextField, type FieldErrors } from "~/components/forms";
import { officerFieldMessages, officerProblemMessages, registrationText, roleDeclarations, roleTitles } from "~/modules/registration/messages";
import { saveOfficerDetails } from "~/modules/registration/registration.server";
import { EditVersion, StaleEditSummary, staleFieldErrors } from "~/components/stale-edit";
import { editVersion, staleChanges, type StaleChange } from "~/utils/stale-edit";
import { principalOf, requireUser } from "~/utils/auth.server";
import { isAllowed } from "~/utils/permissions";
import { officerPageView } from "~/modules/registration/officer-view.server";
import type { RegisteredRole } from "~/modules/elections/officer-rules";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = () => [{ title: "Officer's details - Registration - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context, "registration.officer");
  const organiser = isAllowed(principalOf(context), "registration.manage");
  const page = await officerPageView(context.db, user, organiser, new URL(request.url).searchParams.get("person"));
  if (!page) throw new Response("That person is not a declared officer.", { status: 404 });
  return page;
}

type ActionResult = {
  errors: FieldErrors;
  values: { fullName: string; homeAddress: string; email: string; confirm: string[] };
  /** Saved since the page was loaded (on another device): the fields and their saved values. */
  stale?: StaleChange[];
  /** The version the form carries from now on: the one it was sent with, or the saved one after a stale save. */
  version: string;
};

/** The form's labels, for the fields saved since the page was loaded. */
const officerLabels: Record<string, string> = {
  fullName: "Full name",
  homeAddress: "Home address",
  email: "Your own email address",
  confirm: "Your declarations",
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(request, context, "registration.officer");
  const form = await request.formData();
  const values = {
    fullName: String(form.get("fullName") ?? ""),
    homeAddress: String(form.get("homeAddress") ?? ""),
    email: String(form.get("email") ?? ""),
    confirm: form.getAll("confirm").map(String),
  };
  const version = String(form.get("version") ?? "");
  const r = await saveOfficerDetails(context.db, { id: user.id, label: user.email }, values, version);
  if (r.ok) return redirect("/registration/officer?saved=1");
  if (r.code === "not_an_officer") throw new Response(officerProblemMessages.not_an_officer, { status: 403 });
  if (r.code === "stale") {
    const confirmed = (r.current.confirm ?? []) as readonly RegisteredRole[];
    const stale = staleChanges(r.changed, { ...r.current, confirm: confirmed.map((role) => roleTitles[role]) }, (field) => officerLabels[field] ?? field);
    return data<ActionResult>({ errors: staleFieldErrors(stale), values, stale, version: editVersion(r.current) }, { status: 409 });
  }
  const errors: FieldErrors = {};
  if (r.code === "role_not_held") errors.confirm = officerProblemMessages.role_not_held;
  else if (r.code === "invalid")
    for (const issue of r.issues) errors[issue.path] ??= officerFieldMessages[issue.path as keyof typeof officerFieldMessages][issue.code];
  return data<ActionResult>({ errors, values, version }, { status: 400 });
}

export default function OfficerPage() {
  const { roles, own, officers, organiser, opened, version } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
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
        <Link to="/registration">Registration</Link>
      </p>
      <h1>Officers&apos; details and declarations</h1>
      {result?.stale ? (
        <StaleEditSummary changes={result.stale} fieldIds={{ confirm: `confirm-${roles[0] ?? ""}` }} />
      ) : result ? (
        <ErrorSummary errors={errors} fieldIds={{ confirm: `confirm-${roles[0] ?? ""}` }} />
      ) : null}
      {params.get("saved") && !result ? (
        <NotificationBanner title="Saved" kind="success">
          <p>Your details and declarations are saved.</p>
        </NotificationBanner>
      ) : null}
      {roles.length > 0 ? (
        <section aria-labelledby="own-title">
          <h2 id="own-title">Your details</h2>
          <p>
            You are the party&apos;s {roles.map((r) => roleTitles[r].toLowerCase()).join(" and ")}. {registrationText.officerLead}
          </p>
          <Form method="post" noValidate key={JSON.stringify(v)}>
            <EditVersion form="officer" version={result?.version ?? version} />
            <TextField
              name="fullName"
              label="Full name"
              hint={`As it should appear on the Commission's register of officers. At most ${MAX_FULL_NAME_LENGTH} characters.`}
              autoComplete="name"
              defaultValue={v.fullName}
              error={errors.fullName}
            />
            <TextArea
              name="homeAddress"
              label="Home address"
              hint={`Not published. It is printed only on your own officer sheet. At most ${MAX_HOME_ADDRESS_LENGTH.toLocaleString("en-GB")} characters.`}
              defaultValue={v.homeAddress}
              error={errors.homeAddress}
              rows={4}
            />
            <TextField
              name="email"
              label="Your own email address"
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={v.email}
              error={errors.email}
            />
            <div className={`form-group${errors.confirm ? " form-group--error" : ""}`}>
              <fieldset className="fieldset" aria-describedby={errors.confirm ? "confirm-error" : undefined}>
                <legend className="fieldset__legend">Your declarations</legend>
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
                    <label htmlFor={`confirm-${role}`}>I confirm my declaration as {roleTitles[role].toLowerCase()}</label>
                    <p className="hint" id={`confirm-${role}-text`}>
                      {roleDeclarations[role]}
                    </p>
                  </div>
                ))}
              </fieldset>
            </div>
            <button type="submit" className="button" disabled={busy}>
              Save and continue
            </button>
          </Form>
        </section>
      ) : !organiser ? (
        <p>{registrationText.notAnOfficer}</p>
      ) : null}
      {organiser ? (
        <section aria-labelledby="officers-title">
          <h2 id="officers-title">Every officer&apos;s progress</h2>
          {officers.length === 0 ? (
            <p>{registrationText.noOfficersYet}</p>
          ) : (
            <TableScroll label="Declared officers" wide>
              <table className="table">
                <caption className="visually-hidden">Declared officers and whether they have given their details and confirmed their declarations</caption>
                <thead>
                  <tr>
                    <th scope="col">Officer</th>
                    <th scope="col">Role</th>
                    <th scope="col">Details</th>
                    <th scope="col">Declaration</th>
                  </tr>
                </thead>
                <tbody>
                  {officers.map((o) => (
                    <tr key={`${o.userId}:${o.role}`}>
                      <td>
                        <Link to={`/registration/officer?person=${o.userId}`}>
                          {o.name}
                          <span className="visually-hidden">: open their details</span>
                        </Link>
                      </td>
                      <td>{o.role}</td>
                      <td>{o.detailsComplete ? "Given" : "Not given"}</td>
                      <td>{o.confirmed ? "Confirmed" : "Not confirmed"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {opened ? (
            <section aria-labelledby="opened-title" className="panel">
              <h3 id="opened-title">
                {opened.name}: {opened.roles.join(" and ")}
              </h3>
              <p className="hint">Private: shown to you as an organiser, and printed only on this officer&apos;s sheet.</p>
              <dl className="summary-list">
                <div className="summary-list__row">
                  <dt>Full name</dt>
                  <dd>{opened.fullName || "Not given"}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>Home address</dt>
                  <dd style={{ whiteSpace: "pre-line" }}>{opened.homeAddress || "Not given"}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>Email address</dt>
                  <dd>{opened.email || "Not given"}</dd>
                </div>
                <div className="summary-list__row">
                  <dt>Declarations confirmed</dt>
                  <dd>
                    {Object.keys(opened.confirmed).length === 0
                      ? "None yet"
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
