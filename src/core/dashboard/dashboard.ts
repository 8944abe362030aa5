import type { ThinMonth } from '../figures/thin-months.ts';
import { DomainError, NotFound } from '../errors.ts';
import { computeFigures, loadedMonths } from '../figures/compute.ts';
import { findUnusualDays, type UnusualDay } from '../figures/unusual.ts';
import type { Figure, FigureSet, Period } from '../figures/types.ts';
import type { Grouping } from '../police-data/ethnicity.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { latestMonth, resolveBorough, type Borough } from './boroughs.ts';
import { figureOf, headlinesOf, type HeadlineGroup } from './headlines.ts';
import type { Ethnicity } from './labels.ts';
import { boundarySources, type BoundarySource } from './shapes.ts';
import { monthlyTrend, type Trend } from './trend.ts';
import { wardCounts, type WardCounts } from './wards.ts';

export interface BoroughDashboardRequest {
  /** GSS code, slug ("hackney") or name of a borough. */
  borough: string;
  /** YYYY-MM; both left out: the latest loaded month. */
  from?: string;
  to?: string;
  grouping?: Grouping;
  ethnicity?: Ethnicity;
}

/** The view after defaults: what the filter form shows and every link on the page repeats. */
export interface DashboardView {
  from: string;
  to: string;
  grouping: Grouping;
  ethnicity: Ethnicity;
}

export interface Coverage {
  force: string | null;
  /** Records of the force in the period; without a location; located but in no area. */
  forceRecords: number;
  unlocated: number;
  locatedOutsideAreas: number;
  /** Months of the period whose police file is not loaded. */
  missingMonths: string[];
  /** Months of the period with far fewer records than the force's usual month. */
  thinMonths: ThinMonth[];
  /** Searches in the borough with the chosen ethnicity recorded. */
  ethnicity: { known: number; total: number };
  /** Searches in the borough that fell in no ward of the ward boundaries. */
  notInWard: number;
  /** First and last loaded month of the force, for the period chooser. */
  loaded: { first: string; last: string } | null;
}

export interface BoroughDashboard {
  borough: Borough;
  view: DashboardView;
  period: Period;
  figures: FigureSet;
  /** The same figures for the whole Metropolitan Police area; null when its data is not loaded for the period. */
  london: FigureSet | null;
  /** The borough's figures for the period before and the same period a year earlier, where loaded. */
  previous: FigureSet | null;
  lastYear: FigureSet | null;
  headlines: HeadlineGroup[];
  trend: Trend;
  wards: WardCounts;
  unusual: UnusualDay[];
  coverage: Coverage;
  sources: { police: string[]; population: string[]; boundaries: BoundarySource[] };
}

export const LONDON_FORCE = 'metropolitan';

/**
 * Everything the borough dashboard shows, in one object: one figure computation per period and
 * area, one query per chart. Public data: no access check.
 */
export async function boroughDashboard(wh: Warehouse, req: BoroughDashboardRequest): Promise<BoroughDashboard> {
  const borough = await resolveBorough(wh, req.borough);
  const latest = req.from || req.to ? null : await latestMonth(wh, borough);
  if (!req.from && !req.to && !latest) throw new NotFound('No stop-and-search records are loaded yet. Run `scrutineer import` first.', {});
  const view: DashboardView = {
    from: (req.from ?? req.to ?? latest) as string,
    to: (req.to ?? req.from ?? latest) as string,
    grouping: req.grouping ?? 'census2021',
    ethnicity: req.ethnicity ?? 'self_defined_ethnicity'
  };
  const ask = { grouping: view.grouping, ethnicity: view.ethnicity };
  const figures = await computeFigures(wh, { area: borough.code, from: view.from, to: view.to, ...ask });
  const { period, force } = figures.context;
  const earlier = (metric: 'change_vs_previous' | 'change_vs_last_year') => {
    const f = figureOf(figures.figures, metric);
    return f?.comparedWith && !f.flags.includes('no_comparison') ? optional(computeFigures(wh, { area: borough.code, ...f.comparedWith, ...ask })) : Promise.resolve(null);
  };
  const london = await optional(computeFigures(wh, { area: LONDON_FORCE, from: view.from, to: view.to, ...ask }));
  const previous = await earlier('change_vs_previous');
  const lastYear = await earlier('change_vs_last_year');
  const trend = await monthlyTrend(wh, borough, period, force);
  const wards = await wardCounts(wh, borough.code, period);
  const unusual = (await findUnusualDays(wh, { area: borough.code, from: period.from, to: period.to })).days;
  const loaded = force ? [...(await loadedMonths(wh, force))].sort() : [];
  return {
    borough,
    view,
    period,
    figures,
    london,
    previous,
    lastYear,
    headlines: headlinesOf(figures),
    trend,
    wards,
    unusual,
    coverage: {
      force,
      ...figures.context.placement,
      missingMonths: figures.context.missingMonths,
      thinMonths: figures.context.thinMonths,
      ethnicity: ethnicityCoverage(figures.figures),
      notInWard: wards.notInWard,
      loaded: loaded.length ? { first: loaded[0], last: loaded[loaded.length - 1] } : null
    },
    sources: {
      police: figures.context.sources,
      population: [...new Set(figures.figures.filter((f) => f.metric === 'rate_per_1000').flatMap((f) => f.sources.filter((s) => !s.startsWith('data.police.uk'))))],
      boundaries: await boundarySources(wh)
    }
  };
}

/** A comparison that may not exist (no data for London or that period): null rather than an error. */
async function optional(p: Promise<FigureSet>): Promise<FigureSet | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof NotFound) return null;
    if (err instanceof DomainError && err.code === 'invalid') return null;
    throw err;
  }
}

function ethnicityCoverage(figures: Figure[]): { known: number; total: number } {
  const total = figureOf(figures, 'searches')?.numerator ?? 0;
  const shares = figures.filter((f) => f.metric === 'share' && (f.group?.dimension === 'self_defined_ethnicity' || f.group?.dimension === 'officer_defined_ethnicity'));
  return { known: shares[0]?.coverage?.known ?? 0, total };
}
