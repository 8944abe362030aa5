import { idFromAddress } from '$lib/server/address.ts';
import {
  addClaim,
  addEvent,
  addJusticeOutcome,
  addPlace,
  addReferral,
  addSource,
  decideClaim,
  editIncident,
  linkQuestion,
  relateClaims,
  updateReferral
} from '$core/cases/cases.ts';
import { getCase } from '$core/cases/read.ts';
import {
  claimRelationKinds,
  claimStatuses,
  incidentKinds,
  investigationModes,
  justiceOutcomeKinds,
  referralBodies,
  referralOutcomes,
  referralStatuses,
  sourceKinds
} from '$core/db/schema.ts';
import { listQuestions } from '$core/questions/questions.ts';
import type { Actor } from '$core/access/actor.ts';
import { caseRef } from '$lib/server/case-page.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { ctx, panel, ref } = await caseRef(locals.actor, params);
  const view = await getCase(ctx, locals.actor, ref);
  const i = view.incident;
  const linked = new Set(view.questions.map((q) => q.id));
  return {
    panel: { name: panel.name, slug: panel.slug },
    incident: { id: i.id, title: i.title },
    incidentValues: { title: i.title, summary: i.summary, startsOn: i.startsOn, startsAt: i.startsAt ?? '', endsOn: i.endsOn ?? '', endsAt: i.endsAt ?? '', kinds: i.kinds.join('\n') },
    sources: view.sources.map((s) => ({ id: s.id, title: s.title, kind: s.kind, length: s.text.length })),
    claims: view.claims.map((c) => ({ id: c.id, label: `Claim ${c.id}: ${c.claimant}: ${c.text.length > 80 ? c.text.slice(0, 79) + '…' : c.text}`, status: c.status })),
    referrals: view.referrals,
    questions: (await listQuestions(ctx, locals.actor, panel.id)).filter((q) => !linked.has(q.id)).map((q) => ({ id: q.id, title: q.title })),
    choices: { incidentKinds, sourceKinds, claimStatuses, claimRelationKinds, referralBodies, investigationModes, referralStatuses, referralOutcomes, justiceOutcomeKinds }
  };
};

type Work = (ctx: Awaited<ReturnType<typeof caseRef>>['ctx'], actor: Actor, ref: { panelId: number; incidentId: number }, values: Record<string, string>, form: FormData) => Promise<unknown>;

/**
 * One form of the page: its fields come back after a refusal, tagged with the form's name so the
 * page shows the problem beside that form only.
 */
function formAction(name: string, fields: readonly string[], done: (values: Record<string, string>) => string, work: Work) {
  return async ({ request, locals, params }: RequestEvent) => {
    const form = await request.formData();
    const values: Record<string, string> = { ...textFields(form, fields), form: name };
    for (const many of ['kinds', 'sourceIds']) if (form.has(many)) values[many] = list(form, many).join('\n');
    try {
      const { ctx, ref } = await caseRef(locals.actor, params);
      await work(ctx, locals.actor, ref, values, form);
    } catch (err) {
      return formFailure(err, values);
    }
    return { form: name, done: done(values) };
  };
}

const referralFields = ['body', 'reference', 'referredOn', 'mode', 'status', 'outcome', 'outcomeOn', 'reviewRequestedOn', 'reviewOutcome', 'notes'] as const;

const list = (form: FormData, name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');

export const actions: Actions = {
  incident: formAction('incident', ['title', 'summary', 'startsOn', 'startsAt', 'endsOn', 'endsAt'], () => 'The incident is changed.', (ctx, actor, ref, v, form) =>
    editIncident(ctx, actor, { ...ref, ...v, kinds: list(form, 'kinds') })
  ),
  place: formAction('place', ['name', 'latitude', 'longitude'], (v) => `Place added: ${v.name}.`, (ctx, actor, ref, v) => addPlace(ctx, actor, { ...ref, ...v })),
  source: formAction('source', ['kind', 'title', 'publisher', 'author', 'url', 'publishedOn', 'text'], (v) => `Source added: ${v.title}.`, async (ctx, actor, ref, v, form) => {
    const file = form.get('file');
    const upload = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    return addSource(ctx, actor, { ...ref, ...v, file: upload });
  }),
  claim: formAction('claim', ['sourceId', 'claimant', 'text', 'quote', 'spanStart', 'spanEnd'], () => 'Claim added.', (ctx, actor, ref, v) => addClaim(ctx, actor, { ...ref, ...v })),
  decide: formAction('decide', ['claimId', 'status', 'reason'], (v) => `Claim ${v.claimId} is now ${v.status}.`, (ctx, actor, ref, v) => decideClaim(ctx, actor, { ...ref, ...v })),
  relate: formAction('relate', ['fromClaimId', 'kind', 'toClaimId', 'note'], (v) => `Claim ${v.fromClaimId} ${v.kind} claim ${v.toClaimId}.`, (ctx, actor, ref, v) =>
    relateClaims(ctx, actor, { ...ref, ...v })
  ),
  event: formAction('event', ['occurredOn', 'occurredAt', 'description'], () => 'Event added to the timeline.', (ctx, actor, ref, v, form) =>
    addEvent(ctx, actor, { ...ref, ...v, sourceIds: list(form, 'sourceIds') })
  ),
  referral: formAction('referral', referralFields, () => 'Referral recorded.', (ctx, actor, ref, v) => addReferral(ctx, actor, { ...ref, ...v })),
  updateReferral: formAction('updateReferral', ['referralId', ...referralFields], () => 'Referral updated.', (ctx, actor, ref, v) =>
    updateReferral(ctx, actor, { ...ref, ...v, referralId: idFromAddress(v.referralId) })
  ),
  outcome: formAction('outcome', ['kind', 'occurredOn', 'people', 'description', 'sourceId'], (v) => `Recorded: ${v.kind}.`, (ctx, actor, ref, v) => addJusticeOutcome(ctx, actor, { ...ref, ...v })),
  link: formAction('link', ['questionId'], () => 'Question linked to the case.', (ctx, actor, ref, v) => linkQuestion(ctx, actor, { ...ref, ...v }))
};
