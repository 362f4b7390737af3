import type { DiffSegment } from "~/modules/constitution/text/diff";

export interface ClauseLine {
  number: number | null;
  text: string;
  kind: string;
  listMarker?: string | undefined;
}

/**
 * A clause as printed, one numbered line per row. The numbers are hidden from screen readers
 * (they would interrupt every line); the "Lines N to M" note above says where the clause sits.
 */
export function ClauseText({ lines }: { lines: readonly ClauseLine[] }) {
  return (
    <div className="clause__text">
      {lines.map((line, i) =>
        line.kind === "blank" ? (
          <div key={i} className="clause__blank" />
        ) : (
          <div key={i} className="clause__line">
            <span className="clause__number" aria-hidden="true">
              {line.number}
            </span>
            <span className={line.kind === "list-item" ? "clause__words clause__words--item" : "clause__words"}>
              {line.listMarker ? <span className="clause__marker">{line.listMarker} </span> : null}
              {line.text}
            </span>
          </div>
        ),
      )}
    </div>
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
            <span className="visually-hidden">[deleted: </span>
            {s.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <ins key={i} className="diff__added">
            <span className="visually-hidden">[added: </span>
            {s.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </div>
  );
}
