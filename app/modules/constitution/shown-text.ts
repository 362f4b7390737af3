/**
 * Stored text as a page shows it: never longer than its field may now be (input-limits.ts).
 * Text stored before the limits existed (a 2 MB amendment, a 1,000,000-character reason) is
 * kept whole in the database and applied whole when it carries; only what pages (and their data,
 * line numbering and word diffs) see is cut, with a sentence saying so, so that no stored text
 * can make a page slow for everyone else. Pure.
 */
import {
  MAX_AMENDMENT_REASON_LENGTH,
  MAX_CLAUSE_TEXT_LENGTH,
  MAX_CLAUSE_TITLE_LENGTH,
  MAX_COMMENT_LENGTH,
  MAX_RECOMMENDATION_REASONS_LENGTH,
} from "~/utils/input-limits";
import { cutShortMessages } from "./messages";
import type { ConstitutionDocument } from "./text";
import type { ShownField } from "./codes";

const limits: Record<ShownField, number> = {
  clauseText: MAX_CLAUSE_TEXT_LENGTH,
  reason: MAX_AMENDMENT_REASON_LENGTH,
  comment: MAX_COMMENT_LENGTH,
  recommendationReasons: MAX_RECOMMENDATION_REASONS_LENGTH,
};

export interface ShownText {
  text: string;
  /** Set when the stored text was longer than its field allows: the sentence shown where it is cut. */
  cut: string | null;
}

/** The first `limit` characters, not splitting a character written as two UTF-16 units. */
function firstCharacters(text: string, limit: number): string {
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}

/** `text` cut to its field's limit, with the sentence to show when it was cut. */
export function shownText(text: string, field: ShownField): ShownText {
  const limit = limits[field];
  if (text.length <= limit) return { text, cut: null };
  return { text: firstCharacters(text, limit), cut: cutShortMessages[field](text.length) };
}

/** A title as shown: a stored title longer than titles may now be ends in "…" (a heading has no room for a sentence). */
export function shownTitle(title: string): string {
  return title.length <= MAX_CLAUSE_TITLE_LENGTH ? title : `${firstCharacters(title, MAX_CLAUSE_TITLE_LENGTH - 1)}…`;
}

/**
 * A document as pages show it: each clause's title and text cut as above, with the sentence for
 * each clause whose text was cut (by clause id).
 */
export function shownDocument(document: ConstitutionDocument): { document: ConstitutionDocument; cut: Map<string, string> } {
  const cut = new Map<string, string>();
  const clauses = document.clauses.map((clause) => {
    const shown = shownText(clause.text, "clauseText");
    if (shown.cut) cut.set(clause.id, shown.cut);
    const title = shownTitle(clause.title);
    return shown.cut || title !== clause.title ? { ...clause, title, text: shown.text } : clause;
  });
  return { document: { ...document, clauses }, cut };
}
