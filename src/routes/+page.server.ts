import { boroughsInUse } from '$core/dashboard/boroughs.ts';
import { mapMetrics, parseMapQuery } from '$core/dashboard/request.ts';
import { mapMetricName } from '$core/dashboard/london.ts';
import { dataStatus } from '$core/status/data-status.ts';
import { PageCache } from '$lib/server/cache.ts';
import { serverContext } from '$lib/server/context.ts';
import { londonMapView } from '$lib/server/london-map-page.ts';
import type { PageServerLoad } from './$types';

/** The home page lists only the most recent sources; /api/v1/status has them all. */
const recentSources = 10;

/** What is loaded changes only with an import, which clears this (see PageCache). */
const cache = new PageCache(4);

export const load: PageServerLoad = async ({ url }) => {
  const query = parseMapQuery(Object.fromEntries(url.searchParams));
  const wh = (await serverContext()).warehouse;
  const status = await cache.get(wh, 'status', () => dataStatus(wh));
  const boroughs = await boroughsInUse(wh);
  const hasRecords = status.forces.length > 0;
  return {
    status: { ...status, sources: status.sources.slice(0, recentSources) },
    sourceCount: status.sources.length,
    boroughs: boroughs.map((b) => ({ code: b.code, name: b.name, slug: b.slug })),
    map: hasRecords ? await londonMapView(wh, query) : null,
    metrics: mapMetrics.map((m) => ({ value: m, label: mapMetricName[m] }))
  };
};
