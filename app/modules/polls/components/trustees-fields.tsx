import { TextArea, TextField, type FieldErrors } from "~/components/forms";
import { pollTrusteeText } from "~/modules/polls/trustee-messages";
import { MAX_TRUSTEES } from "~/utils/input-limits";

/** The trustees' email addresses and how many must decrypt: one pair of fields wherever trustees are named. */
export function TrusteesFields({
  values,
  errors,
  label,
  idSuffix,
}: {
  values: Record<string, string>;
  errors: FieldErrors;
  label?: string;
  idSuffix?: string;
}) {
  // Several forms on one page (the Trustees page) need their own ids.
  const id = (name: string) => (idSuffix ? `${name}-${idSuffix}` : undefined);
  return (
    <>
      <TextArea
        name="trustees"
        id={id("trustees")}
        label={label ?? pollTrusteeText.formLabel}
        hint={pollTrusteeText.formHint(MAX_TRUSTEES)}
        rows={3}
        defaultValue={values.trustees}
        error={errors.trustees}
      />
      <TextField
        name="trusteeThreshold"
        id={id("trusteeThreshold")}
        label={pollTrusteeText.thresholdLabel}
        hint={pollTrusteeText.thresholdHint}
        inputMode="numeric"
        width="10"
        defaultValue={values.trusteeThreshold}
        error={errors.trusteeThreshold}
      />
    </>
  );
}
