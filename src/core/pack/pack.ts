import { resolveBorough } from '../dashboard/boroughs.ts';
import { NotFound } from '../errors.ts';
import { computeFigures, loadedMonths, type FigureRequest } from '../figures/compute.ts';
import { LOW_BELOW, SUPPRESS_BELOW } from '../figures/flags.ts';
import { monthEnd } from '../figures/period.ts';
import type { Figure, FigureSet } from '../figures/types.ts';
import { BASELINE_DAYS, findUnusualDays, MIN_BASELINE_DAYS, MIN_COUNT, P_THRESHOLD } from '../figures/unusual.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { definitions, intervals } from './methods.ts';
import { suggestQuestions } from './questions.ts';
import { packSources } from './sources.ts';
import type { EarlierMonth, MonthlyPack, PackCoverage, PackRequest, PackSubject } from './types.ts';
import { monthName, monthSpan } from './wording.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month `n` months after (or before, for negative n) a YYYY-MM month. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/**
 * Checks that a pack can exist, cheaply (from remembered lists): the month is a month, the borough
 * is one of the boundaries in use, and some force's records are loaded for the month. Anything else
 * is a NotFound whose message says what there is instead.
 */
export async function packSubject(wh: Warehouse, req: Pick<PackRequest, 'borough' | 'month'>): Promise<PackSubject> {
  if (!MONTH.test(req.month)) throw new NotFound(`"${req.month}" is not a month: packs are addressed by month as YYYY-MM, for example 2023-07.`, { month: req.month });
  const borough = await resolveBorough(wh, req.borough);
  const months = await policeMonths(wh);
  if (!months.includes(req.month)) {
    const range = months.length ? ` Loaded months run from ${monthName(months[0])} to ${monthName(months[months.length - 1])}, with gaps listed on the home page.` : ' No stop-and-search records are loaded yet.';
    throw new NotFound(`There is no data pack for ${borough.name} for ${monthName(req.month)}: no stop-and-search records are loaded for that month.${range}`, {
      borough: borough.slug,
      month: req.month
    });
  }
  const { slug, ...area } = borough;
  return { borough: area, slug, month: req.month, period: { from: `${req.month}-01`, to: monthEnd(req.month) } };
}

/** Months with any force's stop-and-search records loaded (remembered until the next import). */
function policeMonths(wh: Warehouse): Promise<string[]> {
  return wh.memo('pack:police-months', async () =>
    (await wh.query<{ month: string }>(`SELECT DISTINCT month FROM sources WHERE status = 'current' AND force IS NOT NULL AND month IS NOT NULL ORDER BY month`)).map((r) => r.month)
  );
}

/**
 * The monthly data pack of a borough: the month's figures against the three months before and the
 * same month a year before (each null when not loaded: never shown as zero), the force area's
 * figures (London for the Metropolitan Police), the unusual days of the borough and its wards,
 * suggested questions, and the methods and sources appendix. Public data: no access check.
 */
export async function monthlyPack(wh: Warehouse, req: PackRequest): Promise<MonthlyPack> {
  const subject = await packSubject(wh, req);
  const grouping = req.grouping ?? 'census2021';
  const ethnicity = req.ethnicity ?? 'self_defined_ethnicity';
  const figuresOf = (area: string, month: string): Promise<FigureSet> => computeFigures(wh, { area, from: month, grouping, ethnicity } satisfies FigureRequest);

  const current = await figuresOf(subject.borough.code, subject.month);
  const force = current.context.force;
  if (!force || current.context.missingMonths.length > 0)
    throw new NotFound(`There is no data pack for ${subject.borough.name} for ${monthName(subject.month)}: its police force's records for that month are not loaded.`, {
      borough: subject.slug,
      month: subject.month
    });
  const loaded = await loadedMonths(wh, force);
  const wanted: Array<Pick<EarlierMonth, 'month' | 'role'>> = [
    { month: shiftMonth(subject.month, -1), role: 'previous' },
    { month: shiftMonth(subject.month, -2), role: 'previous' },
    { month: shiftMonth(subject.month, -3), role: 'previous' },
    { month: shiftMonth(subject.month, -12), role: 'year_before' }
  ];
  const earlier: EarlierMonth[] = [];
  for (const e of wanted) earlier.push({ ...e, set: loaded.has(e.month) ? await figuresOf(subject.borough.code, e.month) : null });
  const forceArea = await figuresOf(force, subject.month).catch((err) => {
    if (err instanceof NotFound) return null;
    throw err;
  });
  const unusual = await findUnusualDays(wh, { area: subject.borough.code, from: subject.month });
  const unusualDays = unusual.days.sort((a, b) => a.date.localeCompare(b.date) || (a.area.level === b.area.level ? b.count - a.count : a.area.level === 'borough' ? -1 : 1));
  const shownMonths = [subject.month, ...earlier.filter((e) => e.set).map((e) => e.month)];

  return {
    subject,
    grouping,
    ethnicity,
    force,
    current,
    earlier,
    forceArea,
    unusualDays,
    questions: suggestQuestions({ borough: subject.borough, month: subject.month, current, earlier, unusualDays }),
    appendix: {
      definitions,
      intervals,
      suppression: { suppressBelow: SUPPRESS_BELOW, lowBelow: LOW_BELOW },
      unusual: { baselineDays: BASELINE_DAYS, pThreshold: P_THRESHOLD, minCount: MIN_COUNT, minBaselineDays: MIN_BASELINE_DAYS },
      coverage: coverageOf(current, earlier),
      sources: await packSources(wh, force, shownMonths)
    }
  };
}

const first = (set: FigureSet, pick: (f: Figure) => boolean) => set.figures.find(pick);

function coverageOf(current: FigureSet, earlier: EarlierMonth[]): PackCoverage {
  const { context } = current;
  const ethnicityFigure = first(current, (f) => f.metric === 'rate_ratio_vs_white' || (f.metric === 'share' && f.group?.dimension === context.ethnicity));
  const outcome = first(current, (f) => f.metric === 'arrest_rate' && f.group === null);
  const strip = first(current, (f) => f.metric === 'strip_search_share' && f.group === null);
  const found = first(current, (f) => f.metric === 'find_rate' && f.group === null);
  return {
    force: context.force ?? '',
    forceRecords: context.placement.forceRecords,
    unlocated: context.placement.unlocated,
    locatedOutsideAreas: context.placement.locatedOutsideAreas,
    ethnicityKnown: ethnicityFigure?.coverage ?? null,
    outcomeKnown: outcome?.coverage ?? null,
    stripSearchRecorded: !!strip && !strip.flags.includes('not_recorded'),
    findRecorded: !!found && !found.flags.includes('not_recorded'),
    missingMonths: earlier.filter((e) => !e.set).map((e) => e.month),
    thinMonths: [current, ...earlier.flatMap((e) => (e.set ? [e.set] : []))].flatMap((s) => s.context.thinMonths)
  };
}

/** "April to June 2023" for the three months before a month. */
export const previousSpan = (month: string) => monthSpan(shiftMonth(month, -3), shiftMonth(month, -1));
