import type { Trend } from '$core/dashboard/trend.ts';
import { ageOrder, codeName, ethnicGroupName } from '$core/dashboard/labels.ts';
import { monthName, monthRuns, periodName } from '$core/dashboard/wording.ts';
import type { Figure, FigureSet } from '$core/figures/types.ts';
import type { DataTableProps, LegendItem } from '$lib/components/charts/types.ts';
import type { ChartSvg } from './plot.ts';
import { colours, formatFor, intervalChart, trendChart, type IntervalDatum, type ValueFormat } from './specs.ts';

/**
 * The dashboard's charts built from figure sets: each with its SVG, a caption that can be read
 * instead of it, its data table, and the data its downloads contain. The data pack can call these
 * with its own figure sets.
 */
export interface ChartView {
  id: string;
  title: string;
  caption: string;
  svg: ChartSvg;
  table: DataTableProps;
  legend?: LegendItem[];
  /** Downloads: figure objects (CSV columns as /api/v1/figures), or plain rows. */
  data: { figures: Figure[] } | { rows: Array<Record<string, string | number | boolean | null>> };
}

export const TOO_FEW = 'too few to say';
export const NOT_RECORDED = 'not recorded';

/** A figure's value as a table cell: the number, or why there is none. */
export function valueCell(f: Figure | undefined, format: ValueFormat): string {
  if (!f) return '–';
  if (f.flags.includes('not_recorded')) return NOT_RECORDED;
  if (f.flags.includes('suppressed')) return TOO_FEW;
  if (f.value === null) return 'n/a';
  return formatFor(format)(f.value);
}

export function intervalCell(f: Figure | undefined, format: ValueFormat): string {
  if (!f?.ci95 || f.value === null) return '';
  const fmt = formatFor(format);
  return `${fmt(f.ci95[0])} to ${fmt(f.ci95[1])}`;
}

const noteOf = (f: Figure) => (f.flags.includes('not_recorded') ? NOT_RECORDED : f.flags.includes('suppressed') ? TOO_FEW : 'not available');

function datum(f: Figure, label: string, compare?: Figure): IntervalDatum {
  // London is marked only beside a value of the area: beside "too few to say" it would read as one.
  return { label, value: f.value, low: f.ci95?.[0] ?? null, high: f.ci95?.[1] ?? null, note: f.value === null ? noteOf(f) : undefined, compare: f.value === null ? null : (compare?.value ?? null) };
}

const groupOrder = ['asian', 'black', 'mixed', 'white', 'other'];
const byGroupOrder = (a: Figure, b: Figure) => groupOrder.indexOf(a.group?.value ?? '') - groupOrder.indexOf(b.group?.value ?? '');

const londonLegend = (area: string): LegendItem[] => [
  { label: `${area}, with its 95% interval`, fill: colours.main, shape: 'dot' },
  { label: 'London (Metropolitan Police area)', fill: colours.compare, shape: 'tick' }
];

/** Searches each month over two years, with gaps where no data is loaded. */
export function trendView(trend: Trend): ChartView {
  const area = trend.area.name;
  const shown = trend.months.filter((m) => m.searches !== null);
  const first = trend.months[0]?.month;
  const last = trend.months[trend.months.length - 1]?.month;
  const high = shown.reduce<(typeof shown)[number] | null>((a, m) => (!a || (m.searches ?? 0) > (a.searches ?? 0) ? m : a), null);
  const low = shown.reduce<(typeof shown)[number] | null>((a, m) => (!a || (m.searches ?? 0) < (a.searches ?? 0) ? m : a), null);
  const title = `Searches each month in ${area}`;
  const caption =
    `Searches each month in ${area}, ${first ? monthName(first) : ''} to ${last ? monthName(last) : ''}; the months shown on this page are shaded.` +
    (high && low ? ` The most were in ${monthName(high.month)} (${high.searches}), the fewest in ${monthName(low.month)} (${low.searches}).` : '') +
    (trend.gaps.length ? ` No police data is loaded for ${monthRuns(trend.gaps)}: shown as gaps, not as zero.` : '');
  return {
    id: 'trend',
    title,
    caption,
    svg: trendChart(
      trend.months.map((m) => ({ month: m.month, value: m.searches, highlight: m.inPeriod })),
      { label: `${title}. ${caption}` }
    ),
    table: {
      caption: `${title}, ${first ? monthName(first) : ''} to ${last ? monthName(last) : ''}`,
      columns: [{ label: 'Month' }, { label: 'Searches', numeric: true }],
      rows: trend.months.map((m) => [monthName(m.month), m.searches === null ? 'no data loaded' : m.searches.toLocaleString('en-GB')])
    },
    data: { rows: trend.months.map((m) => ({ month: m.month, searches: m.searches, in_period: m.inPeriod, data_loaded: m.searches !== null })) }
  };
}

