import type { Figure } from './types.ts';

const percentMetrics = new Set(['share', 'nfa_share', 'arrest_rate', 'formal_outcome_rate', 'find_rate', 'strip_search_share', 'under_18_share', 'power_mix', 'object_mix', 'concentration']);

/** A figure's value as a person reads it: a count, a percentage, a rate or a ratio. */
export function formatValue(f: Figure): string {
  if (f.flags.includes('not_recorded')) return 'not recorded';
  if (f.value === null) return f.flags.includes('suppressed') ? 'too few' : f.flags.includes('no_population') ? 'no population' : 'n/a';
  return formatNumber(f, f.value);
}

function formatNumber(f: Figure, v: number): string {
  if (percentMetrics.has(f.metric)) return `${(v * 100).toFixed(1)}%`;
  if (f.metric === 'searches' || f.metric === 's60_count') return String(v);
  return v.toFixed(2);
}

export function formatInterval(f: Figure): string {
  if (!f.ci95 || f.value === null) return '';
  return `${formatNumber(f, f.ci95[0])} to ${formatNumber(f, f.ci95[1])}`;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const figureCsvColumns = [
  'metric', 'area_code', 'area_name', 'area_level', 'from', 'to', 'group_dimension', 'group_value', 'grouping',
  'numerator', 'denominator', 'value', 'ci95_low', 'ci95_high', 'coverage_known', 'coverage_total', 'flags',
  'difference_vs_white', 'difference_ci95_low', 'difference_ci95_high', 'method'
];

/** Figures as CSV, one row each, for spreadsheets (the same columns in the API and the CLI). */
export function figuresCsv(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.metric, f.area.code, f.area.name, f.area.level, f.period.from, f.period.to, f.group?.dimension, f.group?.value, f.group?.grouping,
    f.numerator, f.denominator, f.value, f.ci95?.[0], f.ci95?.[1], f.coverage?.known, f.coverage?.total, f.flags.join(' '),
    f.comparison?.difference, f.comparison?.ci95?.[0], f.comparison?.ci95?.[1], f.method
  ]);
  return [figureCsvColumns, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** Unusual days as CSV: one row a day, its make-up as JSON in the last column. */
export function unusualCsv(days: Array<{ area: { code: string; name: string; level: string }; date: string; count: number; baseline: number; ratio: number | null; p: number; baselineDays: number; makeup: unknown }>): string {
  const header = ['area_code', 'area_name', 'area_level', 'date', 'count', 'baseline', 'ratio', 'p', 'baseline_days', 'makeup'];
  const rows = days.map((d) => [d.area.code, d.area.name, d.area.level, d.date, d.count, d.baseline, d.ratio, d.p, d.baselineDays, JSON.stringify(d.makeup)]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
