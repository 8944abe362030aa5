import { londonDay } from '$core/questions/working-days.ts';
import { publishedReviews } from '$core/reviews/publish.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

/** Public: the anonymised summaries the panel has published, every version. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const { panel, publications } = await publishedReviews(await authContext(), locals.actor, params.borough);
  return {
    panel,
    publications: publications.map((p) => ({
      id: p.id,
      version: p.version,
      publishedOn: londonDay(p.publishedAt),
      month: p.summary.month,
      sampled: p.summary.sampled,
      encountersReviewed: p.summary.encountersReviewed,
      rag: p.summary.rag
    }))
  };
};
