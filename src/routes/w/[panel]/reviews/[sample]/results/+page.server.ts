import { idFromAddress } from '$lib/server/address.ts';
import { can } from '$core/access/require-access.ts';
import { boroughByCode } from '$core/panels/boroughs.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { anonymise, publishSummary } from '$core/reviews/publish.ts';
import { reviewResults } from '$core/reviews/results.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure } from '$lib/server/forms.ts';
import { summaryView } from '$lib/server/review-summary.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const { sample, results } = await reviewResults(ctx, locals.actor, { panelId: panel.id, sampleId: idFromAddress(params.sample) });
  const borough = boroughByCode(sample.areaCode)?.name ?? sample.areaCode;
  const full = anonymise(results, { borough, month: sample.month, strata: sample.strata, population: sample.population }, false);
  const intervals = new Map(results.agreement.map((a) => [a.label, a.agreement?.ci ?? null]));
  return {
    panel: { name: panel.name, slug: panel.slug },
    sample: { id: sample.id, borough, month: sample.month, seed: sample.seed },
    counts: { sampled: results.sampled, encounters: results.encounters, reviews: results.reviews, reviewers: results.reviewers, section60: results.section60, responses: results.responses },
    view: summaryView(full, intervals),
    mayPublish: can(locals.actor, 'review.publish', { panelId: panel.id })
  };
};

export const actions: Actions = {
  publish: async ({ locals, params }) => {
    try {
      const ctx = await authContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      const pub = await publishSummary(ctx, locals.actor, { panelId: panel.id, sampleId: idFromAddress(params.sample) });
      return { published: { version: pub.version, path: `/b/${panel.slug}/reviews/${pub.id}` } };
    } catch (err) {
      return formFailure(err, {});
    }
  }
};
