import { error, json } from '@sveltejs/kit';
import { figuresCsv } from '$core/figures/format.ts';
import { parseDashboardQuery } from '$core/dashboard/request.ts';
import { serverContext } from '$lib/server/context.ts';
import { csvResponse } from '$lib/server/csv.ts';
import { dashboardPage } from '$lib/server/dashboard-page.ts';
import { rowsCsv } from '$lib/server/rows-csv.ts';
import type { RequestHandler } from './$types';

/**
 * The data behind one chart of the dashboard, as CSV or JSON, with the page's own parameters:
 * `/b/hackney/data/rates.csv?from=2023-07`. Charts of figures give the figure objects of
 * METRICS.md (the same columns as /api/v1/figures); the trend and ward map give their rows.
 */
export const GET: RequestHandler = async ({ params, url }) => {
  const m = /^([a-z]+)\.(csv|json)$/.exec(params.file);
  if (!m) error(404, { message: 'There is nothing at this address.', code: 'not_found' });
  const [, id, format] = m;
  const page = await dashboardPage((await serverContext()).warehouse, params.borough, parseDashboardQuery(Object.fromEntries(url.searchParams)));
  const chart = page.charts.find((c) => c.id === id);
  const data = id === 'wards' ? { rows: page.wardRows } : chart?.data;
  if (!data) error(404, { message: `There is no chart "${id}" on this dashboard. Charts: ${[...page.charts.map((c) => c.id), 'wards'].join(', ')}.`, code: 'not_found' });
  const name = `${page.borough.slug}-${id}-${page.view.from}${page.view.to !== page.view.from ? `-to-${page.view.to}` : ''}`;
  const about = { chart: id, title: chart?.title ?? `Searches by ward, ${page.borough.name}`, area: { code: page.borough.code, name: page.borough.name, level: 'borough' }, period: page.period, grouping: page.view.grouping, ethnicity: page.view.ethnicity };
  if (format === 'json') return json({ ...about, ...data }, { headers: { 'content-disposition': `inline; filename="${name}.json"` } });
  return csvResponse('figures' in data ? figuresCsv(data.figures) : rowsCsv(data.rows), `${name}.csv`);
};
