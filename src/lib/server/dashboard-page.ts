import { latestMonth, resolveBorough, type Borough } from '$core/dashboard/boroughs.ts';
import { boroughDashboard, type BoroughDashboard, type Coverage } from '$core/dashboard/dashboard.ts';
import { figureOf, type HeadlineGroup } from '$core/dashboard/headlines.ts';
import { codeName, ethnicityName, groupingName } from '$core/dashboard/labels.ts';
import { dashboardSearch, type DashboardQuery } from '$core/dashboard/request.ts';
import { areaShapes } from '$core/dashboard/shapes.ts';
import { shiftMonth } from '$core/dashboard/trend.ts';
import { count, dayName, periodName } from '$core/dashboard/wording.ts';
import { NotFound } from '$core/errors.ts';
import type { Figure, FigureSet, Period } from '$core/figures/types.ts';
import type { Warehouse } from '$core/warehouse/warehouse.ts';
import type { DataTableProps, Downloads } from '$lib/components/charts/types.ts';
import { PageCache } from './cache.ts';
import { figureCharts, intervalCell, valueCell, type ChartView } from './charts/figure-charts.ts';
import { formatFor, type ValueFormat } from './charts/specs.ts';
import { choropleth, type ChoroplethProps } from './map/choropleth.ts';
import { projectShapes } from './map/project.ts';

/** Everything /b/[borough] renders, computed once per view and kept in a cache. */
export interface DashboardPage {
  borough: Borough;
  view: BoroughDashboard['view'];
  period: Period;
  title: string;
  /** The query string of this view, for links that keep it. */
  search: string;
  describe: { ethnicity: string; grouping: string };
  nav: { earlier: string; later: string | null };
  headlines: HeadlineGroup[];
  comparison: DataTableProps;
  charts: Array<ChartView & { downloads: Downloads }>;
  wardMap: (ChoroplethProps & { table: DataTableProps; downloads: Downloads; title: string; caption: string }) | null;
  wardRows: Array<Record<string, string | number | boolean | null>>;
  unusual: UnusualView[];
  coverage: Coverage;
  sources: { police: string[]; population: string[]; boundaries: Array<{ level: string; file: string; sha256: string }> };
  apiFigures: Downloads;
  apiUnusual: Downloads;
}

export interface UnusualView {
  anchor: string;
  date: string;
  day: string;
  place: string;
  level: string;
  count: number;
  baseline: string;
  ratio: string;
  makeup: Array<{ what: string; items: string }>;
  api: string;
}

const cache = new PageCache(300);

/** The dashboard of a borough for a query, from the cache when it was made before. */
export async function dashboardPage(wh: Warehouse, boroughParam: string, q: DashboardQuery): Promise<DashboardPage> {
  const borough = await resolveBorough(wh, boroughParam);
  const latest = q.from ? null : await latestMonth(wh, borough);
  const from = q.from ?? latest;
  const to = q.to ?? latest;
  if (!from || !to) throw new NotFound('No stop-and-search records are loaded yet, so there is nothing to show. Run `scrutineer import` first.', {});
  const key = [borough.code, from, to, q.grouping, q.ethnicity].join('|');
  return cache.get(wh, key, async () => buildPage(wh, await boroughDashboard(wh, { borough: borough.code, from, to, grouping: q.grouping, ethnicity: q.ethnicity })));
}

