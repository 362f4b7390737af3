import { compareText } from "../../compare-messages";
import type { CompareView } from "../../compare-view.server";
import { tooLongToCompare } from "../../messages";
import { WordDiff } from "../clause-text";

/** The clauses that differ between the two texts, word by word. */
export function ClauseChanges({ changes }: { changes: NonNullable<CompareView["changes"]> }) {
  const t = compareText;
  if (changes.length === 0) return <p>{t.same}</p>;
  return (
    <>
      <p>{t.differ(changes.length)}</p>
      {changes.map((c) => (
        <section key={c.id} aria-labelledby={`diff-${c.id}`} className="amendment">
          <h2 id={`diff-${c.id}`}>
            {c.title}{" "}
            {c.change === "added" ? <span className="tag">{t.tags.added}</span> : c.change === "deleted" ? <span className="tag">{t.tags.deleted}</span> : null}
            {c.moved ? <span className="tag">{t.tags.moved}</span> : null}
            {c.renamed ? <span className="tag">{t.tags.renamed}</span> : null}
            {c.entrenchmentChanged ? <span className="tag tag--entrenched">{c.entrenched ? t.tags.entrenched : t.tags.notEntrenched}</span> : null}
          </h2>
          {c.renamed ? <WordDiff segments={c.title_segments} label={t.titleOf(c.title)} /> : null}
          {c.comparedWordByWord ? null : <p>{tooLongToCompare}</p>}
          {c.cut.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          <WordDiff segments={c.text} label={t.textOf(c.title)} />
        </section>
      ))}
    </>
  );
}
