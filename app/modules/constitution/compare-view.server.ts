/**
 * Compare versions (routes/constitution.compare.tsx): a word-level comparison of any two texts:
 * the draft as published, the draft as amended by the carried amendments, the draft with one
 * amendment made, and every adopted version.
 */
import type { Db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import { amendmentEffect } from "./amendment-view";
import { compareText } from "./compare-messages";
import { amendedDocument, currentDraft, listAmendments } from "./drafting.server";
import { listVersions, versionByNumber } from "./round.server";
import { shownDocument } from "./shown-text";
import { comparableWordByWord, documentDiff, type ConstitutionDocument } from "./text";

/** The texts to choose from, and the clauses that differ between the two chosen (null for the defaults). */
export async function compareView(db: Db, chosen: { from: string | null; to: string | null }) {
  const draft = await currentDraft(db);
  const versions = await listVersions(db);
  const choices: { value: string; label: string }[] = [];
  let original: ConstitutionDocument | null = null;
  let amended: ConstitutionDocument | null = null;
  const amendments = draft ? await listAmendments(db, draft.id) : [];
  if (draft) {
    const docs = await amendedDocument(db, draft.id);
    original = docs.original;
    amended = docs.amended;
    choices.push({ value: "original", label: compareText.choices.original }, { value: "amended", label: compareText.choices.amended });
    for (const a of amendments) if (a.status !== "withdrawn") choices.push({ value: `a${a.number}`, label: compareText.choices.withAmendment(a.number) });
  }
  for (const v of versions) choices.push({ value: `v${v.number}`, label: compareText.choices.version(v.number, formatDateTime(v.adoptedAt)) });

  const resolve = async (key: string): Promise<ConstitutionDocument | null> => {
    if (key === "original") return original;
    if (key === "amended") return amended;
    const v = /^v(\d+)$/.exec(key);
    if (v) {
      const row = await versionByNumber(db, Number(v[1]));
      return row ? { clauses: row.clauses.map((c, i) => ({ id: c.id, title: c.title, entrenched: c.entrenched, text: c.text, order: i })) } : null;
    }
    const a = /^a(\d+)$/.exec(key);
    const found = a ? amendments.find((x) => x.number === Number(a[1])) : undefined;
    return found && original ? amendmentEffect(original, found.engine).document : null;
  };
  const defaultFrom = versions.length > 0 && draft?.baseVersion ? `v${draft.baseVersion}` : "original";
  const from = chosen.from ?? defaultFrom;
  const to = chosen.to ?? (amendments.length > 0 ? "amended" : (choices.at(-1)?.value ?? "original"));
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

export type CompareView = Awaited<ReturnType<typeof compareView>>;
