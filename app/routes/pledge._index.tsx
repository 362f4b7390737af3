import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, Radios, TextField, type FieldErrors } from "~/components/forms";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { getMovement } from "~/modules/campaign/campaign.server";
import { readConstitutionFile, sectionContaining } from "~/modules/content/constitution-files.server";
import { pledgeMessages, relationLabels } from "~/modules/pledges/messages";
import { pledgeFormSchema } from "~/modules/pledges/pledge-form";
import { PLEDGE_CONSENT_VERSION, submitPledge } from "~/modules/pledges/pledge.server";
import { requirePermission } from "~/utils/auth.server";
import { formValues, parseForm } from "~/utils/form-values";

export const meta: MetaFunction = () => [{ title: "Make the pledge - Breakaway" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "site.view");
  const m = await getMovement(context.db);
  const consent = await readConstitutionFile("consent.md");
  return {
    movement: m ? { name: m.name, partyName: m.partyName, open: m.phase === "campaign" && m.deadline.getTime() > Date.now() } : null,
    consentText: consent ? sectionContaining(consent.body, PLEDGE_CONSENT_VERSION) : null,
  };
}

type ActionResult = { done: true; email: string } | { done: false; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  requirePermission(request, context, "site.view");
  const m = await getMovement(context.db);
  const values = formValues(await request.formData());
  if (!m || m.phase !== "campaign" || m.deadline.getTime() <= Date.now()) {
    return data<ActionResult>({ done: false, errors: { name: "Pledges have closed: the deadline has passed." }, values }, { status: 409 });
  }
  const parsed = parseForm(pledgeFormSchema, values);
  if (!parsed.ok) return data<ActionResult>({ done: false, errors: parsed.errors, values }, { status: 400 });
  const submitted = await submitPledge(context.db, parsed.data, { appUrl: context.env.appUrl, ip: context.clientIp, secret: context.env.appSecret });
  if (!submitted.ok) {
    const message = { ip: pledgeMessages.rateLimitedIp, email: pledgeMessages.rateLimitedEmail, overall: pledgeMessages.rateLimitedOverall }[
      submitted.limitedBy
    ];
    return data<ActionResult>({ done: false, errors: { email: message }, values }, { status: 429 });
  }
  return data<ActionResult>({ done: true, email: parsed.data.email });
}

export default function Pledge() {
  const { movement, consentText } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (!movement) {
    return (
      <div className="page page--narrow">
        <h1>Make the pledge</h1>
        <p>The campaign has not been set up yet.</p>
      </div>
    );
  }
  if (result?.done) {
    return (
      <div className="page page--narrow">
        <h1>Check your email to confirm your pledge</h1>
        <p>
          We have sent an email to <strong>{result.email}</strong>. Your pledge counts once you follow the link in it.
        </p>
        <p>The email also has a link to withdraw your pledge at any time. Keep it.</p>
      </div>
    );
  }
  const errors = result && !result.done ? result.errors : {};
  const values = result && !result.done ? result.values : {};
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errors} fieldIds={{ relation: "relation-member", consentDataUse: "consentDataUse" }} />
      <h1>Make the pledge</h1>
      {!movement.open ? (
        <p className="lead">Pledges have closed: the deadline has passed.</p>
      ) : (
        <>
          <p className="lead">
            I pledge to leave {movement.partyName} together with everyone who signs, unless it meets the demands of {movement.name} by the deadline.
          </p>
          <Form method="post" noValidate>
            <TextField name="name" label="Your name" autoComplete="name" defaultValue={values.name} error={errors.name} />
            <TextField
              name="email"
              label="Email address"
              hint="We will send you a link to confirm your pledge."
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={values.email}
              error={errors.email}
            />
            <TextField
              name="postcode"
              label="Postcode"
              hint="Used only to count pledges by region."
              autoComplete="postal-code"
              width="10"
              defaultValue={values.postcode}
              error={errors.postcode}
            />
            <Radios
              name="relation"
              legend={`Are you a member of ${movement.partyName}?`}
              checked={values.relation}
              error={errors.relation}
              choices={[
                ["member", relationLabels.member],
                ["former_member", relationLabels.former_member],
                ["supporter", relationLabels.supporter],
              ]}
            />
            <TextField
              name="membershipNumber"
              label="Membership number (optional, members only)"
              hint="Helps us prove to the party how many members are pledged. Never published."
              width="20"
              defaultValue={values.membershipNumber}
              error={errors.membershipNumber}
            />
            <TextField
              name="monthlySubscription"
              label="Your monthly subscription, in pounds (optional, members only)"
              hint="What the party would lose each month if you left, like 4.50. Only the total is published."
              inputMode="numeric"
              width="10"
              defaultValue={values.monthlySubscription}
              error={errors.monthlySubscription}
            />
            <div className="form-group">
              <h2>How we use your information</h2>
              {consentText ? (
                <PlainMarkdown text={consentText} headingLevel={3} />
              ) : (
                <p>We use your information only for this campaign and never publish it.</p>
              )}
            </div>
            <div className={`form-group${errors.consentDataUse ? " form-group--error" : ""}`}>
              {errors.consentDataUse ? (
                <p className="error-message" id="consentDataUse-error">
                  <span className="visually-hidden">Error:</span> {errors.consentDataUse}
                </p>
              ) : null}
              <div className="radios__item">
                <input
                  type="checkbox"
                  id="consentDataUse"
                  name="consentDataUse"
                  value="yes"
                  defaultChecked={values.consentDataUse === "yes"}
                  aria-describedby={errors.consentDataUse ? "consentDataUse-error" : undefined}
                />
                <label htmlFor="consentDataUse">I agree to my information being used as described above (needed to pledge)</label>
              </div>
              <div className="radios__item">
                <input type="checkbox" id="consentContact" name="consentContact" value="yes" defaultChecked={values.consentContact === "yes"} />
                <label htmlFor="consentContact">You may email me about the campaign (optional)</label>
              </div>
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Sending…" : "Make the pledge"}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
