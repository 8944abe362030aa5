import { katzRateRatio, newcombeDifference, poissonRateRatioExact, rateCI, wilsonCI } from './stats/index.ts';
import { isSuppressed, smallNumberFlags } from './flags.ts';
import type { Cell, ScopeCounts } from './counts.ts';
import type { Population } from './population.ts';
import { WARD_POPULATION_LABEL, type WardPopulation } from './ward-population.ts';
import type { Figure, Flag, GroupDimension, MetricId, Period } from './types.ts';
import type { Scope } from './scope.ts';

type Ci = [number, number] | null;
const ci = (i: readonly [number, number] | null | undefined): Ci => (i ? [i[0], i[1]] : null);

/** The parts every figure of one set shares. */
export interface FigureBase {
  scope: Scope;
  sources: string[];
}

function figure(b: FigureBase, f: Omit<Figure, 'area' | 'period' | 'sources'> & { sources?: string[]; period?: Period }): Figure {
  const suppressed = isSuppressed(f.flags);
  return {
    ...f,
    area: b.scope.area,
    period: f.period ?? b.scope.period,
    value: suppressed ? null : f.value,
    ci95: suppressed ? null : f.ci95,
    sources: f.sources ?? b.sources
  };
}

const groupOf = (b: FigureBase, dimension: GroupDimension, value: string): Figure['group'] => ({
  dimension,
  value,
  grouping: dimension === 'self_defined_ethnicity' ? b.scope.grouping : null
});

/** searches: the count, and by type. Counts are always shown. */
export function searches(b: FigureBase, c: ScopeCounts): Figure[] {
  const one = (n: number, group: Figure['group']): Figure =>
    figure(b, { metric: 'searches', group, numerator: n, denominator: null, value: n, ci95: null, coverage: null, flags: [], method: 'Count of stop-and-search records' });
  return [one(c.all.n, null), ...[...c.by.type].map(([t, cell]) => one(cell.n, groupOf(b, 'type', t)))];
}

/** A proportion with its Wilson interval and small-number flags. */
function proportion(
  b: FigureBase,
  metric: MetricId,
  group: Figure['group'],
  x: number,
  n: number,
  total: number,
  method: string,
  extra: Flag[] = []
): Figure {
  return figure(b, {
    metric,
    group,
    numerator: x,
    denominator: n,
    value: n > 0 ? x / n : null,
    ci95: ci(wilsonCI(x, n)),
    coverage: { known: n, total },
    flags: [...smallNumberFlags(x), ...extra],
    method
  });
}

/** share: each category's part of the records where the field is known. */
export function shares(b: FigureBase, dimension: GroupDimension, cells: Map<string, Cell>, total: number): Figure[] {
  const known = [...cells].filter(([k]) => k !== 'unknown').reduce((s, [, c]) => s + c.n, 0);
  return [...cells]
    .filter(([k]) => k !== 'unknown')
    .sort(([a], [z]) => a.localeCompare(z))
    .map(([k, cell]) => proportion(b, 'share', groupOf(b, dimension, k), cell.n, known, total, `Share of records with ${dimension.replace(/_/g, ' ')} known (Wilson 95% interval)`));
}

/** rate per 1,000 residents by ethnic group, exact Poisson (Garwood) interval. */
export function ratesPer1000(b: FigureBase, c: ScopeCounts, pop: Population): Figure[] {
  return [...pop.byGroup]
    .filter(([g, p]) => g !== 'unknown' && p > 0)
    .map(([g, p]) => {
      const s = c.byGroup.get(g)?.n ?? 0;
      const r = rateCI(s, p, 1000);
      return figure(b, {
        metric: 'rate_per_1000',
        group: groupOf(b, b.scope.ethnicity, g),
        numerator: s,
        denominator: p,
        value: r?.value ?? null,
        ci95: ci(r?.ci),
        coverage: ethnicityCoverage(c),
        flags: smallNumberFlags(s),
        method: `Searches per 1,000 residents of the group (${pop.source}${officerNote(b)}); exact Poisson (Garwood) 95% interval`,
        sources: [...b.sources, pop.source]
      });
    });
}

