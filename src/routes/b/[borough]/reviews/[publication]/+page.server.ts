import { idFromAddress } from '$lib/server/address.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { publishedReview } from '$core/reviews/publish.ts';
import { authContext } from '$lib/server/auth.ts';
import { summaryView } from '$lib/server/review-summary.ts';
import type { PageServerLoad } from './$types';

/** Public: one published version of an anonymised summary, with the list of its versions. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const { panel, publication, versions } = await publishedReview(await authContext(), locals.actor, { borough: params.borough, publicationId: idFromAddress(params.publication) });
  const s = publication.summary;
  return {
    panel,
    publication: { id: publication.id, version: publication.version, publishedOn: londonDay(publication.publishedAt) },
    versions: versions.map((v) => ({ id: v.id, version: v.version, publishedOn: londonDay(v.publishedAt) })),
    summary: { borough: s.borough, month: s.month, sampled: s.sampled, population: s.population, encountersReviewed: s.encountersReviewed, reviews: s.reviews, reviewers: s.reviewers, section60: s.section60, policeResponses: s.policeResponses },
    view: summaryView(s)
  };
};
