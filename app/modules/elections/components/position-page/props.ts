import type { FieldErrors } from "~/components/forms";
import type { PositionPageView } from "~/modules/elections/position-view.server";

export type { PositionPageView };

/** What every part of the position page is given. */
export interface PositionPartProps {
  d: PositionPageView;
  busy: boolean;
  errors: FieldErrors;
  values: Record<string, string>;
  target?: string;
}
