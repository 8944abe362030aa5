import type { ThinMonth } from '$core/figures/thin-months.ts';
import { londonMap, mapMetricName } from '$core/dashboard/london.ts';
import type { MapMetric, MapQuery } from '$core/dashboard/request.ts';
import { count, periodName } from '$core/dashboard/wording.ts';
import type { Figure, Period } from '$core/figures/types.ts';
import type { Warehouse } from '$core/warehouse/warehouse.ts';
import { areaShapes } from '$core/dashboard/shapes.ts';
import type { DataTableProps } from '$lib/components/charts/types.ts';
import { PageCache } from './cache.ts';
import { intervalCell, valueCell } from './charts/figure-charts.ts';
import type { ValueFormat } from './charts/specs.ts';
import { choropleth, type ChoroplethProps } from './map/choropleth.ts';
import { projectShapes } from './map/project.ts';

export interface LondonMapView extends ChoroplethProps {
  metric: MapMetric;
  metricName: string;
  view: { from: string; to: string; metric: MapMetric };
  period: Period;
  title: string;
  caption: string;
  table: DataTableProps;
  missingMonths: string[];
  thinMonths: ThinMonth[];
}

const formats: Record<MapMetric, ValueFormat> = { searches: 'count', rate_ratio: 'ratio', arrest_rate: 'percent' };
const columnNames: Record<MapMetric, string> = { searches: 'Searches', rate_ratio: 'Ratio', arrest_rate: 'Arrest rate' };
const inWords: Record<MapMetric, string> = {
  searches: 'the number of searches',
  rate_ratio: 'how often Black residents were searched compared with White residents (searches per resident, Census 2021)',
  arrest_rate: 'the share of searches that ended in an arrest'
};

const cache = new PageCache(100);

/** The London map of `/`, coloured by one figure per borough; null when no boroughs are loaded. */
export async function londonMapView(wh: Warehouse, q: MapQuery): Promise<LondonMapView | null> {
  const shapes = await areaShapes(wh, 'borough');
  if (shapes.length === 0) return null;
  return cache.get(wh, `${q.metric}|${q.from ?? ''}|${q.to ?? ''}`, async () => {
    const m = await londonMap(wh, q);
    const format = formats[m.metric];
    const describe = (f: Figure) => {
      const v = valueCell(f, format);
      if (m.metric === 'searches') return `${count(f.value ?? 0)} ${f.value === 1 ? 'search' : 'searches'}`;
      if (m.metric === 'rate_ratio') return f.value === null ? `Black vs White rate ratio ${v}` : `Black residents searched ${v} times as often as White residents`;
      return `arrest rate ${v}`;
    };
    const values = new Map(m.boroughs.map((b) => [b.borough.code, { value: b.figure.value, label: `${b.borough.name}: ${describe(b.figure)}`, href: `/b/${b.borough.slug}` }]));
    const title = `${mapMetricName[m.metric]} by borough, ${periodName(m.period)}`;
    const ranked = m.boroughs.filter((b) => b.figure.value !== null).sort((a, b) => (b.figure.value ?? 0) - (a.figure.value ?? 0));
    const caption =
      `Each borough coloured by ${inWords[m.metric]}, ${periodName(m.period)}` +
      (ranked.length ? `; highest in ${ranked.slice(0, 3).map((b) => `${b.borough.name} (${valueCell(b.figure, format)})`).join(', ')}.` : '.') +
      (m.metric === 'searches' ? '' : ' Hatched boroughs have too few searches to say.') +
      ` ${count(m.placement.unlocated + m.placement.locatedOutsideAreas)} of ${count(m.placement.records)} Metropolitan Police records could not be placed in a borough.`;
    const withInterval = m.metric !== 'searches';
    return {
      ...choropleth(projectShapes(shapes, 600), values, {
        kind: m.metric === 'searches' ? 'count' : m.metric === 'rate_ratio' ? 'ratio' : 'percent',
        legendTitle: mapMetricName[m.metric],
        noValueLabel: 'Too few to say'
      }),
      metric: m.metric,
      metricName: mapMetricName[m.metric],
      view: m.view,
      period: m.period,
      title,
      caption,
      missingMonths: m.missingMonths,
      thinMonths: m.thinMonths,
      table: {
        caption: `${title}${withInterval ? ', with 95% intervals' : ''} (select a borough to see its dashboard)`,
        columns: [
          { label: 'Borough' },
          { label: columnNames[m.metric], numeric: true },
          ...(m.metric === 'rate_ratio' ? [{ label: 'Black people searched', numeric: true }] : m.metric === 'arrest_rate' ? [{ label: 'Searches', numeric: true }] : [])
        ],
        rows: m.boroughs.map((b) => {
          const interval = withInterval ? intervalCell(b.figure, format) : '';
          return [
            { text: b.borough.name, href: `/b/${b.borough.slug}` },
            interval ? { text: valueCell(b.figure, format), note: interval } : valueCell(b.figure, format),
            ...(m.metric === 'searches' ? [] : [count(m.metric === 'arrest_rate' ? (b.figure.coverage?.total ?? 0) : b.figure.numerator)])
          ];
        })
      }
    };
  });
}
