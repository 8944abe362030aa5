import { idFromAddress } from '$lib/server/address.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { getSample } from '$core/reviews/samples.ts';
import { authContext } from '$lib/server/auth.ts';
import { csvResponse } from '$lib/server/csv.ts';
import { referenceRows } from '$lib/server/reviews.ts';
import { rowsCsv } from '$lib/server/rows-csv.ts';
import type { RequestHandler } from './$types';

/** The references of a sample as CSV, for the police to find the footage. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const { sample, records } = await getSample(ctx, locals.actor, { panelId: panel.id, sampleId: idFromAddress(params.sample) });
  return csvResponse(rowsCsv(referenceRows(records)), `${panel.slug}-sample-${sample.month}-seed-${sample.seed}.csv`);
};
