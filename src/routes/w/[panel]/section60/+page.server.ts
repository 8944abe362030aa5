import { redirect } from '@sveltejs/kit';
import { can } from '$core/access/require-access.ts';
import { policeRanks, section60Grounds } from '$core/db/schema.ts';
import { meetingTime } from '$core/meetings/time.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { groundsLabels } from '$core/section60/input.ts';
import { publishedRegister, publishRegister } from '$core/section60/publish.ts';
import { boroughWards, listAuthorisations, recordAuthorisation } from '$core/section60/register.ts';
import { hoursText, rankLabels } from '$core/section60/rules.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { areaSummary } from '$lib/server/section60.ts';
import { reviewContext } from '$lib/server/reviews.ts';
import type { Actions, PageServerLoad } from './$types';

const names = ['reference', 'officer', 'rank', 'startDay', 'startTime', 'endDay', 'endTime', 'polygon', 'groundsKind', 'grounds'] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await reviewContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const list = await listAuthorisations(ctx, locals.actor, panel.id);
  const mayRecord = can(locals.actor, 'section60.record', { panelId: panel.id });
  return {
    panel: { name: panel.name, slug: panel.slug },
    mayRecord,
    mayPublish: can(locals.actor, 'section60.publish', { panelId: panel.id }),
    published: (await publishedRegister(ctx, locals.actor, { borough: panel.slug })).versions.length,
    wards: mayRecord ? await boroughWards(ctx, locals.actor, panel.id) : [],
    ranks: policeRanks.map((value) => ({ value, label: rankLabels[value] })),
    grounds: section60Grounds.map((value) => ({ value, label: groundsLabels[value] })),
    authorisations: list.map((a) => ({
      id: a.id,
      reference: a.reference,
      starts: meetingTime(a.startsAt),
      ends: meetingTime(a.effectiveEnd),
      hours: hoursText(a.hours),
      extended: a.extension !== null,
      area: areaSummary(a),
      searches: a.searches
    }))
  };
};

export const actions: Actions = {
  record: async ({ request, locals, params }) => {
    const form = await request.formData();
    const values = textFields(form, names);
    const wards = form.getAll('wards').filter((w): w is string => typeof w === 'string');
    let id: number;
    try {
      const ctx = await reviewContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      id = (await recordAuthorisation(ctx, locals.actor, { panelId: panel.id, ...values, wards } as Parameters<typeof recordAuthorisation>[2])).id;
    } catch (err) {
      return formFailure(err, { ...values, wards: wards.join('\n') });
    }
    redirect(303, `/w/${params.panel}/section60/${id}`);
  },
  publish: async ({ locals, params }) => {
    try {
      const ctx = await reviewContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      const pub = await publishRegister(ctx, locals.actor, panel.id);
      return { published: pub.version };
    } catch (err) {
      return formFailure(err, { form: 'publish' });
    }
  }
};
