import { Form } from "@remix-run/react";
import { Checkbox, TextArea, type FieldErrors } from "~/components/forms";
import { statementLabel } from "~/modules/elections/messages";
import { positionPartsText } from "~/modules/elections/position-page-messages";
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
  const t = positionPartsText.candidacyForm;
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <TextArea
        name="statement"
        label={statementLabel(p.statementMaxWords)}
        hint={t.statementHint(MAX_CANDIDATE_STATEMENT_LENGTH)}
        rows={8}
        defaultValue={v.statement}
        error={errors.statement}
      />
      <Checkbox name="consent" label={t.consent} error={errors.consent} defaultChecked={v.consent === "yes"} />
      {p.role ? (
        <Checkbox name="registeredOfficer" label={t.registeredOfficer} error={errors.registeredOfficer} defaultChecked={v.registeredOfficer === "yes"} />
      ) : null}
      {p.isTreasurer ? (
        <Checkbox name="treasurerEligible" label={t.treasurerEligible} error={errors.treasurerEligible} defaultChecked={v.treasurerEligible === "yes"} />
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
