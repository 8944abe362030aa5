import * as Plot from '@observablehq/plot';
import { renderBoth, WIDE, type ChartSvg } from './plot.ts';

/**
 * The dashboard's chart types, as functions of plain rows. Every chart is drawn at two widths
 * (renderBoth) and carries an accessible name; the data table beside it is the full text
 * alternative (ChartFigure.svelte).
 */

export const colours = {
  ink: '#0b0c0c',
  muted: '#505a5f',
  main: '#1d4f91',
  compare: '#a84300',
  band: '#dbe7f5',
  gap: '#e6e6e6'
};

/** A text size the charts are laid out for (ChartFigure.svelte sets it on `.plot`). */
const CHAR = 7;

export type ValueFormat = 'percent' | 'rate' | 'ratio' | 'count';

export function formatFor(format: ValueFormat): (v: number) => string {
  if (format === 'percent') return (v) => `${(v * 100).toFixed(1)}%`;
  if (format === 'count') return (v) => new Intl.NumberFormat('en-GB').format(v);
  return (v) => (v > 0 && v < (format === 'ratio' ? 0.1 : 1) ? v.toFixed(2) : v.toFixed(1));
}

// ---------------------------------------------------------------------------------------------
// Monthly trend

export interface TrendDatum {
  /** YYYY-MM */
  month: string;
  /** null: no data loaded for the month, drawn as a gap (never as zero). */
  value: number | null;
  /** Months of the period the page is about, shaded. */
  highlight?: boolean;
}

const monthStart = (m: string) => new Date(`${m}-01T00:00:00Z`);
const nextMonth = (m: string) => {
  const d = monthStart(m);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};
const midMonth = (m: string) => new Date((monthStart(m).getTime() + nextMonth(m).getTime()) / 2);

/** Searches per month as a line with dots; the period shown is shaded, months without data are grey bands marked "no data". */
export function trendChart(points: TrendDatum[], opts: { label: string; yLabel?: string }): ChartSvg {
  const data = points.map((p) => ({ ...p, start: monthStart(p.month), end: nextMonth(p.month), mid: midMonth(p.month) }));
  const top = Math.max(1, ...points.map((p) => p.value ?? 0)) * 1.1;
  const gaps = gapRuns(points);
  const fmt = formatFor('count');
  return renderBoth(
    (width) => ({
      width,
      height: width === WIDE ? 260 : 220,
      marginLeft: Math.max(36, String(Math.round(top)).length * CHAR + 16),
      marginRight: 12,
      x: { type: 'utc', label: null, ticks: width === WIDE ? 8 : 4 },
      y: { label: opts.yLabel ?? 'Searches', grid: true, domain: [0, top], tickFormat: fmt, ticks: width === WIDE ? 6 : 4 },
      marks: [
        Plot.rectY(data.filter((d) => d.highlight), { x1: 'start', x2: 'end', y1: 0, y2: top, fill: colours.band }),
        Plot.rectY(gaps, { x1: 'start', x2: 'end', y1: 0, y2: top, fill: colours.gap }),
        // One label a run of missing months: across a wide run, upright in a single month.
        Plot.text(gaps.filter((g) => g.months >= 4), { x: 'mid', y: top / 2, text: () => 'no data loaded', fill: colours.muted }),
        Plot.text(gaps.filter((g) => g.months < 4), { x: 'mid', y: top / 2, text: () => 'no data', rotate: -90, fill: colours.muted }),
        Plot.ruleY([0], { stroke: colours.ink }),
        Plot.lineY(data, { x: 'mid', y: 'value', stroke: colours.main, strokeWidth: 2 }),
        Plot.dot(data.filter((d) => d.value !== null), { x: 'mid', y: 'value', fill: colours.main, r: width === WIDE ? 3 : 2.5 })
      ]
    }),
    opts.label
  );
}

