import { can } from '$core/access/require-access.ts';
import { recordsNearCase } from '$core/cases/nearby.ts';
import { getCase } from '$core/cases/read.ts';
import { listEvidence } from '$core/cases/evidence.ts';
import { caseRef } from '$lib/server/case-page.ts';
import { serverContext } from '$lib/server/context.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { ctx, panel, ref } = await caseRef(locals.actor, params);
  const view = await getCase(ctx, locals.actor, ref);
  const nearby = await recordsNearCase({ ...ctx, warehouse: (await serverContext()).warehouse }, locals.actor, ref);
  const raise = new URLSearchParams({ case: String(ref.incidentId) });
  return {
    panel: { name: panel.name, slug: panel.slug },
    incident: view.incident,
    places: view.places,
    // The overview shows what a source is and its hash; its full text stays on the server.
    sources: view.sources.map(({ text, ...s }) => ({ ...s, text: text !== '' })),
    events: view.events,
    claims: view.claims,
    accounts: view.accounts.map((a) => ({ sourceId: a.source.id, claimIds: a.claims.map((c) => c.id) })),
    referrals: view.referrals,
    outcomes: view.outcomes,
    questions: view.questions,
    evidence: (await listEvidence(ctx, locals.actor, ref)).length,
    nearby: { ...nearby, unusual: nearby.unusual.map((d) => ({ date: d.date, area: d.area, count: d.count, baseline: d.baseline, ratio: d.ratio })) },
    mayEdit: can(locals.actor, 'case.edit', { panelId: panel.id }),
    mayPublish: can(locals.actor, 'case.publish', { panelId: panel.id }),
    mayRaise: can(locals.actor, 'case.link-question', { panelId: panel.id }) && can(locals.actor, 'question.draft', { panelId: panel.id }),
    raiseLink: `/w/${panel.slug}/questions?${raise}`
  };
};
