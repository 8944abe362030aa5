import { dataStatus } from '$core/status/data-status.ts';
import { serverContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/** The home page lists only the most recent sources; /api/v1/status has them all. */
const recentSources = 10;

export const load: PageServerLoad = async () => {
  const status = await dataStatus((await serverContext()).warehouse);
  return {
    status: { ...status, sources: status.sources.slice(0, recentSources) },
    sourceCount: status.sources.length
  };
};
