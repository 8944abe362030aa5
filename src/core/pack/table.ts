import type { Grouping } from '../police-data/ethnicity.ts';
import type { Figure, FigureSet, MetricId } from '../figures/types.ts';
import type { MonthlyPack } from './types.ts';
import * as w from './wording.ts';

/** Which figure a row shows: a metric, and for grouped metrics the group's value. */
export interface FigureKey {
  metric: MetricId;
  /** 'ethnicity' stands for the pack's chosen ethnicity dimension. */
  dimension?: 'ethnicity' | 'legislation' | 'object' | 'age_range' | 'outcome' | 'type';
  value?: string;
}

export interface Column {
  label: string;
  /** YYYY-MM for a month of the borough; null for the force area. */
  month: string | null;
  kind: 'current' | 'previous' | 'year_before' | 'force_area';
  /** False when the month's records are not loaded. */
  loaded: boolean;
}

export interface Row {
  key: FigureKey;
  label: string;
  /** One cell a column: the figure, or null when the column's month is not loaded (never zero). */
  cells: Array<Figure | null>;
}

export interface ComparisonTable {
  columns: Column[];
  rows: Row[];
}

/** Finds the one figure a key names in a set (undefined when the set has none, e.g. no population). */
export function figureFor(set: FigureSet, key: FigureKey): Figure | undefined {
  const dimension = key.dimension === 'ethnicity' ? set.context.ethnicity : key.dimension;
  return set.figures.find(
    (f) => f.metric === key.metric && (key.dimension === undefined ? f.group === null : f.group?.dimension === dimension && f.group?.value === key.value)
  );
}

const ethnicGroups = ['asian', 'black', 'mixed', 'other', 'white'];

/** The rows of the comparison table, in the order a panel reads them. */
export function comparisonKeys(grouping: Grouping = 'census2021'): Array<{ key: FigureKey; label: string }> {
  return [
    { key: { metric: 'searches' }, label: 'Searches' },
    ...ethnicGroups.map((g) => ({ key: { metric: 'rate_per_1000', dimension: 'ethnicity', value: g } as FigureKey, label: `${w.ethnicGroupName(g, grouping)}: searches per 1,000 residents` })),
    ...ethnicGroups
      .filter((g) => g !== 'white')
      .map((g) => ({ key: { metric: 'rate_ratio_vs_white', dimension: 'ethnicity', value: g } as FigureKey, label: `${w.ethnicGroupName(g, grouping)}: times as often as White` })),
    { key: { metric: 'arrest_rate' }, label: 'Arrest rate' },
    { key: { metric: 'nfa_share' }, label: 'No further action' },
    { key: { metric: 'find_rate' }, label: 'Find rate' },
    { key: { metric: 'strip_search_share' }, label: 'Strip searches (share of person searches)' },
    { key: { metric: 'under_18_share' }, label: 'Under 18' },
    { key: { metric: 'power_mix', dimension: 'legislation', value: 'misuse_of_drugs_s23' }, label: 'Under the Misuse of Drugs Act' },
    { key: { metric: 's60_count' }, label: 'Section 60 searches' }
  ];
}

/** The month against the three before, the same month a year before and the force area. */
export function comparisonTable(pack: MonthlyPack): ComparisonTable {
  const month = (e: MonthlyPack['earlier'][number]) => ({
    column: { label: w.shortMonthName(e.month), month: e.month, kind: e.role, loaded: e.set !== null } as Column,
    set: e.set
  });
  // This month beside the force area's, then back in time: the three months before, a year before.
  const sets: Array<{ column: Column; set: FigureSet | null }> = [
    { column: { label: w.shortMonthName(pack.subject.month), month: pack.subject.month, kind: 'current', loaded: true }, set: pack.current },
    ...(pack.forceArea
      ? [{ column: { label: w.forceAreaName(pack.force), month: null, kind: 'force_area', loaded: true } as Column, set: pack.forceArea }]
      : []),
    ...pack.earlier.filter((e) => e.role === 'previous').map(month),
    ...pack.earlier.filter((e) => e.role === 'year_before').map(month)
  ];
  const rows = comparisonKeys(pack.grouping)
    .map(({ key, label }) => ({ key, label, cells: sets.map(({ set }) => (set ? (figureFor(set, key) ?? null) : null)) }))
    // A row no column has (no population loaded, say) is left out rather than shown empty.
    .filter((r) => r.cells.some((c) => c !== null));
  return { columns: sets.map((s) => s.column), rows };
}

/** Searches a month, oldest first, for the trend chart: null where a month is not loaded. */
export function searchesByMonth(pack: MonthlyPack): Array<{ month: string; searches: number | null }> {
  const months = [
    ...pack.earlier.map((e) => ({ month: e.month, set: e.set })),
    { month: pack.subject.month, set: pack.current as FigureSet | null }
  ].sort((a, b) => a.month.localeCompare(b.month));
  return months.map(({ month, set }) => ({ month, searches: set ? (figureFor(set, { metric: 'searches' })?.numerator ?? 0) : null }));
}

/** Figures of one metric by the pack's ethnicity groups, in a fixed order (no 'unknown'). */
export function byGroup(set: FigureSet, metric: MetricId): Figure[] {
  return ethnicGroups.map((g) => figureFor(set, { metric, dimension: 'ethnicity', value: g })).filter((f): f is Figure => f !== undefined);
}

/** Figures of a grouped metric for one dimension, largest first (shares of powers, objects, …). */
export function byDimension(set: FigureSet, metric: MetricId, dimension: string): Figure[] {
  return set.figures.filter((f) => f.metric === metric && f.group?.dimension === dimension).sort((a, b) => b.numerator - a.numerator);
}
