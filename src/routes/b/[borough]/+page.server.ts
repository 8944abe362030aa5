import { parseDashboardQuery } from '$core/dashboard/request.ts';
import { publicPanel } from '$core/panels/panels.ts';
import { authContext } from '$lib/server/auth.ts';
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

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const query = parseDashboardQuery(Object.fromEntries(url.searchParams));
  const [page, panel] = await Promise.all([
    dashboardPage((await serverContext()).warehouse, params.borough, query),
    // The borough's panel, if it has one, for the links to what it published.
    authContext().then((ctx) => publicPanel(ctx, locals.actor, params.borough))
  ]);
  // Only what the page shows: the download rows stay on the server.
  const { wardRows: _rows, charts, ...rest } = page;
  return { panel, dashboard: new ServerOnly({ ...rest, charts: charts.map(({ data: _data, ...c }) => c) }) };
};
