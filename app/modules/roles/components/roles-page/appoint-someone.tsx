import { Form } from "@remix-run/react";
import { Radios, TextField, type FieldErrors } from "~/components/forms";
import { rolesPageText } from "../../page-messages";

/** An organiser's form to appoint someone with an account as an organiser or the returning officer. */
export function AppointSomeone({
  returningOfficerName,
  values,
  errors,
  busy,
}: {
  returningOfficerName: string | null;
  values: Record<string, string>;
  errors: FieldErrors;
  busy: boolean;
}) {
  const t = rolesPageText.appoint;
  return (
    <section aria-labelledby="appoint-title" className="panel">
      <h2 id="appoint-title">{t.heading}</h2>
      <p>{t.intro}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="appoint" />
        <Radios
          name="role"
          legend={t.legend}
          choices={[
            ["organiser", t.organiser],
            ["returning_officer", returningOfficerName ? t.returningOfficerInPlaceOf(returningOfficerName) : t.returningOfficer],
          ]}
          checked={values.role}
          error={errors.role}
        />
        <TextField
          name="email"
          label={t.email}
          hint={t.emailHint}
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.email}
          error={errors.email}
        />
        <button type="submit" className="button" disabled={busy}>
          {t.submit}
        </button>
      </Form>
    </section>
  );
}
