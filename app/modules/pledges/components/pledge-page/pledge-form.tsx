import { Form } from "@remix-run/react";
import { useFormCheck } from "~/components/form-check";
import { ErrorSummary, FieldError, Radios, TextField, type FieldErrors } from "~/components/forms";
import { PlainMarkdown } from "~/modules/markdown/plain-markdown";
import { relationLabels } from "../../messages";
import { pledgeFormSchema } from "../../pledge-form";
import { pledgePageText as t } from "../../pledge-page-messages";

/** The pledge and its form, or that pledges have closed. */
export function PledgeForm({
  movement,
  consentText,
  errors: answered,
  values,
  busy,
}: {
  movement: { name: string; partyName: string; open: boolean };
  consentText: string | null;
  errors: FieldErrors;
  values: Partial<Record<string, string>>;
  busy: boolean;
}) {
  const check = useFormCheck(pledgeFormSchema);
  const errors = check.errors ?? answered;
  return (
    <div className="page page--narrow">
      <ErrorSummary key={check.refusals} errors={errors} fieldIds={{ relation: "relation-member", consentDataUse: "consentDataUse" }} />
      <h1>{t.title}</h1>
      {!movement.open ? (
        <p className="lead">{t.closed}</p>
      ) : (
        <>
          <p className="lead">{t.pledge(movement.partyName, movement.name)}</p>
          <Form method="post" noValidate onSubmit={check.onSubmit}>
            <TextField name="name" label={t.name} autoComplete="name" defaultValue={values.name} error={errors.name} />
            <TextField
              name="email"
              label={t.email}
              hint={t.emailHint}
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={values.email}
              error={errors.email}
            />
            <TextField
              name="postcode"
              label={t.postcode}
              hint={t.postcodeHint}
              autoComplete="postal-code"
              width="10"
              defaultValue={values.postcode}
              error={errors.postcode}
            />
            <Radios
              name="relation"
              legend={t.relation(movement.partyName)}
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
              label={t.membershipNumber}
              hint={t.membershipNumberHint}
              width="20"
              defaultValue={values.membershipNumber}
              error={errors.membershipNumber}
            />
            <TextField
              name="monthlySubscription"
              label={t.subscription}
              hint={t.subscriptionHint}
              inputMode="numeric"
              width="10"
              defaultValue={values.monthlySubscription}
              error={errors.monthlySubscription}
            />
            <div className="form-group">
              <h2>{t.howWeUse}</h2>
              {consentText ? <PlainMarkdown text={consentText} headingLevel={3} /> : <p>{t.howWeUseFallback}</p>}
            </div>
            <div className={`form-group${errors.consentDataUse ? " form-group--error" : ""}`}>
              <FieldError id="consentDataUse" message={errors.consentDataUse} />
              <div className="radios__item">
                <input
                  type="checkbox"
                  id="consentDataUse"
                  name="consentDataUse"
                  value="yes"
                  defaultChecked={values.consentDataUse === "yes"}
                  aria-describedby={errors.consentDataUse ? "consentDataUse-error" : undefined}
                />
                <label htmlFor="consentDataUse">{t.consentDataUse}</label>
              </div>
              <div className="radios__item">
                <input type="checkbox" id="consentContact" name="consentContact" value="yes" defaultChecked={values.consentContact === "yes"} />
                <label htmlFor="consentContact">{t.consentContact}</label>
              </div>
            </div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? t.sending : t.submit}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

/** After the form: the confirmation link is on its way. */
export function PledgeSent({ email }: { email: string }) {
  return (
    <div className="page page--narrow">
      <h1>{t.sent.title}</h1>
      <p>
        {t.sent.sentTo}
        <strong>{email}</strong>
        {t.sent.countsOnce}
      </p>
      <p>{t.sent.keepIt}</p>
    </div>
  );
}
