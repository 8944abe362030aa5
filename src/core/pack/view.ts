import { ageOrder } from '../dashboard/labels.ts';
import { headlinesOf, type HeadlineGroup } from '../dashboard/headlines.ts';
import type { UnusualDay } from '../figures/unusual.ts';
import type { Figure, FigureContext, FigureSet } from '../figures/types.ts';
import { byDimension, byGroup, comparisonTable, figureFor, searchesByMonth, type Column, type FigureKey } from './table.ts';
import type { MonthlyPack, PackAppendix, PackSubject, SuggestedQuestion } from './types.ts';
import { forceAreaName } from './wording.ts';

/**
 * A figure as the pack page needs it: without the method and sources every figure repeats (the
 * appendix gives them once), so the page and its hydration data stay small.
 */
export type PackFigure = Omit<Figure, 'method' | 'sources' | 'area' | 'period'>;

export interface GroupRow {
  group: string;
  searches: PackFigure | null;
  rate: PackFigure | null;
  ratio: PackFigure | null;
  forceAreaRate: PackFigure | null;
}

export interface OutcomeRow {
  group: string | null;
  arrest: PackFigure | null;
  nfa: PackFigure | null;
  find: PackFigure | null;
}

export interface PackView {
  subject: PackSubject;
  grouping: MonthlyPack['grouping'];
  ethnicity: MonthlyPack['ethnicity'];
  force: string;
  forceAreaName: string;
  context: Omit<FigureContext, 'sources'>;
  headlines: HeadlineGroup[];
  questions: Array<Omit<SuggestedQuestion, 'figures'> & { figures: PackFigure[] }>;
  table: { columns: Column[]; rows: Array<{ key: FigureKey; label: string; cells: Array<PackFigure | null> }> };
  trend: Array<{ month: string; searches: number | null }>;
  groups: GroupRow[];
  outcomes: OutcomeRow[];
  powers: PackFigure[];
  objects: PackFigure[];
  ages: PackFigure[];
  types: PackFigure[];
  strip: PackFigure[];
  under18: PackFigure | null;
  s60: PackFigure | null;
  concentration: PackFigure[];
  unusualDays: UnusualDay[];
  appendix: PackAppendix;
}

export function slim(f: Figure): PackFigure;
export function slim(f: Figure | null | undefined): PackFigure | null;
export function slim(f: Figure | null | undefined): PackFigure | null {
  if (!f) return null;
  const { method: _m, sources: _s, area: _a, period: _p, ...rest } = f;
  return rest;
}

const groupOrder = ['asian', 'black', 'mixed', 'other', 'white'];

/** Everything the pack page shows, computed once on the server and small enough to hydrate. */
export function packView(pack: MonthlyPack): PackView {
  const { current } = pack;
  const ethnic = (metric: Figure['metric'], g: string, set: FigureSet | null = current) =>
    set ? slim(figureFor(set, { metric, dimension: 'ethnicity', value: g })) : null;
  const one = (metric: Figure['metric']) => slim(figureFor(current, { metric }));
  const table = comparisonTable(pack);
  const { sources: _sources, ...context } = current.context;
  return {
    subject: pack.subject,
    grouping: pack.grouping,
    ethnicity: pack.ethnicity,
    force: pack.force,
    forceAreaName: forceAreaName(pack.force),
    context,
    headlines: headlinesOf(current),
    questions: pack.questions.map((q) => ({ ...q, figures: q.figures.map((f) => slim(f)) })),
    table: { columns: table.columns, rows: table.rows.map((r) => ({ ...r, cells: r.cells.map((c) => slim(c)) })) },
    trend: searchesByMonth(pack),
    groups: groupOrder.map((g) => ({
      group: g,
      searches: ethnic('share', g),
      rate: ethnic('rate_per_1000', g),
      ratio: ethnic('rate_ratio_vs_white', g),
      forceAreaRate: ethnic('rate_per_1000', g, pack.forceArea)
    })),
    outcomes: [
      { group: null, arrest: one('arrest_rate'), nfa: one('nfa_share'), find: one('find_rate') },
      ...groupOrder.map((g) => ({ group: g, arrest: ethnic('arrest_rate', g), nfa: ethnic('nfa_share', g), find: ethnic('find_rate', g) }))
    ],
    powers: byDimension(current, 'power_mix', 'legislation').map((f) => slim(f)),
    objects: byDimension(current, 'object_mix', 'object').map((f) => slim(f)),
    ages: byDimension(current, 'share', 'age_range')
      .sort((a, b) => ageOrder.indexOf(a.group?.value ?? '') - ageOrder.indexOf(b.group?.value ?? ''))
      .map((f) => slim(f)),
    types: byDimension(current, 'searches', 'type').map((f) => slim(f)),
    strip: [one('strip_search_share'), ...byGroup(current, 'strip_search_share').map((f) => slim(f))].filter((f): f is PackFigure => f !== null),
    under18: one('under_18_share'),
    s60: one('s60_count'),
    concentration: byDimension(current, 'concentration', 'area_level').map((f) => slim(f)),
    unusualDays: pack.unusualDays,
    appendix: pack.appendix
  };
}