/**
 * A ward's searches per 1,000 of all its residents (all searches, no ethnic groups: there is no ward
 * ethnicity table), exact Poisson (Garwood) interval. A ward without a population gets the figure
 * with no value, flagged `no_population`, and the reason as its method.
 */
export function wardRatePer1000(b: FigureBase, c: ScopeCounts, wp: WardPopulation): Figure {
  const s = c.all.n;
  const r = wp.persons ? rateCI(s, wp.persons, 1000) : null;
  return figure(b, {
    metric: 'rate_per_1000',
    group: null,
    numerator: s,
    denominator: wp.persons,
    value: r?.value ?? null,
    ci95: ci(r?.ci),
    coverage: null,
    flags: r ? smallNumberFlags(s) : ['no_population'],
    method: r
      ? `Searches per 1,000 residents of the ward (all residents, all searches; ${WARD_POPULATION_LABEL}: the ward's boundary is unchanged since then); exact Poisson (Garwood) 95% interval`
      : (wp.reason ?? 'No population for this ward.'),
    sources: r ? [...b.sources, WARD_POPULATION_LABEL] : b.sources
  });
}

/** Officer-defined groups have no census of their own: the self-defined populations stand in. */
const officerNote = (b: FigureBase) =>
  b.scope.ethnicity === 'officer_defined_ethnicity' ? '; officer-defined groups against Census self-defined populations' : '';

export function ethnicityCoverage(c: ScopeCounts) {
  return { known: c.all.n - (c.byGroup.get('unknown')?.n ?? 0), total: c.all.n };
}

/** rate ratio vs White, Katz log interval as METRICS.md writes it. */
export function rateRatios(b: FigureBase, c: ScopeCounts, pop: Population): Figure[] {
  const sW = c.byGroup.get('white')?.n ?? 0;
  const pW = pop.byGroup.get('white') ?? 0;
  return [...pop.byGroup]
    .filter(([g, p]) => g !== 'unknown' && g !== 'white' && p > 0)
    .map(([g, pG]) => {
      const sG = c.byGroup.get(g)?.n ?? 0;
      const rr = katzRateRatio(sG, pG, sW, pW);
      // The ratio rests on both groups' counts: a small White count makes it as unsure as a small group count.
      const flags = smallNumberFlags(Math.min(sG, sW));
      if (rr && rr.ci === null && rr.value > 0) flags.push('no_comparison');
      return figure(b, {
        metric: 'rate_ratio_vs_white',
        group: groupOf(b, b.scope.ethnicity, g),
        numerator: sG,
        denominator: pG,
        value: rr?.value ?? null,
        ci95: ci(rr?.ci),
        coverage: ethnicityCoverage(c),
        flags,
        method: `Rate ratio of searches per resident vs White, ${pop.source} denominators${officerNote(b)}, Katz log 95% interval`,
        sources: [...b.sources, pop.source]
      });
    });
}

const formal = (outcomes: Map<string, number>) => [...outcomes].filter(([o]) => o !== 'no_further_action' && o !== 'unknown').reduce((s, [, n]) => s + n, 0);
const knownOutcome = (outcomes: Map<string, number>) => [...outcomes].filter(([o]) => o !== 'unknown').reduce((s, [, n]) => s + n, 0);

const outcomeMetrics: Array<{ metric: MetricId; count: (o: Map<string, number>) => number; what: string }> = [
  { metric: 'nfa_share', count: (o) => o.get('no_further_action') ?? 0, what: 'no further action' },
  { metric: 'arrest_rate', count: (o) => o.get('arrest') ?? 0, what: 'arrest' },
  { metric: 'formal_outcome_rate', count: formal, what: 'an outcome other than no further action' }
];

