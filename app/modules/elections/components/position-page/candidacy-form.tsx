import { Form } from "@remix-run/react";
import { Checkbox, TextArea, type FieldErrors } from "~/components/forms";
import { statementLabel } from "~/modules/elections/messages";
import { MAX_CANDIDATE_STATEMENT_LENGTH } from "~/utils/input-limits";

/** What standing here would break in the officer rules, said before the form. */
export function Warnings({ warnings, lead }: { warnings: string[]; lead: string }) {
  if (warnings.length === 0) return null;
  return (
    <div className="recommendation" role="note">
      <p>
        <strong>{lead}</strong>
      </p>
      <ul className="list">
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** Standing and accepting a nomination take the same statement, consent and declarations (11.6-11.10). */
export function CandidacyForm({
  intent,
  submitLabel,
  position: p,
  errors,
  values: v,
  busy,
}: {
  intent: "stand" | "accept";
  submitLabel: string;
  position: { role: string | null; isTreasurer: boolean; statementMaxWords: number };
  errors: FieldErrors;
  values: Record<string, string>;
  busy: boolean;
}) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <TextArea
        name="statement"
        label={statementLabel(p.statementMaxWords)}
        hint={`Shown with the ballot. You may use **bold**, paragraphs and lists starting with a dash. At most ${MAX_CANDIDATE_STATEMENT_LENGTH.toLocaleString("en-GB")} characters.`}
        rows={8}
        defaultValue={v.statement}
        error={errors.statement}
      />
      <Checkbox
        name="consent"
        label="I agree to stand for this position, and to serve if elected."
        error={errors.consent}
        defaultChecked={v.consent === "yes"}
      />
      {p.role ? (
        <Checkbox
          name="registeredOfficer"
          label="If elected, I will give the Electoral Commission my full name, home address and email (the address is not published), have my name published on the register, and sign or authorise the party's application (standing orders 11.9)."
          error={errors.registeredOfficer}
          defaultChecked={v.registeredOfficer === "yes"}
        />
      ) : null}
      {p.isTreasurer ? (
        <Checkbox
          name="treasurerEligible"
          label="I declare that in the last 5 years I have not been convicted of an offence under the Political Parties, Elections and Referendums Act 2000, or of an election offence (standing orders 11.10)."
          error={errors.treasurerEligible}
          defaultChecked={v.treasurerEligible === "yes"}
        />
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
