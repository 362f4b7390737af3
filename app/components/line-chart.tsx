import { formatFigure } from "~/utils/numbers";
import { formatCalendarDayShort } from "~/utils/dates";
import { chartText as t } from "./messages";

/**
 * A cumulative line over days, in SVG. The figures are also given in words nearby; the chart is
 * labelled with a summary for screen readers.
 */
export function LineChart({
  title,
  points,
  empty,
}: {
  title: string;
  points: { day: string; value: number }[];
  /** Said instead of a chart with no points: the caller's words for what there is none of yet. */
  empty: string;
}) {
  // Narrow on purpose: phones scale the chart down, and the labels must stay legible.
  const width = 420;
  const height = 220;
  const pad = { left: 52, right: 12, top: 16, bottom: 36 };
  if (points.length === 0) return <p>{empty}</p>;
  const first = Date.parse(points[0]!.day);
  const last = Date.parse(points.at(-1)!.day);
  const span = Math.max(last - first, 86_400_000);
  const top = Math.max(...points.map((p) => p.value), 1);
  const x = (day: string) => pad.left + ((Date.parse(day) - first) / span) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - v / top) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.day).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const area = `${path} L${x(points.at(-1)!.day).toFixed(1)},${y(0)} L${x(points[0]!.day).toFixed(1)},${y(0)} Z`;
  const fmt = formatCalendarDayShort;
  const summary = t.lineSummary(
    title,
    { value: formatFigure(points[0]!.value), day: fmt(points[0]!.day) },
    { value: formatFigure(points.at(-1)!.value), day: fmt(points.at(-1)!.day) },
  );
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="chart__svg">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={pad.left} x2={width - pad.right} y1={y(top * f)} y2={y(top * f)} className="chart__grid" />
            <text x={pad.left - 6} y={y(top * f) + 4} textAnchor="end" className="chart__label">
              {formatFigure(Math.round(top * f))}
            </text>
          </g>
        ))}
        <path d={area} className="chart__area" />
        <path d={path} className="chart__line" />
        <text x={pad.left} y={height - 10} className="chart__label">
          {fmt(points[0]!.day)}
        </text>
        <text x={width - pad.right} y={height - 10} textAnchor="end" className="chart__label">
          {fmt(points.at(-1)!.day)}
        </text>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