async function buildPage(wh: Warehouse, d: BoroughDashboard): Promise<DashboardPage> {
  const search = dashboardSearch(d.view);
  const base = `/b/${d.borough.slug}`;
  const download = (id: string): Downloads => ({ csv: `${base}/data/${id}.csv?${search}`, json: `${base}/data/${id}.json?${search}` });
  const api = (path: string, extra = ''): Downloads => {
    const params = `area=${d.borough.code}&${search}${extra}`;
    return { json: `/api/v1/${path}?${params}`, csv: `/api/v1/${path}?${params}&format=csv` };
  };
  const months = monthsBetween(d.view.from, d.view.to);
  const lastLoaded = d.coverage.loaded?.last ?? d.view.to;
  const shifted = (n: number) => `${base}?${dashboardSearch({ ...d.view, from: shiftMonth(d.view.from, n), to: shiftMonth(d.view.to, n) })}`;
  const charts = figureCharts(d.figures, d.london, d.trend).map((c) => ({ ...c, downloads: download(c.id) }));
  const { map, rows } = await wardMap(wh, d, download('wards'));
  return {
    borough: d.borough,
    view: d.view,
    period: d.period,
    title: `Stop and search in ${d.borough.name}, ${periodName(d.period)}`,
    search,
    describe: { ethnicity: ethnicityName[d.view.ethnicity], grouping: groupingName[d.view.grouping] },
    nav: { earlier: shifted(-months), later: shiftMonth(d.view.to, months) <= lastLoaded ? shifted(months) : null },
    headlines: d.headlines,
    comparison: comparisonTable(d),
    charts,
    wardMap: map,
    wardRows: rows,
    unusual: [...d.unusual].sort((a, b) => a.date.localeCompare(b.date) || (a.area.level === 'borough' ? -1 : 0) - (b.area.level === 'borough' ? -1 : 0) || b.count - a.count).map(unusualView),
    coverage: d.coverage,
    sources: {
      police: d.sources.police,
      population: d.sources.population,
      boundaries: d.sources.boundaries.map((b) => ({ level: b.level, file: fileName(b.origin), sha256: b.sha256 }))
    },
    apiFigures: api('figures'),
    apiUnusual: api('unusual')
  };
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

const fileName = (origin: string) => origin.slice(Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('!/') + 1) + 1) || origin;

/** The key figures against London and earlier periods. */
function comparisonTable(d: BoroughDashboard): DataTableProps {
  const sets: Array<{ label: string; set: FigureSet | null }> = [
    { label: `${d.borough.name}, ${periodName(d.period)}`, set: d.figures },
    { label: `London, ${periodName(d.period)}`, set: d.london },
    { label: `${d.borough.name}, ${comparedName(d.figures, 'change_vs_previous')}`, set: d.previous },
    { label: `${d.borough.name}, ${comparedName(d.figures, 'change_vs_last_year')}`, set: d.lastYear }
  ];
  const rows: Array<[string, Figure['metric'], string | null, ValueFormat]> = [
    ['Searches', 'searches', null, 'count'],
    ['Black vs White, searches per resident (ratio)', 'rate_ratio_vs_white', 'black', 'ratio'],
    ['Ended in arrest', 'arrest_rate', null, 'percent'],
    ['Ended with no further action', 'nfa_share', null, 'percent'],
    ['Outcome linked to the object searched for', 'find_rate', null, 'percent'],
    ['Strip searches, of person searches', 'strip_search_share', null, 'percent'],
    ['Children under 18', 'under_18_share', null, 'percent'],
    ['Section 60 searches', 's60_count', null, 'count']
  ];
  const cell = (set: FigureSet | null, metric: Figure['metric'], value: string | null, format: ValueFormat) => {
    if (!set) return 'no data loaded';
    const f = figureOf(set.figures, metric, value);
    const interval = intervalCell(f, format);
    return interval ? { text: valueCell(f, format), note: interval } : valueCell(f, format);
  };
  return {
    caption: `Key figures compared with London and with earlier periods (95% intervals under the values)`,
    columns: [{ label: 'Figure' }, ...sets.map((s) => ({ label: s.label, numeric: true }))],
    rows: rows.map(([label, metric, value, format]) => [label, ...sets.map((s) => cell(s.set, metric, value, format))])
  };
}

function comparedName(set: FigureSet, metric: 'change_vs_previous' | 'change_vs_last_year'): string {
  const p = figureOf(set.figures, metric)?.comparedWith;
  return p ? periodName(p) : metric === 'change_vs_previous' ? 'the period before' : 'a year before';
}

/** A ward's searches per 1,000 residents as the rate charts write rates. */
const perThousand = (x: BoroughDashboard['wards']['wards'][number]) => formatFor('rate')(x.perThousand?.value ?? 0);

