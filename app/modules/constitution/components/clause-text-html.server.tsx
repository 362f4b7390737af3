import { createHash } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { RecentlyUsed } from "~/utils/recently-used";
import type { ClauseLine } from "./clause-text";
import { WholeText, type ReadableClause } from "./constitution-reading";

/**
 * The whole constitution's contents and clauses as HTML (decision 043): some 2,000 numbered lines,
 * the same for every reader until a clause, a decision or an amendment count changes, and most of
 * what the page costs to make. Made once and kept for the few versions in use; the page sends it
 * as it is (the page is not hydrated, so its links need no router). React escapes every text.
 */
type WholeClause = ReadableClause & { lines: readonly ClauseLine[]; cut: string | null };

const made = new RecentlyUsed<string, string>(8);
/** Each numbered view's lines are one array until the text changes (views.server.ts): an id stands for them in the key. */
const linesIds = new WeakMap<readonly ClauseLine[], number>();
let nextLinesId = 1;

function linesId(lines: readonly ClauseLine[]): number {
  let id = linesIds.get(lines);
  if (id === undefined) {
    id = nextLinesId++;
    linesIds.set(lines, id);
  }
  return id;
}

export function wholeTextHtml(clauses: readonly WholeClause[], seesDebate: boolean): string {
  const key = createHash("sha256")
    .update(
      JSON.stringify([
        seesDebate,
        clauses.map((c) => [linesId(c.lines), c.id, c.number, c.title, c.entrenched, c.amendments, c.decision, c.link, c.firstLine, c.lastLine, c.cut]),
      ]),
    )
    .digest("base64");
  return made.get(key, () => renderToStaticMarkup(<WholeText clauses={clauses} seesDebate={seesDebate} />));
}
