import type { FieldErrors } from "~/components/forms";
import type { ElectionsPageView } from "~/modules/elections/elections-view.server";

export type { ElectionsPageView };

/** What every part of the Elections page is given. */
export interface ElectionsPartProps {
  d: ElectionsPageView;
  busy: boolean;
  errors: FieldErrors;
  values: Record<string, string>;
}
