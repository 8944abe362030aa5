import { publishedCias } from '$core/cia/publish.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

/** Public: the summaries of CIA reviews the panel has published, every version. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const { panel, publications } = await publishedCias(await authContext(), locals.actor, params.borough);
  return {
    panel,
    publications: publications.map((p) => ({ id: p.id, version: p.version, publishedOn: londonDay(p.publishedAt), title: p.summary.title, operation: p.summary.operation, reviews: p.summary.reviews, rag: p.summary.rag }))
  };
};
