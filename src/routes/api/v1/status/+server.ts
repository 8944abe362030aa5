import { json } from '@sveltejs/kit';
import { dataStatus } from '$core/status/data-status.ts';
import { serverContext } from '$lib/server/context.ts';
import type { RequestHandler } from './$types';

/** What data is loaded, as on the home page. Public. */
export const GET: RequestHandler = async () => {
  const status = await dataStatus((await serverContext()).warehouse);
  return json(status, { headers: { 'cache-control': 'no-cache' } });
};
