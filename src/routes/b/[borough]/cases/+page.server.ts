import { publishedCases } from '$core/cases/publish.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

/** Public: the case files the panel has published a summary of, each by its latest version. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const { panel, cases } = await publishedCases(await authContext(), locals.actor, params.borough);
  return { panel, cases: cases.map((c) => ({ incidentId: c.incidentId, title: c.title, startsOn: c.startsOn, version: c.version, publishedOn: londonDay(c.publishedAt) })) };
};
