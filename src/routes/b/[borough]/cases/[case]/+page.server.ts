import { publishedCase } from '$core/cases/publish.ts';
import { idFromAddress } from '$lib/server/address.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

const number = (raw: string | null) => (raw === null ? undefined : idFromAddress(raw));

/** Public: a case's published summary, the latest version or `?version=N`, with the list of versions. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const pub = await publishedCase(await authContext(), locals.actor, { borough: params.borough, incidentId: number(params.case)!, version: number(url.searchParams.get('version')) });
  return {
    panel: pub.panel,
    incidentId: pub.incidentId,
    version: pub.version,
    publishedOn: londonDay(pub.publishedAt),
    latest: pub.versions[0].version,
    versions: pub.versions.map((v) => ({ version: v.version, publishedOn: londonDay(v.publishedAt) })),
    summary: pub.summary
  };
};
