import { idFromAddress } from '$lib/server/address.ts';
import { publishedCia } from '$core/cia/publish.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

/** Public: one published version of a CIA review summary, with the list of its versions. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const { panel, publication, versions } = await publishedCia(await authContext(), locals.actor, { borough: params.borough, publicationId: idFromAddress(params.publication) });
  return {
    panel,
    publication: { id: publication.id, version: publication.version, publishedOn: londonDay(publication.publishedAt) },
    versions: versions.map((v) => ({ id: v.id, version: v.version, publishedOn: londonDay(v.publishedAt) })),
    summary: publication.summary
  };
};
