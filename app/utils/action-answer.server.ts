/**
 * What a page's action module gives back (decision 053): the answer the page shows, and the HTTP
 * status it goes with. The route turns it into its response with `respond`.
 */
import { data } from "@remix-run/node";

export interface ActionAnswer<T> {
  answer: T;
  status: number;
}

/** The action did what was asked. */
export const succeeded = <T>(answer: T): ActionAnswer<T> => ({ answer, status: 200 });

/** The action was refused: 400 for a form to mend, 403 for someone who may not do it. */
export const refused = <T>(answer: T, status = 400): ActionAnswer<T> => ({ answer, status });

/**
 * The route's response. A success carries no status of its own: Remix keeps a status set by the
 * action even when the page drawn after it fails, and the front door must then see the failure
 * to show a ballot's receipt (decision 041).
 */
export function respond<T>(done: ActionAnswer<T>) {
  return data<T>(done.answer, done.status === 200 ? undefined : { status: done.status });
}
