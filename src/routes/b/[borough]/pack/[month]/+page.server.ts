import { redirect } from '@sveltejs/kit';
import { cachedMonthlyPack } from '$core/pack/cache.ts';
import { packSubject } from '$core/pack/pack.ts';
import { ethnicityOf, packPath, packSearch, parsePackQuery } from '$core/pack/request.ts';
import { packView } from '$core/pack/view.ts';
import { serverContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

/** The monthly data pack of a borough, made for paper; `?format=pdf` goes to its PDF. */
export const load: PageServerLoad = async ({ params, url }) => {
  const q = parsePackQuery(Object.fromEntries(url.searchParams));
  const wh = (await serverContext()).warehouse;
  const subject = await packSubject(wh, params);
  // One address per pack: a GSS code or another spelling of the borough goes to its slug.
  if (q.format === 'pdf' || subject.slug !== params.borough) redirect(q.format === 'pdf' ? 303 : 308, packPath(subject.slug, subject.month, q.format === 'pdf') + packSearch(q));
  const pack = await cachedMonthlyPack(wh, { borough: subject.slug, month: subject.month, grouping: q.grouping, ethnicity: ethnicityOf(q) });
  return { view: packView(pack), options: { grouping: q.grouping, ethnicity: q.ethnicity } };
};
