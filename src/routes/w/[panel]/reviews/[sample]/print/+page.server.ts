import { idFromAddress } from '$lib/server/address.ts';
import { monthName } from '$core/pack/wording.ts';
import { boroughByCode } from '$core/panels/boroughs.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { strataLabels } from '$core/reviews/input.ts';
import { getSample } from '$core/reviews/samples.ts';
import { authContext } from '$lib/server/auth.ts';
import { referenceOf } from '$lib/server/reviews.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const { sample, records } = await getSample(ctx, locals.actor, { panelId: panel.id, sampleId: idFromAddress(params.sample) });
  return {
    panel: { name: panel.name, slug: panel.slug },
    sample: { id: sample.id, borough: boroughByCode(sample.areaCode)?.name ?? sample.areaCode, month: monthName(sample.month), seed: sample.seed, size: sample.size, strata: strataLabels[sample.strata], population: sample.population },
    records: records.map(referenceOf)
  };
};
