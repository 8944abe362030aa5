import { idFromAddress } from '$lib/server/address.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { getAuthorisation } from '$core/section60/register.ts';
import { csvResponse } from '$lib/server/csv.ts';
import { reviewContext } from '$lib/server/reviews.ts';
import { rowsCsv } from '$lib/server/rows-csv.ts';
import { searchRow } from '$lib/server/section60.ts';
import type { RequestHandler } from './$types';

/** The section 60 searches the data holds for one authorisation, as CSV. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const ctx = await reviewContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const v = await getAuthorisation(ctx, locals.actor, { panelId: panel.id, authorisationId: idFromAddress(params.id) });
  const wardNames = new Map(v.authorisation.wards.map((w) => [w.code, w.name]));
  return csvResponse(rowsCsv(v.data.searches.map((s) => searchRow(s, wardNames))), `${panel.slug}-section60-${v.authorisation.reference}.csv`);
};
