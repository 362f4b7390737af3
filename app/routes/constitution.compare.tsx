import { Select } from "~/components/forms";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { WordDiff } from "~/modules/constitution/components/clause-text";
import { amendmentEffect } from "~/modules/constitution/amendment-view";
import { amendedDocument, currentDraft, listAmendments } from "~/modules/constitution/drafting.server";
import { listVersions, versionByNumber } from "~/modules/constitution/round.server";
import { tooLongToCompare } from "~/modules/constitution/messages";
import { shownDocument } from "~/modules/constitution/shown-text";
import { comparableWordByWord, documentDiff, type ConstitutionDocument } from "~/modules/constitution/text";
import { requirePermission } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Compare versions - Constitution - Breakaway" }];

/**
 * A word-level comparison of any two texts: the draft as published, the draft as amended by the
 * carried amendments, the draft with one amendment made, and every adopted version.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(request, context, "constitution.read");
  const draft = await currentDraft(context.db);
  const versions = await listVersions(context.db);
  const choices: { value: string; label: string }[] = [];
  let original: ConstitutionDocument | null = null;
  let amended: ConstitutionDocument | null = null;
  const amendments = draft ? await listAmendments(context.db, draft.id) : [];
  if (draft) {
    const docs = await amendedDocument(context.db, draft.id);
    original = docs.original;
    amended = docs.amended;
    choices.push({ value: "original", label: "The draft as published" }, { value: "amended", label: "The draft as amended (carried amendments)" });
    for (const a of amendments) if (a.status !== "withdrawn") choices.push({ value: `a${a.number}`, label: `The draft with amendment A${a.number} made` });
  }
  for (const v of versions) choices.push({ value: `v${v.number}`, label: `Version ${v.number}, adopted on ${formatDateTime(v.adoptedAt)}` });

  const resolve = async (key: string): Promise<ConstitutionDocument | null> => {
    if (key === "original") return original;
    if (key === "amended") return amended;
    const v = /^v(\d+)$/.exec(key);
    if (v) {
      const row = await versionByNumber(context.db, Number(v[1]));
      return row ? { clauses: row.clauses.map((c, i) => ({ id: c.id, title: c.title, entrenched: c.entrenched, text: c.text, order: i })) } : null;
    }
    const a = /^a(\d+)$/.exec(key);
    const found = a ? amendments.find((x) => x.number === Number(a[1])) : undefined;
    return found && original ? amendmentEffect(original, found.engine).document : null;
  };
  const url = new URL(request.url);
  const defaultFrom = versions.length > 0 && draft?.baseVersion ? `v${draft.baseVersion}` : "original";
  const from = url.searchParams.get("from") ?? defaultFrom;
  const to = url.searchParams.get("to") ?? (amendments.length > 0 ? "amended" : (choices.at(-1)?.value ?? "original"));
  const [fullBefore, fullAfter] = [await resolve(from), await resolve(to)];
  // Compared as shown: each text cut to the clause limit (text stored before the limits), with a
  // sentence where it is cut. A clause whose stored texts differ only past the cut still counts.
  const before = fullBefore ? shownDocument(fullBefore) : null;
  const after = fullAfter ? shownDocument(fullAfter) : null;
  const fullTextOf = new Map((fullBefore?.clauses ?? []).map((c) => [c.id, c.text]));
  const differsPastCut = new Set((fullAfter?.clauses ?? []).filter((c) => fullTextOf.has(c.id) && fullTextOf.get(c.id) !== c.text).map((c) => c.id));
  const changes =
    before && after
      ? documentDiff(before.document, after.document)
          .filter((c) => c.change !== "kept" || c.textChanged || differsPastCut.has(c.id) || c.renamed || c.moved || c.entrenchmentChanged)
          .map((c) => ({
            id: c.id,
            title: (c.after ?? c.before)?.title ?? c.id,
            change: c.change,
            moved: c.moved,
            renamed: c.renamed,
            entrenchmentChanged: c.entrenchmentChanged,
            entrenched: c.after?.entrenched ?? false,
            title_segments: c.title,
            text: c.text,
            comparedWordByWord: comparableWordByWord(c.before?.text ?? "", c.after?.text ?? ""),
            cut: [...new Set([before.cut.get(c.id), after.cut.get(c.id)].filter((s): s is string => s !== undefined))],
          }))
      : null;
  return { choices, from, to, changes, known: Boolean(before && after) };
}

export default function Compare() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/constitution">Back to the constitution</Link>
      </p>
      <h1>Compare versions</h1>
      {d.choices.length === 0 ? (
        <p>There is nothing to compare until drafting starts.</p>
      ) : (
        <Form method="get" className="panel">
          <Select name="from" label="Compare" choices={d.choices} defaultValue={d.from} />
          <Select name="to" label="with" choices={d.choices} defaultValue={d.to} />
          <button type="submit" className="button">
            Show the differences
          </button>
        </Form>
      )}
      {!d.known && d.choices.length > 0 ? <p>One of those versions does not exist. Choose again.</p> : null}
      {d.changes ? (
        d.changes.length === 0 ? (
          <p>The two texts are the same.</p>
        ) : (
          <>
            <p>
              {d.changes.length} {d.changes.length === 1 ? "clause differs" : "clauses differ"}. Deleted words are struck through; added words are underlined.
            </p>
            {d.changes.map((c) => (
              <section key={c.id} aria-labelledby={`diff-${c.id}`} className="amendment">
                <h2 id={`diff-${c.id}`}>
                  {c.title}{" "}
                  {c.change === "added" ? <span className="tag">New clause</span> : c.change === "deleted" ? <span className="tag">Deleted</span> : null}
                  {c.moved ? <span className="tag">Moved</span> : null}
                  {c.renamed ? <span className="tag">Renamed</span> : null}
                  {c.entrenchmentChanged ? <span className="tag tag--entrenched">{c.entrenched ? "Now entrenched" : "No longer entrenched"}</span> : null}
                </h2>
                {c.renamed ? <WordDiff segments={c.title_segments} label={`Title of ${c.title}`} /> : null}
                {c.comparedWordByWord ? null : <p>{tooLongToCompare}</p>}
                {c.cut.map((sentence) => (
                  <p key={sentence}>{sentence}</p>
                ))}
                <WordDiff segments={c.text} label={`Text of ${c.title}`} />
              </section>
            ))}
          </>
        )
      ) : null}
    </div>
  );
}