/** Runs of consecutive months without data, as date ranges. */
function gapRuns(points: TrendDatum[]): Array<{ start: Date; end: Date; mid: Date; months: number }> {
  const runs: Array<{ start: Date; end: Date; mid: Date; months: number }> = [];
  let open: (typeof runs)[number] | null = null;
  for (const p of points) {
    if (p.value !== null) {
      open = null;
      continue;
    }
    if (open) {
      open.end = nextMonth(p.month);
      open.months++;
    } else runs.push((open = { start: monthStart(p.month), end: nextMonth(p.month), mid: monthStart(p.month), months: 1 }));
  }
  for (const r of runs) r.mid = new Date((r.start.getTime() + r.end.getTime()) / 2);
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Values with their 95% intervals, one row per category

export interface IntervalDatum {
  label: string;
  /** null: not shown; `note` says why ("too few to say", "not recorded"). */
  value: number | null;
  low?: number | null;
  high?: number | null;
  note?: string;
  /** A value to compare with (London), drawn as a tick. */
  compare?: number | null;
}

export interface IntervalOptions {
  label: string;
  format: ValueFormat;
  /** Axis title, e.g. "Searches per 1,000 residents". */
  axis: string;
  /** "bar" for shares of a whole, "dot" for rates and ratios. */
  mark?: 'bar' | 'dot';
  /** A reference line, e.g. 1 for a rate ratio. */
  reference?: number;
}

/** Horizontal bars or dots with 95% interval whiskers; the value is written at the end of each row. */
export function intervalChart(rows: IntervalDatum[], opts: IntervalOptions): ChartSvg {
  const fmt = formatFor(opts.format);
  const shown = rows.filter((r) => r.value !== null);
  const withCi = shown.filter((r) => r.low != null && r.high != null);
  const top = Math.max(opts.reference ?? 0, ...shown.map((r) => Math.max(r.value ?? 0, r.high ?? 0, r.compare ?? 0)), ...rows.map((r) => r.compare ?? 0));
  const domainTop = top > 0 ? top * 1.02 : 1;
  const longest = Math.max(...rows.map((r) => r.label.length), 4);
  return renderBoth((width) => {
    const marginLeft = Math.min(longest * CHAR + 12, Math.round(width * 0.42));
    const maxChars = Math.floor((marginLeft - 12) / CHAR + 1e-9);
    const valueText = (r: IntervalDatum) => fmt(r.value as number);
    return {
      width,
      height: rows.length * 32 + 48,
      marginLeft,
      marginRight: Math.max(...shown.map((r) => valueText(r).length), 4) * CHAR + 14,
      marginTop: 10,
      x: { label: opts.axis, domain: [0, domainTop], grid: true, ticks: width === WIDE ? 6 : 3, labelAnchor: 'left', ...(opts.format === 'percent' ? { tickFormat: (v: number) => `${Math.round(v * 1000) / 10}%` } : {}) },
      y: { domain: rows.map((r) => r.label), label: null, tickFormat: (l: string) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l), tickSize: 0 },
      marks: [
        opts.mark === 'bar' ? Plot.barX(shown, { x: 'value', y: 'label', fill: colours.band, stroke: colours.main, insetTop: 5, insetBottom: 5 }) : null,
        opts.reference !== undefined ? Plot.ruleX([opts.reference], { stroke: colours.muted, strokeDasharray: '4,3' }) : null,
        Plot.ruleX([0], { stroke: colours.ink }),
        Plot.link(withCi, { x1: 'low', x2: 'high', y1: 'label', y2: 'label', stroke: colours.ink, strokeWidth: 1.5 }),
        Plot.tickX(withCi, { x: 'low', y: 'label', stroke: colours.ink, insetTop: 9, insetBottom: 9 }),
        Plot.tickX(withCi, { x: 'high', y: 'label', stroke: colours.ink, insetTop: 9, insetBottom: 9 }),
        opts.mark === 'bar' ? null : Plot.dot(shown, { x: 'value', y: 'label', fill: colours.main, r: 4.5 }),
        Plot.tickX(rows.filter((r) => r.compare != null), { x: 'compare', y: 'label', stroke: colours.compare, strokeWidth: 3, insetTop: 4, insetBottom: 4 }),
        Plot.text(shown, { x: domainTop, y: 'label', text: valueText, textAnchor: 'start', dx: 8, fill: colours.ink }),
        Plot.text(rows.filter((r) => r.value === null), { x: 0, y: 'label', text: (r: IntervalDatum) => r.note ?? 'not shown', textAnchor: 'start', dx: 6, fill: colours.muted })
      ]
    };
  }, opts.label);
}
