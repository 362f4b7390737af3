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
  const rowHeight = 34;
  const labelWidth = 190;
  const width = 640;
  // Room on the right for the longest value label (five decimals).
  const chartWidth = width - labelWidth - 100;
  const height = bars.length * rowHeight + 24;
  const describe = bars.map((b) => `${b.label} ${formatNumber(b.value)}`).join(", ");
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${describe}`} className="chart__svg">
        {bars.map((b, i) => {
          const y = i * rowHeight + 4;
          const w = (b.value / top) * chartWidth;
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + 20} textAnchor="end" className="chart__label">
                {truncate(b.label, 24)}
              </text>
              <rect x={labelWidth} y={y + 4} width={Math.max(w, 1)} height={rowHeight - 10} className={b.highlight ? "chart__bar chart__bar--highlight" : "chart__bar"} />
              <text x={labelWidth + w + 6} y={y + 20} className="chart__value">
                {formatNumber(b.value)}
              </text>
            </g>
          );
        })}
        {marker ? (
          <g>
            <line
              x1={labelWidth + (marker.value / top) * chartWidth}
              x2={labelWidth + (marker.value / top) * chartWidth}
              y1={0}
              y2={height - 18}
              className="chart__marker"
            />
            <text x={labelWidth + (marker.value / top) * chartWidth} y={height - 4} textAnchor="middle" className="chart__marker-label">
              {marker.label}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

function truncate(text: string, n: number) {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en-GB") : value.toLocaleString("en-GB", { maximumFractionDigits: 5 });
}