async function wardMap(wh: Warehouse, d: BoroughDashboard, downloads: Downloads) {
  const w = d.wards;
  const rows = w.wards.map((x) => ({
    code: x.code,
    name: x.name,
    searches: x.searches,
    share: x.share,
    flags: x.flags.join(' '),
    residents_mid2020: x.perThousand?.residents ?? null,
    per_1000_residents: x.perThousand?.value ?? null,
    per_1000_ci95_low: x.perThousand?.ci95?.[0] ?? null,
    per_1000_ci95_high: x.perThousand?.ci95?.[1] ?? null
  }));
  const shapes = await areaShapes(wh, 'ward', d.borough.code);
  if (shapes.length === 0) return { map: null, rows };
  const share = (x: (typeof w.wards)[number]) => (x.share === null ? (x.searches > 0 ? 'share: too few to say' : '') : `${(x.share * 100).toFixed(1)}% of the borough's searches`);
  const values = new Map(
    w.wards.map((x) => [
      x.code,
      { value: x.searches, label: `${x.name}: ${count(x.searches)} ${x.searches === 1 ? 'search' : 'searches'}${share(x) ? `, ${share(x)}` : ''}${x.perThousand?.value != null ? `, ${perThousand(x)} per 1,000 residents` : ''}` }
    ])
  );
  const rated = w.wards.filter((x) => x.perThousand).length;
  const title = `Searches by ward, ${d.borough.name}, ${periodName(d.period)}`;
  const top = w.wards.filter((x) => x.searches > 0).slice(0, 3);
  const caption =
    `${count(w.inWards)} searches placed in ${d.borough.name}'s ${w.wards.length} wards` +
    (top.length ? `; the most in ${top.map((x) => `${x.name} (${count(x.searches)})`).join(', ')}` : '') +
    (w.notInWard ? `. ${count(w.notInWard)} searches in the borough fell in no ward of the boundary file.` : '.') +
    ' Ward populations by ethnicity do not exist, so wards show counts and shares' +
    (rated
      ? `, and searches per 1,000 of all residents (ONS mid-2020 estimates) for the ${rated === w.wards.length ? '' : `${rated} `}wards whose boundary is unchanged since 2020.`
      : '; no ward here has a population: the only ward estimates (mid-2020) are for the wards before the May 2022 boundary changes.');
  return {
    rows,
    map: {
      ...choropleth(projectShapes(shapes, 560), values, { kind: 'count', legendTitle: 'Searches', noValueLabel: 'No data' }),
      title,
      caption,
      downloads,
      table: {
        caption: title,
        columns: [{ label: 'Ward' }, { label: 'Searches', numeric: true }, { label: 'Share', numeric: true }, { label: 'Per 1,000 residents', numeric: true }],
        rows: w.wards.map((x) => [
          x.name,
          count(x.searches),
          x.share === null ? (x.searches > 0 ? 'too few to say' : '–') : `${(x.share * 100).toFixed(1)}%`,
          x.perThousand
            ? x.perThousand.value === null
              ? 'too few to say'
              : { text: perThousand(x), note: x.perThousand.ci95!.map(formatFor('rate')).join(' to ') }
            : 'no population for the 2022 ward'
        ])
      }
    }
  };
}

const makeupNames: Record<string, string> = {
  legislation: 'Powers',
  object_of_search: 'Looking for',
  self_defined_ethnicity: 'Self-defined ethnicity',
  officer_defined_ethnicity: 'Officer-defined ethnicity',
  outcome: 'Outcomes',
  hour: 'Hours (London time)'
};

function unusualView(u: BoroughDashboard['unusual'][number]): UnusualView {
  const dim = (k: string) => (k === 'object_of_search' ? 'object' : k);
  return {
    anchor: `unusual-${u.area.code}-${u.date}`,
    date: u.date,
    day: dayName(u.date),
    place: u.area.name,
    level: u.area.level,
    count: u.count,
    baseline: u.baseline.toFixed(1),
    ratio: u.ratio === null ? '–' : `${u.ratio.toFixed(1)}×`,
    makeup: Object.entries(u.makeup).map(([k, h]) => ({
      what: makeupNames[k] ?? k,
      items: Object.entries(h)
        .sort(([a, x], [b, y]) => (k === 'hour' ? a.localeCompare(b) : y - x))
        .map(([code, n]) => `${k === 'hour' ? `${code}:00` : codeName(dim(k), code)} ${n}`)
        .join(', ')
    })),
    api: `/api/v1/unusual?area=${u.area.code}&from=${u.date}&to=${u.date}`
  };
}

