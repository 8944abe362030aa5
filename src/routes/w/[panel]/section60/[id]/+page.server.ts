import { idFromAddress } from '$lib/server/address.ts';
import { can } from '$core/access/require-access.ts';
import { ethnicGroupName } from '$core/dashboard/labels.ts';
import { noticeMedia, policeRanks } from '$core/db/schema.ts';
import { meetingTime } from '$core/meetings/time.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { boroughByCode } from '$core/panels/boroughs.ts';
import { groundsLabels, mediumLabels } from '$core/section60/input.ts';
import { addNotice, extendAuthorisation, getAuthorisation } from '$core/section60/register.ts';
import { atLeast, hoursText, rankLabels } from '$core/section60/rules.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { reviewContext } from '$lib/server/reviews.ts';
import { areaSummary, searchRow, shareText } from '$lib/server/section60.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await reviewContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const v = await getAuthorisation(ctx, locals.actor, { panelId: panel.id, authorisationId: idFromAddress(params.id) });
  const a = v.authorisation;
  const wardNames = new Map(a.wards.map((w) => [w.code, w.name]));
  const f = v.data.figures;
  return {
    panel: { name: panel.name, slug: panel.slug },
    borough: boroughByCode(panel.boroughCode)?.name ?? panel.name,
    mayRecord: can(locals.actor, 'section60.record', { panelId: panel.id }),
    /** "Ask the police about this": the question form, its finding filled from the authorisation. */
    askLink: can(locals.actor, 'question.draft', { panelId: panel.id })
      ? `/w/${panel.slug}/questions?${new URLSearchParams({
          metric: `Section 60 searches under authorisation ${a.reference}`,
          area: `${boroughByCode(panel.boroughCode)?.name ?? panel.name}: ${areaSummary(a)}`.slice(0, 200),
          period: `${meetingTime(a.startsAt)} to ${meetingTime(v.effectiveEnd)}`,
          value: `${f.searches} searches in the area and time; ${f.outside.total} more that day outside it`
        })}`
      : null,
    ranks: policeRanks.filter((r) => atLeast(r, 'inspector')).map((value) => ({ value, label: rankLabels[value] })),
    media: noticeMedia.map((value) => ({ value, label: mediumLabels[value] })),
    authorisation: {
      id: a.id,
      reference: a.reference,
      officer: a.officer,
      rank: rankLabels[a.rank],
      starts: meetingTime(a.startsAt),
      firstEnd: meetingTime(a.endsAt),
      ends: meetingTime(v.effectiveEnd),
      hours: hoursText(v.hours),
      area: areaSummary(a),
      groundsKind: groundsLabels[a.groundsKind],
      grounds: a.grounds
    },
    extension: v.extension && { officer: v.extension.officer, rank: rankLabels[v.extension.rank], newEnd: meetingTime(v.extension.newEndsAt), reason: v.extension.reason },
    notices: v.notices.map((n) => ({ id: n.id, medium: mediumLabels[n.medium], at: meetingTime(n.noticeAt), place: n.place, url: n.url })),
    missingMonths: v.data.months.filter((m) => !m.loaded).map((m) => m.month),
    searches: v.data.searches.map((s) => searchRow(s, wardNames)),
    figures: {
      searches: f.searches,
      byEthnicity: f.byEthnicity.map((g) => ({ group: ethnicGroupName(g.group), searches: g.searches, ...shareText(g.share) })),
      outcomes: [
        { label: 'No further action', ...shareText(f.noFurtherAction) },
        { label: 'Arrest', ...shareText(f.arrest) },
        { label: 'Find rate (outcome linked to the object of the search)', ...shareText(f.find) }
      ],
      outside: f.outside
    }
  };
};

export const actions: Actions = {
  extend: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['officer', 'rank', 'newEndDay', 'newEndTime', 'reason']);
    try {
      const ctx = await authContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      await extendAuthorisation(ctx, locals.actor, { panelId: panel.id, authorisationId: idFromAddress(params.id), ...(values as object) });
      return { done: 'The extension is recorded.' };
    } catch (err) {
      return formFailure(err, { ...values, form: 'extend' });
    }
  },
  notice: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['medium', 'noticeDay', 'noticeTime', 'place', 'url']);
    try {
      const ctx = await authContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      await addNotice(ctx, locals.actor, { panelId: panel.id, authorisationId: idFromAddress(params.id), ...(values as object) });
      return { done: 'The public notice is recorded.' };
    } catch (err) {
      return formFailure(err, { ...values, form: 'notice' });
    }
  }
};
