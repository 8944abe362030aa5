import { parseDashboardQuery } from '$core/dashboard/request.ts';
import { serverContext } from '$lib/server/context.ts';
import { dashboardPage } from '$lib/server/dashboard-page.ts';
import { ServerOnly } from '$lib/server-only.ts';
import type { PageServerLoad } from './$types';

/**
 * The page needs no JavaScript: its filters are a GET form and its charts are SVG drawn on the
 * server. Without client-side rendering its data need not be sent to the browser at all, so it
 * travels as ServerOnly (serialising it took longer than rendering the page).
 */
export const csr = false;

export const load: PageServerLoad = async ({ params, url }) => {
  const query = parseDashboardQuery(Object.fromEntries(url.searchParams));
  const page = await dashboardPage((await serverContext()).warehouse, params.borough, query);
  // Only what the page shows: the download rows stay on the server.
  const { wardRows: _rows, charts, ...rest } = page;
  return { dashboard: new ServerOnly({ ...rest, charts: charts.map(({ data: _data, ...c }) => c) }) };
};
