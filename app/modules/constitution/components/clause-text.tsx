import type { DiffSegment } from "~/modules/constitution/text/diff";
import { diffText as t } from "~/modules/constitution/messages";

export interface ClauseLine {
  number: number | null;
  text: string;
  kind: string;
  listMarker?: string | undefined;
}

/**
 * A clause as printed, one numbered line per row. The numbers are hidden from screen readers
 * (they would interrupt every line); the "Lines N to M" note above says where the clause sits.
 * `cut`: the sentence saying the stored text is longer and only its start is shown.
 */
export function ClauseText({ lines, cut }: { lines: readonly ClauseLine[]; cut?: string | null }) {
  return (
    <div className="clause__text">
      <ClauseLines lines={lines} cut={cut} />
    </div>
  );
}

export function ClauseLines({ lines, cut }: { lines: readonly ClauseLine[]; cut?: string | null | undefined }) {
  return (
    <>
      {/* As little markup as a line can have: the page of the whole text has some 2,000 lines, and
          its size is most of its cost (decision 043). The number is the line's first child (styled
          by .clause__line > :first-child), and the words follow it as plain text. */}
      {lines.map((line, i) =>
        line.kind === "blank" ? (
          <div key={i} className="clause__blank" />
        ) : (
          <div key={i} className="clause__line">
            <span aria-hidden="true">{line.number}</span>
            {line.listMarker ? (
              <span>
                <span className="clause__marker">{line.listMarker} </span>
                {line.text}
              </span>
            ) : (
              line.text
            )}
          </div>
        ),
      )}
      {cut ? <p className="hint">{cut}</p> : null}
    </>
  );
}

/**
 * A word diff. Deleted words are struck through and added words underlined, in colour, and each
 * change is also announced in words ("deleted", "added") for screen readers and for anyone who
 * cannot tell the colours apart.
 */
export function WordDiff({ segments, label }: { segments: readonly DiffSegment[]; label?: string }) {
  return (
    <div className="diff" aria-label={label} role={label ? "group" : undefined}>
      {segments.map((s, i) =>
        s.kind === "same" ? (
          <span key={i}>{s.text}</span>
        ) : s.kind === "removed" ? (
          <del key={i} className="diff__removed">
            <span className="visually-hidden">{t.deleted}</span>
            {s.text}
            <span className="visually-hidden">{t.end}</span>
          </del>
        ) : (
          <ins key={i} className="diff__added">
            <span className="visually-hidden">{t.added}</span>
            {s.text}
            <span className="visually-hidden">{t.end}</span>
          </ins>
        ),
      )}
    </div>
  );
}

/** Splits a diff into its paragraphs (at blank lines in unchanged text). */
export function diffParagraphs(segments: readonly DiffSegment[]): DiffSegment[][] {
  const paragraphs: DiffSegment[][] = [[]];
  for (const s of segments) {
    if (s.kind !== "same") {
      paragraphs.at(-1)?.push(s);
      continue;
    }
    const parts = s.text.split(/\n\s*\n/);
    parts.forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part) paragraphs.at(-1)?.push({ kind: "same", text: part });
    });
  }
  return paragraphs.filter((p) => p.length > 0);
}

/**
 * Only the paragraphs an amendment changes, with "…" where unchanged ones are left out: a long
 * clause's amendment then reads at a glance, and the full text is one link away.
 */
export function CompactDiff({ segments, label }: { segments: readonly DiffSegment[]; label?: string }) {
  const paragraphs = diffParagraphs(segments);
  const changed = paragraphs.map((p) => p.some((s) => s.kind !== "same"));
  const shown: (DiffSegment[] | null)[] = [];
  paragraphs.forEach((p, i) => {
    if (changed[i]) shown.push(p);
    else if (shown.at(-1) !== null) shown.push(null);
  });
  return (
    <div className="diff" aria-label={label} role={label ? "group" : undefined}>
      {shown.map((p, i) =>
        p === null ? (
          <p key={i} className="diff__gap">
            …<span className="visually-hidden">{t.gap}</span>
          </p>
        ) : (
          <p key={i} className="diff__paragraph">
            {p.map((s, j) =>
              s.kind === "same" ? (
                <span key={j}>{s.text}</span>
              ) : s.kind === "removed" ? (
                <del key={j} className="diff__removed">
                  <span className="visually-hidden">{t.deleted}</span>
                  {s.text}
                  <span className="visually-hidden">{t.end}</span>
                </del>
              ) : (
                <ins key={j} className="diff__added">
                  <span className="visually-hidden">{t.added}</span>
                  {s.text}
                  <span className="visually-hidden">{t.end}</span>
                </ins>
              ),
            )}
          </p>
        ),
      )}
    </div>
  );
}

/**
 * The same diff with every run of unchanged paragraphs replaced by one "…" paragraph: what
 * CompactDiff shows, so a page's data need not carry a long clause once per amendment.
 */
export function compactSegments(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let gap = false;
  for (const paragraph of diffParagraphs(segments)) {
    const changed = paragraph.some((s) => s.kind !== "same");
    if (!changed && gap) continue;
    if (out.length > 0) out.push({ kind: "same", text: "\n\n" });
    if (changed) out.push(...paragraph);
    else out.push({ kind: "same", text: "…" });
    gap = !changed;
  }
  return out;
}