/** Outcome rates overall and by group, with the difference from White (Newcombe interval). */
export function outcomeRates(b: FigureBase, c: ScopeCounts): Figure[] {
  const overall = new Map([...c.by.outcome].map(([k, cell]) => [k, cell.n]));
  const out: Figure[] = [];
  const white = c.byGroupOutcome.get('white') ?? new Map<string, number>();
  for (const m of outcomeMetrics) {
    const method = `Share of searches with known outcome that ended in ${m.what} (Wilson 95% interval)`;
    out.push(proportion(b, m.metric, null, m.count(overall), knownOutcome(overall), c.all.n, method));
    for (const [g, outcomes] of [...c.byGroupOutcome].filter(([g]) => g !== 'unknown').sort(([a], [z]) => a.localeCompare(z))) {
      const f = proportion(b, m.metric, groupOf(b, b.scope.ethnicity, g), m.count(outcomes), knownOutcome(outcomes), c.byGroup.get(g)?.n ?? 0, method);
      if (g !== 'white') f.comparison = compare(m.count(outcomes), knownOutcome(outcomes), m.count(white), knownOutcome(white), f.flags);
      out.push(f);
    }
  }
  out.push(...findRates(b, c));
  return out;
}

function compare(x1: number, n1: number, x2: number, n2: number, flags: Flag[]): Figure['comparison'] {
  const d = isSuppressed(flags) || x2 < 10 ? null : newcombeDifference(x1, n1, x2, n2);
  return { vs: 'white', difference: d?.value ?? null, ci95: ci(d?.ci) };
}

/** A share whose field the force left blank throughout: "not recorded", never 0%. */
function notRecorded(b: FigureBase, metric: MetricId, group: Figure['group'], total: number, method: string): Figure {
  return figure(b, { metric, group, numerator: 0, denominator: 0, value: null, ci95: null, coverage: { known: 0, total }, flags: ['not_recorded'], method });
}

function findRates(b: FigureBase, c: ScopeCounts): Figure[] {
  const method = '"Outcome linked to object of search" true among records where that field is known (Wilson 95% interval)';
  const white = c.byGroup.get('white');
  const one = (group: Figure['group'], cell: Cell) =>
    cell.linkedKnown === 0
      ? notRecorded(b, 'find_rate', group, cell.n, method)
      : proportion(b, 'find_rate', group, cell.linkedTrue, cell.linkedKnown, cell.n, method);
  return [
    one(null, c.all),
    ...[...c.byGroup]
      .filter(([g]) => g !== 'unknown')
      .map(([g, cell]) => {
        const f = one(groupOf(b, b.scope.ethnicity, g), cell);
        if (g !== 'white' && white && cell.linkedKnown > 0)
          f.comparison = compare(cell.linkedTrue, cell.linkedKnown, white.linkedTrue, white.linkedKnown, f.flags);
        return f;
      })
  ];
}

/** Strip-search share of person searches where the field is recorded; "not recorded", never 0%, where it is not. */
export function stripSearch(b: FigureBase, c: ScopeCounts): Figure[] {
  const method = 'Removal of more than outer clothing among person searches where the force records it (Wilson 95% interval)';
  const one = (group: Figure['group'], cell: Cell) =>
    cell.stripKnown === 0
      ? notRecorded(b, 'strip_search_share', group, cell.n, method)
      : proportion(b, 'strip_search_share', group, cell.stripTrue, cell.stripKnown, cell.n, method);
  return [one(null, c.all), ...[...c.byGroup].filter(([g]) => g !== 'unknown').map(([g, cell]) => one(groupOf(b, b.scope.ethnicity, g), cell))];
}

export function under18(b: FigureBase, c: ScopeCounts): Figure {
  const young = (c.by.age_range.get('under_10')?.n ?? 0) + (c.by.age_range.get('10_17')?.n ?? 0);
  const known = [...c.by.age_range].filter(([k]) => k !== 'unknown').reduce((s, [, cell]) => s + cell.n, 0);
  return proportion(b, 'under_18_share', null, young, known, c.all.n, 'Searches of people aged under 18 among searches with age known (Wilson 95% interval)');
}

