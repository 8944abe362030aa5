import { redirect } from '@sveltejs/kit';
import { resolveBorough } from '$core/dashboard/boroughs.ts';
import { serverContext } from '$lib/server/context.ts';
import type { RequestHandler } from './$types';

/** The borough chooser on the home page is a GET form: `/b?borough=hackney` goes to `/b/hackney`. */
export const GET: RequestHandler = async ({ url }) => {
  const wanted = url.searchParams.get('borough')?.trim();
  if (!wanted) redirect(303, '/#choose-borough');
  const borough = await resolveBorough((await serverContext()).warehouse, wanted);
  redirect(303, `/b/${borough.slug}`);
};
