import type { RankedCountReport } from "~/modules/ballots";
import { formatFigure } from "~/utils/numbers";
import { stageChartText } from "~/modules/polls/results-messages";

/** One candidate's path through a ranked count. */
export interface StageSeries {
  readonly candidate: string;
  /** Total at the end of each stage (index 0 = stage 1); 0 from the stage of exclusion on. */
  readonly votes: readonly number[];
  /** Stage number at which the candidate was elected, if they were. */
  readonly electedAt: number | null;
  /** Stage number at which the candidate was excluded, if they were. */
  readonly excludedAt: number | null;
}

/**
 * Each candidate's total at the end of every stage, in ballot-file order. Withdrawn candidates
 * are left out: they were never in the count.
 */
export function stageSeries(report: RankedCountReport): StageSeries[] {
  const withdrawn = new Set(report.withdrawn);
  return report.candidates
    .filter((name) => !withdrawn.has(name))
    .map((candidate) => {
      let electedAt: number | null = null;
      let excludedAt: number | null = null;
      const votes = report.stages.map((stage) => {
        if (electedAt === null && stage.elected.some((e) => e.candidate === candidate)) electedAt = stage.stage;
        if (excludedAt === null && stage.excluded.includes(candidate)) excludedAt = stage.stage;
        if (excludedAt !== null) return 0;
        return stage.totals.find((t) => t.candidate === candidate)?.votes ?? 0;
      });
      return { candidate, votes, electedAt, excludedAt };
    });
}

/** Dark enough for white letters on them (at least 5:1) and for lines on white (WCAG 1.4.11). */
const COLOURS = ["#1d70b8", "#b52c17", "#00703c", "#4c2c92", "#8a4b00", "#a8175e", "#00665e", "#505a5f"];