const powers = ['pace_s1', 'misuse_of_drugs_s23', 'cjpoa_s60', 'firearms_s47'];

export function powerMix(b: FigureBase, c: ScopeCounts): Figure[] {
  const grouped = new Map<string, number>(powers.map((p) => [p, 0]));
  grouped.set('other', 0);
  for (const [code, cell] of c.by.legislation) {
    if (code === 'unknown') continue;
    const key = powers.includes(code) ? code : 'other';
    grouped.set(key, (grouped.get(key) ?? 0) + cell.n);
  }
  const known = [...grouped.values()].reduce((s, n) => s + n, 0);
  return [...grouped].map(([k, n]) => proportion(b, 'power_mix', groupOf(b, 'legislation', k), n, known, c.all.n, 'Share of searches by power used, among those with legislation recorded (Wilson 95% interval)'));
}

export function objectMix(b: FigureBase, c: ScopeCounts): Figure[] {
  const known = [...c.by.object_of_search].filter(([k]) => k !== 'unknown').reduce((s, [, cell]) => s + cell.n, 0);
  return [...c.by.object_of_search]
    .filter(([k]) => k !== 'unknown')
    .sort(([a], [z]) => a.localeCompare(z))
    .map(([k, cell]) => proportion(b, 'object_mix', groupOf(b, 'object', k), cell.n, known, c.all.n, 'Share of searches by object searched for, among those with it recorded (Wilson 95% interval)'));
}

export function s60Count(b: FigureBase, c: ScopeCounts): Figure {
  const n = c.by.legislation.get('cjpoa_s60')?.n ?? 0;
  return figure(b, { metric: 's60_count', group: null, numerator: n, denominator: null, value: n, ci95: null, coverage: null, flags: [], method: 'Count of searches under section 60 of the Criminal Justice and Public Order Act 1994' });
}

/** change: this period's searches against another's, exact Poisson ratio with days as exposure. */
export function change(
  b: FigureBase,
  metric: 'change_vs_previous' | 'change_vs_last_year',
  now: number,
  before: number,
  days: { now: number; before: number },
  comparedWith: Period,
  covered: boolean
): Figure {
  const r = covered ? poissonRateRatioExact(now, before, days.now, days.before) : null;
  const flags: Flag[] = covered ? smallNumberFlags(Math.min(now, before)) : ['no_comparison'];
  return figure(b, {
    metric,
    group: null,
    numerator: now,
    denominator: before,
    value: r?.value ?? null,
    ci95: ci(r?.ci),
    coverage: null,
    flags,
    method: `Searches per day in this period divided by searches per day in ${comparedWith.from} to ${comparedWith.to}; exact conditional Poisson 95% interval`,
    comparedWith
  });
}

/** concentration: the smallest share of the area's sub-areas holding half its placed searches. */
export function concentration(b: FigureBase, level: 'borough' | 'ward' | 'lsoa', counts: number[], subAreas: number): Figure {
  const total = counts.reduce((s, n) => s + n, 0);
  const sorted = [...counts].sort((x, y) => y - x);
  let k = 0;
  let acc = 0;
  while (acc * 2 < total && k < sorted.length) acc += sorted[k++];
  return figure(b, {
    metric: 'concentration',
    group: { dimension: 'area_level', value: level, grouping: null },
    numerator: k,
    denominator: subAreas,
    value: total > 0 && subAreas > 0 ? k / subAreas : null,
    ci95: null,
    coverage: { known: total, total },
    flags: total < 10 ? ['suppressed', 'low_count'] : total < 30 ? ['low_count'] : [],
    method: `Smallest share of the area's ${level === 'lsoa' ? 'LSOAs' : `${level}s`} that together hold 50% of its placed searches`
  });
}
