import { renderToStaticMarkup } from "react-dom/server";
import { ClauseLines, type ClauseLine } from "./clause-text";

/**
 * The lines of a clause as HTML, for PreparedClauseText. The numbered view of a version is kept
 * (views.server.ts numberedView), so its lines are the same array on every request until a clause
 * changes: their HTML is kept with them, and goes when they do. React escapes the text as it
 * would in the page.
 */
const made = new WeakMap<readonly ClauseLine[], string>();

export function clauseTextHtml(lines: readonly ClauseLine[], cut: string | null): string {
  // A cut clause is rare and its note is cheap: only uncut clauses are kept.
  if (cut) return renderToStaticMarkup(<ClauseLines lines={lines} cut={cut} />);
  let html = made.get(lines);
  if (html === undefined) {
    html = renderToStaticMarkup(<ClauseLines lines={lines} />);
    made.set(lines, html);
  }
  return html;
}

/** Clauses with their lines made into HTML, in place of the lines: what the page of every clause sends. */
export function withPreparedText<C extends { lines: readonly ClauseLine[]; cut: string | null }>(clauses: readonly C[]) {
  return clauses.map(({ lines, cut, ...rest }) => ({ ...rest, textHtml: clauseTextHtml(lines, cut) }));
}