/** The letter that stands for a candidate on the chart and in its legend. */
export function seriesKey(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

const RADIUS = 11;
/** Centre to centre, for markers spread side by side. */
const SPREAD = 2 * RADIUS + 1;

/**
 * A line for each candidate over the stages of a ranked count, with the quota (or, for IRV, the
 * majority needed at each stage) as a dashed line. Each marker carries the candidate's letter,
 * so the chart never relies on colour; the legend below gives the names. The numbers themselves
 * are in the stage-by-stage table nearby.
 */
export function StageChart({ report }: { report: RankedCountReport }) {
  const series = stageSeries(report);
  const stageCount = report.stages.length;
  if (stageCount === 0 || series.length === 0) return null;

  const width = 420;
  const pad = { left: 48, right: 16, top: 16, bottom: 48 };
  // Taller with more candidates, so their markers have room.
  const plotHeight = Math.max(206, series.length * 28);
  const height = plotHeight + pad.top + pad.bottom;
  const plotWidth = width - pad.left - pad.right;
  const thresholds = report.quota === null ? report.stages.map((s) => s.majorityThreshold ?? null) : [];
  const hasThresholds = thresholds.some((t) => t !== null);
  const top = niceCeil(Math.max(report.quota ?? 0, ...thresholds.map((t) => t ?? 0), ...series.flatMap((s) => s.votes)) * 1.05);
  const inset = RADIUS + 8;
  const x = (stageIndex: number) =>
    stageCount === 1 ? pad.left + plotWidth / 2 : pad.left + inset + (stageIndex / (stageCount - 1)) * (plotWidth - 2 * inset);
  const y = (votes: number) => pad.top + (1 - votes / top) * plotHeight;

  // A candidate is drawn up to the stage they were excluded at (where they fall to zero).
  const lastDrawn = series.map((s) => (s.excludedAt === null ? stageCount - 1 : s.excludedAt - 1));
  // Markers that would cover one another at a stage are moved sideways, nearest free place first,
  // so every letter shows; the others stay on their stage.
  const points = series.map((s) => s.votes.map((v, i) => ({ x: x(i), y: y(v) })));
  for (let stage = 0; stage < stageCount; stage += 1) {
    const placed: { x: number; y: number }[] = [];
    series.forEach((_, i) => {
      if (stage > lastDrawn[i]!) return;
      const point = points[i]![stage]!;
      const centre = point.x;
      for (let k = 0; k <= 2 * series.length; k += 1) {
        const candidateX = centre + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * SPREAD;
        if (candidateX < pad.left + RADIUS || candidateX > width - RADIUS - 1) continue;
        if (placed.every((p) => Math.hypot(p.x - candidateX, p.y - point.y) >= 2 * RADIUS - 3)) {
          point.x = candidateX;
          break;
        }
      }
      placed.push(point);
    });
  }

  // Gridlines, leaving out any that would crowd the quota's own label on the axis.
  const ticks = [0, top / 2, top].filter((t) => report.quota === null || t === 0 || Math.abs(y(t) - y(report.quota)) > 40);
  const lastStage = report.stages.at(-1)!.stage;
  const summary = series
    .map((s) => {
      const first = stageChartText.firstStage(s.candidate, formatFigure(s.votes[0] ?? 0));
      if (s.excludedAt !== null) return `${first}${stageChartText.excludedAt(s.excludedAt)}`;
      const end = stageCount > 1 ? stageChartText.lastStage(formatFigure(s.votes.at(-1) ?? 0), lastStage) : "";
      return `${first}${end}${s.electedAt !== null ? stageChartText.electedAt(s.electedAt) : ""}`;
    })
    .join(stageChartText.candidateSeparator);
  const label = stageChartText.label(stageCount, report.quota !== null ? formatFigure(report.quota) : null, summary);

  return (
    <figure className="chart stage-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="chart__svg">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} className={t === 0 ? "stage-chart__axis" : "chart__grid"} />
            <text x={pad.left - 6} y={y(t) + 5} textAnchor="end" className="chart__label">
              {formatFigure(Math.round(t * 100) / 100)}
            </text>
          </g>
        ))}
        {report.stages.map((s, i) => (
          <text key={s.stage} x={x(i)} y={height - 26} textAnchor="middle" className="chart__label">
            {s.stage}
          </text>
        ))}
        <text x={pad.left + plotWidth / 2} y={height - 4} textAnchor="middle" className="chart__label">
          {stageChartText.axis}
        </text>
        {report.quota !== null ? (
          <g>
            <text x={pad.left - 6} y={y(report.quota) - 10} textAnchor="end" className="stage-chart__small">
              {stageChartText.quota}
            </text>
            <text x={pad.left - 6} y={y(report.quota) + 7} textAnchor="end" className="chart__label">
              {formatFigure(report.quota)}
            </text>
          </g>
        ) : null}
        {series.map((s, i) => (
          <path
            key={s.candidate}
            d={points[i]!.slice(0, lastDrawn[i]! + 1)
              .map((p, k) => `${k === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
              .join(" ")}
            fill="none"
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth={3}
            strokeDasharray={i >= COLOURS.length ? "8 4" : undefined}
            strokeLinejoin="round"
          />
        ))}
        {/* Over the candidates' lines, so it shows where an elected candidate sits on it; under the markers. */}
        {report.quota !== null ? <line x1={pad.left} x2={width - pad.right} y1={y(report.quota)} y2={y(report.quota)} className="stage-chart__quota" /> : null}
        {hasThresholds ? (
          <path
            d={thresholds
              .map((t, i) => (t === null ? "" : `${i === 0 || thresholds[i - 1] === null ? "M" : "L"}${x(i).toFixed(1)},${y(t).toFixed(1)}`))
              .join(" ")}
            className="stage-chart__quota"
          />
        ) : null}
        {series.map((s, i) =>
          points[i]!.slice(0, lastDrawn[i]! + 1).map((p, k) => (
            <Marker key={`${s.candidate}-${k}`} cx={p.x} cy={p.y} colour={COLOURS[i % COLOURS.length]!} letter={seriesKey(i)} />
          )),
        )}
      </svg>
      <ul className="chart-legend">
        {series.map((s, i) => (
          <li key={s.candidate} className="chart-legend__item">
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" className="chart-legend__key">
              <Marker cx={12} cy={12} colour={COLOURS[i % COLOURS.length]!} letter={seriesKey(i)} />
            </svg>
            <span>
              {s.candidate}
              {s.electedAt !== null ? <span className="chart-legend__note">{stageChartText.legendElected(s.electedAt)}</span> : null}
              {s.excludedAt !== null ? <span className="chart-legend__note">{stageChartText.legendExcluded(s.excludedAt)}</span> : null}
            </span>
          </li>
        ))}
        {report.quota !== null || hasThresholds ? (
          <li className="chart-legend__item">
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" className="chart-legend__key">
              <line x1={1} x2={23} y1={12} y2={12} className="stage-chart__quota" />
            </svg>
            <span>{report.quota !== null ? stageChartText.legendQuota(formatFigure(report.quota)) : stageChartText.legendMajority}</span>
          </li>
        ) : null}
      </ul>
      <figcaption>{stageChartText.caption}</figcaption>
    </figure>
  );
}

function Marker({ cx, cy, colour, letter }: { cx: number; cy: number; colour: string; letter: string }) {
  return (
    <g>
      <circle cx={cx} cy={cy} r={RADIUS} fill={colour} stroke="#fff" strokeWidth={1.5} />
      <text x={cx} y={cy} dy="0.35em" textAnchor="middle" className="stage-chart__letter">
        {letter}
      </text>
    </g>
  );
}
