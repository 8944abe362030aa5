import { previewCase, publicationForm, publicSourceKinds, publishCase, type PublishChoices } from '$core/cases/publish.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { caseRef } from '$lib/server/case-page.ts';
import { formFailure } from '$lib/server/forms.ts';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { ctx, panel, ref } = await caseRef(locals.actor, params);
  const { view, choices, versions } = await publicationForm(ctx, locals.actor, ref);
  return {
    panel: { name: panel.name, slug: panel.slug },
    incident: { id: view.incident.id, title: view.incident.title },
    sources: view.sources.map((s) => ({ id: s.id, kind: s.kind, title: s.title, publisher: s.publisher, author: s.author, publicKind: publicSourceKinds.includes(s.kind) })),
    events: view.events.map((e) => ({ id: e.id, occurredOn: e.occurredOn, occurredAt: e.occurredAt, description: e.description })),
    claims: view.claims.map((c) => ({ id: c.id, claimant: c.claimant, text: c.text, status: c.status, sourceId: c.sourceId })),
    referrals: view.referrals.map((r) => ({ id: r.id, body: r.body, status: r.status, referredOn: r.referredOn })),
    outcomes: view.outcomes.map((o) => ({ id: o.id, kind: o.kind, occurredOn: o.occurredOn, people: o.people, description: o.description })),
    choices,
    versions: versions.map((v) => ({ version: v.version, publishedOn: londonDay(v.publishedAt) }))
  };
};

/** The form's choices as the use case takes them: lists of ids, the witness accounts' public texts, the words to redact. */
function chosen(form: FormData) {
  const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string');
  const witnessText = Object.fromEntries([...form.keys()].filter((k) => k.startsWith('witness-')).map((k) => [k.slice('witness-'.length), String(form.get(k) ?? '')]));
  return {
    summary: String(form.get('summary') ?? ''),
    sourceIds: all('sourceIds'),
    eventIds: all('eventIds'),
    claimIds: all('claimIds'),
    referralIds: all('referralIds'),
    outcomeIds: all('outcomeIds'),
    witnessText,
    redact: String(form.get('redact') ?? '')
  };
}

/** What the form shows again after a preview or a refusal: exactly what was chosen. */
function asChoices(raw: ReturnType<typeof chosen>): PublishChoices {
  const nums = (l: string[]) => l.map(Number).filter(Number.isInteger);
  return { ...raw, sourceIds: nums(raw.sourceIds), eventIds: nums(raw.eventIds), claimIds: nums(raw.claimIds), referralIds: nums(raw.referralIds), outcomeIds: nums(raw.outcomeIds), redact: raw.redact.split(/\r?\n/) };
}

export const actions: Actions = {
  preview: async ({ request, locals, params }) => {
    const raw = chosen(await request.formData());
    try {
      const { ctx, ref } = await caseRef(locals.actor, params);
      const { summary } = await previewCase(ctx, locals.actor, { ...ref, ...raw });
      return { choices: asChoices(raw), preview: summary };
    } catch (err) {
      const failure = formFailure(err, {});
      return fail(failure.status, { ...failure.data, choices: asChoices(raw) });
    }
  },
  publish: async ({ request, locals, params }) => {
    const raw = chosen(await request.formData());
    try {
      const { ctx, panel, ref } = await caseRef(locals.actor, params);
      const pub = await publishCase(ctx, locals.actor, { ...ref, ...raw });
      return { choices: asChoices(raw), published: { version: pub.version, path: `/b/${panel.slug}/cases/${ref.incidentId}` } };
    } catch (err) {
      const failure = formFailure(err, {});
      return fail(failure.status, { ...failure.data, choices: asChoices(raw) });
    }
  }
};