/** Searches per 1,000 residents of each ethnic group, with intervals, London marked. */
export function ratesView(set: FigureSet, london: FigureSet | null): ChartView | null {
  const rates = set.figures.filter((f) => f.metric === 'rate_per_1000').sort(byGroupOrder);
  if (rates.length === 0) return null;
  const { area, grouping, ethnicity, period } = set.context;
  const londonOf = (f: Figure) => london?.figures.find((l) => l.metric === 'rate_per_1000' && l.group?.value === f.group?.value);
  const label = (f: Figure) => ethnicGroupName(f.group?.value ?? '', grouping);
  const officer = ethnicity === 'officer_defined_ethnicity';
  const title = `Searches per 1,000 residents, by ${officer ? 'officer-defined ' : ''}ethnic group`;
  const summary = rates.map((f) => `${label(f)} ${valueCell(f, 'rate')}`).join('; ');
  const caption = `Searches per 1,000 residents of each group (Census 2021) in ${area.name}, ${periodName(period)}: ${summary}. Lines show 95% intervals${london ? '; orange ticks show London' : ''}.`;
  return {
    id: 'rates',
    title,
    caption,
    svg: intervalChart(
      rates.map((f) => datum(f, label(f), londonOf(f))),
      { label: `${title}. ${caption}`, format: 'rate', axis: 'Searches per 1,000 residents', mark: 'dot' }
    ),
    legend: london ? londonLegend(area.name) : undefined,
    table: {
      caption: `${title}, ${area.name}, ${periodName(period)}`,
      columns: [
        { label: 'Group' },
        { label: 'Searches', numeric: true },
        { label: 'Residents', numeric: true },
        { label: 'Per 1,000', numeric: true },
        { label: '95% interval' },
        ...(london ? [{ label: 'London per 1,000', numeric: true }] : [])
      ],
      rows: rates.map((f) => [
        label(f),
        f.numerator.toLocaleString('en-GB'),
        (f.denominator ?? 0).toLocaleString('en-GB'),
        valueCell(f, 'rate'),
        intervalCell(f, 'rate'),
        ...(london ? [valueCell(londonOf(f), 'rate')] : [])
      ])
    },
    data: { figures: [...rates, ...(london ? rates.map(londonOf).filter((f): f is Figure => !!f) : [])] }
  };
}

/** Arrest rate by ethnic group (and overall), with the other outcome figures in the table. */
export function outcomesView(set: FigureSet, london: FigureSet | null): ChartView {
  const { area, grouping, period } = set.context;
  const of = (s: FigureSet | null, metric: Figure['metric'], g: string | null) => s?.figures.find((f) => f.metric === metric && (f.group?.value ?? null) === g);
  const groups = [null, ...set.figures.filter((f) => f.metric === 'arrest_rate' && f.group).sort(byGroupOrder).map((f) => f.group?.value ?? '')];
  const label = (g: string | null) => (g === null ? 'All searches' : ethnicGroupName(g, grouping));
  const arrests = groups.map((g) => of(set, 'arrest_rate', g)).filter((f): f is Figure => !!f);
  const title = 'Searches ending in an arrest, by ethnic group';
  const caption =
    `Share of searches with a recorded outcome that ended in an arrest, ${area.name}, ${periodName(period)}: ` +
    `${arrests.map((f) => `${label(f.group?.value ?? null)} ${valueCell(f, 'percent')}`).join('; ')}. Lines show 95% intervals${london ? '; orange ticks show London' : ''}. The table also gives no further action and any other outcome.`;
  const table: DataTableProps = {
    caption: `Outcomes by ethnic group, ${area.name}, ${periodName(period)}`,
    columns: [
      { label: 'Group' },
      { label: 'Searches', numeric: true },
      { label: 'Arrest', numeric: true },
      { label: '95% interval' },
      { label: 'Difference from White (points)' },
      { label: 'No further action', numeric: true },
      { label: 'Any other outcome', numeric: true }
    ],
    rows: groups.map((g) => {
      const arrest = of(set, 'arrest_rate', g);
      return [
        label(g),
        (arrest?.coverage?.total ?? 0).toLocaleString('en-GB'),
        valueCell(arrest, 'percent'),
        intervalCell(arrest, 'percent'),
        differenceCell(arrest),
        valueCell(of(set, 'nfa_share', g), 'percent'),
        valueCell(of(set, 'formal_outcome_rate', g), 'percent')
      ];
    })
  };
  const metrics = ['arrest_rate', 'nfa_share', 'formal_outcome_rate'];
  return {
    id: 'outcomes',
    title,
    caption,
    svg: intervalChart(
      arrests.map((f) => datum(f, label(f.group?.value ?? null), of(london, 'arrest_rate', f.group?.value ?? null))),
      { label: `${title}. ${caption}`, format: 'percent', axis: 'Share ending in arrest', mark: 'dot' }
    ),
    legend: london ? londonLegend(area.name) : undefined,
    table,
    data: { figures: set.figures.filter((f) => metrics.includes(f.metric)) }
  };
}

