import type { FieldErrors } from "~/components/forms";

/** What the position page's action answers: the refusals by field, or what was done. */
export type PositionAnswer = { intent: string; errors: FieldErrors; done?: string; values?: Record<string, string>; target?: string };

/**
 * Where a refusal is shown. Problems with what was typed or ticked go beside that field; the rest
 * (nominations closed, nothing to answer, not on the roll) are about the page, whose forms may be
 * gone once it reloads, so they are shown in the error summary alone, with no link.
 */
export const PAGE = "page";
