import { formatFigure } from "~/utils/numbers";
/**
 * A horizontal bar chart in SVG. The numbers are always also in a table nearby; the chart is a
 * picture of them, described for screen readers by its label.
 */
export function BarChart({
  title,
  bars,
  max,
  marker,
}: {
  title: string;
  bars: { label: string; value: number; highlight?: boolean }[];
  max?: number;
  marker?: { value: number; label: string };
}) {
  const top = Math.max(max ?? 0, marker?.value ?? 0, ...bars.map((b) => b.value), 1);
  // Each label sits above its bar, so long names need no room beside it and the chart stays
  // legible when a phone scales it down.
  const rowHeight = 46;
  const width = 420;
  const left = 4;
  const chartWidth = width - left - 90;
  const height = bars.length * rowHeight + (marker ? 22 : 6);
  const describe = bars.map((b) => `${b.label} ${formatFigure(b.value)}`).join(", ");
  const markerX = marker ? left + (marker.value / top) * chartWidth : 0;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${describe}`} className="chart__svg">
        {bars.map((b, i) => {
          const y = i * rowHeight;
          const w = (b.value / top) * chartWidth;
          return (
            <g key={b.label}>
              <text x={left} y={y + 16} className="chart__label">
                {b.label}
              </text>
              <rect x={left} y={y + 22} width={Math.max(w, 1)} height={18} className={b.highlight ? "chart__bar chart__bar--highlight" : "chart__bar"} />
              <text x={left + w + 6} y={y + 36} className="chart__value">
                {formatFigure(b.value)}
              </text>
            </g>
          );
        })}
        {marker ? (
          <g>
            <line x1={markerX} x2={markerX} y1={18} y2={height - 18} className="chart__marker" />
            <text x={markerX} y={height - 4} textAnchor="middle" className="chart__marker-label">
              {marker.label}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