function differenceCell(f: Figure | undefined): string {
  const c = f?.comparison;
  if (!f || !c) return '';
  if (c.difference === null) return TOO_FEW;
  const pts = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
  return c.ci95 ? `${pts(c.difference)} (${pts(c.ci95[0])} to ${pts(c.ci95[1])})` : pts(c.difference);
}

const mixes = {
  legislation: { id: 'powers', metric: 'power_mix', title: 'Powers used', what: 'the power used', axis: 'Share of searches' },
  object: { id: 'objects', metric: 'object_mix', title: 'What officers were looking for', what: 'the object of the search', axis: 'Share of searches' },
  age_range: { id: 'age', metric: 'share', title: 'Age of the people searched', what: 'age range', axis: 'Share of searches' }
} as const;

/** Shares of searches by power, object or age range, as bars with 95% intervals. */
export function mixView(set: FigureSet, dimension: keyof typeof mixes): ChartView {
  const m = mixes[dimension];
  const { area, period } = set.context;
  let figures = set.figures.filter((f) => f.metric === m.metric && f.group?.dimension === dimension);
  if (dimension === 'age_range') figures = figures.sort((a, b) => ageOrder.indexOf(a.group?.value ?? '') - ageOrder.indexOf(b.group?.value ?? ''));
  else figures = figures.sort((a, b) => (b.numerator - a.numerator) || (a.group?.value ?? '').localeCompare(b.group?.value ?? ''));
  const label = (f: Figure) => codeName(dimension, f.group?.value ?? '');
  const known = figures[0]?.coverage;
  const caption =
    `Share of searches by ${m.what} in ${area.name}, ${periodName(period)}, among the ${(known?.known ?? 0).toLocaleString('en-GB')} of ${(known?.total ?? 0).toLocaleString('en-GB')} searches where it was recorded: ` +
    `${figures.map((f) => `${label(f)} ${valueCell(f, 'percent')}`).join('; ') || 'none'}. Lines show 95% intervals.`;
  return {
    id: m.id,
    title: m.title,
    caption,
    svg: intervalChart(figures.map((f) => datum(f, label(f))), { label: `${m.title}. ${caption}`, format: 'percent', axis: m.axis, mark: 'bar' }),
    table: {
      caption: `${m.title}, ${area.name}, ${periodName(period)}`,
      columns: [{ label: dimension === 'age_range' ? 'Age' : dimension === 'object' ? 'Object' : 'Power' }, { label: 'Searches', numeric: true }, { label: 'Share', numeric: true }, { label: '95% interval' }],
      rows: figures.map((f) => [label(f), f.numerator.toLocaleString('en-GB'), valueCell(f, 'percent'), intervalCell(f, 'percent')])
    },
    data: { figures }
  };
}

/** Every chart of the dashboard, in page order. */
export function figureCharts(set: FigureSet, london: FigureSet | null, trend: Trend): ChartView[] {
  return [trendView(trend), ratesView(set, london), outcomesView(set, london), mixView(set, 'legislation'), mixView(set, 'object'), mixView(set, 'age_range')].filter(
    (c): c is ChartView => c !== null
  );
}
