import { segments } from '$core/extract/highlight.ts';
import { reviewSuggestions, suggestionItems } from '$core/extract/review.ts';
import { suggestFromSource } from '$core/extract/suggest.ts';
import type { Actor } from '$core/access/actor.ts';
import { can } from '$core/access/require-access.ts';
import { getCase, listCases } from '$core/cases/read.ts';
import { defaultSaveAs, saveSuggestions, saveAsChoices, type SaveAs } from '$core/cases/save-suggestions.ts';
import { sourceKinds } from '$core/db/schema.ts';
import { isRowId } from '$core/db/ids.ts';
import { Invalid } from '$core/errors.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { authContext } from '$lib/server/auth.ts';
import { caseContext } from '$lib/server/case-page.ts';
import { serverContext } from '$lib/server/context.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const sourceFields = ['kind', 'title', 'publisher', 'author', 'url', 'publishedOn'] as const;

/** With `?case=ID` the suggestions can be saved into that case; with `&source=ID` too, the text is that source's. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const panel = await panelBySlug(await authContext(), locals.actor, params.panel);
  const maySave = can(locals.actor, 'case.edit', { panelId: panel.id });
  const ctx = await caseContext();
  const cases = maySave ? (await listCases(ctx, locals.actor, panel.id)).map((c) => ({ id: c.id, title: c.title })) : [];
  const caseId = Number(url.searchParams.get('case'));
  const sourceId = Number(url.searchParams.get('source'));
  // The forms post to "?/action", which drops the query: the case and source travel in hidden fields from here on.
  let from: { caseId: number; sourceId: number | null; sourceTitle: string; text: string; published: string } | null = null;
  if (maySave && isRowId(caseId) && cases.some((c) => c.id === caseId)) {
    const view = await getCase(ctx, locals.actor, { panelId: panel.id, incidentId: caseId });
    const source = isRowId(sourceId) ? view.sources.find((s) => s.id === sourceId && s.text !== '') : undefined;
    from = { caseId, sourceId: source?.id ?? null, sourceTitle: source?.title ?? '', text: source?.text ?? '', published: source?.publishedOn ?? '' };
  }
  return { panel: { name: panel.name, slug: panel.slug }, maySave, cases, from, sourceKinds: [...sourceKinds] };
};

/** Runs the extraction on the posted text: every action does, so the page needs no stored state. */
async function suggest(actor: Actor, slug: string, values: { text: string; published: string }) {
  const panel = await panelBySlug(await authContext(), actor, slug);
  const found = await suggestFromSource(await serverContext(), actor, { panelId: panel.id, text: values.text, published: values.published });
  return { panel, found, suggested: { items: suggestionItems(found), segments: segments(values.text, found) } };
}

/** The clerk's decisions, as posted by the review form (and carried by the save form). */
function decisions(form: FormData, items: { ref: string; value: string }[]) {
  const field = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
  return Object.fromEntries(items.map((i) => [i.ref, { decision: field(`decision-${i.ref}`) ?? 'accept', value: field(`value-${i.ref}`) ?? i.value }])) as Record<string, { decision: string; value: string }>;
}

export const actions: Actions = {
  suggest: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['text', 'published', 'caseId', 'sourceId', 'sourceTitle']);
    try {
      const { suggested } = await suggest(locals.actor, params.panel, values);
      return { values, suggested };
    } catch (err) {
      return formFailure(err, values);
    }
  },

  review: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = textFields(form, ['text', 'published', 'caseId', 'sourceId', 'sourceTitle']);
    let result;
    try {
      result = await suggest(locals.actor, params.panel, values);
    } catch (err) {
      return formFailure(err, values);
    }
    const { found, suggested } = result;
    const choices = decisions(form, suggested.items);
    try {
      const reviewed = reviewSuggestions(found, (ref) => choices[ref]);
      const saveAs = Object.fromEntries(reviewed.map((r) => [r.ref, defaultSaveAs(r, values.text)]));
      return { values, suggested, choices, reviewed, saveAs };
    } catch (err) {
      // Keep the suggestions and the clerk's choices on the page, with the problem at the top.
      const failure = formFailure(err, values);
      return fail(failure.status, { ...failure.data, suggested, choices });
    }
  },

  /** Saves what was kept into a case: the text is an existing source of it, or becomes a new one. */
  save: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = textFields(form, ['text', 'published', 'caseId', 'sourceId', 'sourceTitle']);
    const source = textFields(form, sourceFields);
    let result;
    try {
      result = await suggest(locals.actor, params.panel, values);
    } catch (err) {
      return formFailure(err, values);
    }
    const { panel, found, suggested } = result;
    const choices = decisions(form, suggested.items);
    const saveAs = Object.fromEntries(suggested.items.map((i) => [i.ref, String(form.get(`as-${i.ref}`) ?? '')]));
    const coordinates = Object.fromEntries(suggested.items.map((i) => [i.ref, { lat: String(form.get(`lat-${i.ref}`) ?? ''), lon: String(form.get(`lon-${i.ref}`) ?? '') }]));
    let reviewed;
    try {
      reviewed = reviewSuggestions(found, (ref) => choices[ref]);
      const caseId = Number(values.caseId);
      if (!isRowId(caseId)) throw new Invalid('Choose the case to save into.', { field: 'caseId' });
      const items = reviewed
        .filter((r) => r.decision !== 'reject')
        .map((r) => ({ ref: r.ref, kind: r.kind, value: r.value, text: r.text, start: r.start, end: r.end, as: ((saveAsChoices as readonly string[]).includes(saveAs[r.ref]) ? saveAs[r.ref] : defaultSaveAs(r, values.text)) as SaveAs, latitude: coordinates[r.ref]?.lat, longitude: coordinates[r.ref]?.lon }));
      const sourceId = values.sourceId ? Number(values.sourceId) : null;
      const saved = await saveSuggestions(await caseContext(), locals.actor, {
        panelId: panel.id,
        incidentId: caseId,
        sourceId,
        source: sourceId === null ? { ...source, publishedOn: source.publishedOn || values.published } : null,
        text: values.text,
        items
      });
      return { values, saved: { ...saved, path: `/w/${panel.slug}/cases/${caseId}` } };
    } catch (err) {
      const failure = formFailure(err, { ...values, ...source });
      return fail(failure.status, { ...failure.data, suggested, choices, reviewed, saveAs, coordinates });
    }
  }
};
