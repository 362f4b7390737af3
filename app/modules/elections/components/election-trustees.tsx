import type { FieldErrors } from "~/components/forms";
import { electionTrusteeText as t } from "~/modules/elections/trustee-messages";
import type { ElectionTrusteesSummary } from "~/modules/elections/election-trustees.server";
import { TrusteesPanel } from "~/modules/polls/components/trustees-panel";

/** Who holds the key of the election's ballots (decision 047), and the returning officer's form to name them. */
export function ElectionTrusteesPanel({
  trustees,
  canName,
  values,
  errors,
  busy,
}: {
  trustees: ElectionTrusteesSummary | null;
  canName: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
  busy: boolean;
}) {
  return <TrusteesPanel sets={trustees ? [trustees] : []} text={t} canName={canName} values={values} errors={errors} busy={busy} />;
}
