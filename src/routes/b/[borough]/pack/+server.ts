import { redirect } from '@sveltejs/kit';
import { latestMonth, resolveBorough } from '$core/dashboard/boroughs.ts';
import { NotFound } from '$core/errors.ts';
import { packPath } from '$core/pack/request.ts';
import { serverContext } from '$lib/server/context.ts';
import type { RequestHandler } from './$types';

/** `/b/hackney/pack`: the pack of the latest month loaded for the borough's force. */
export const GET: RequestHandler = async ({ params, url }) => {
  const wh = (await serverContext()).warehouse;
  const borough = await resolveBorough(wh, params.borough);
  const month = await latestMonth(wh, borough);
  if (!month) throw new NotFound(`There is no data pack for ${borough.name} yet: no stop-and-search records are loaded.`);
  redirect(307, packPath(borough.slug, month) + url.search);
};
