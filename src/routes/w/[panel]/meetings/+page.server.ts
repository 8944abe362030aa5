import { can } from '$core/access/require-access.ts';
import { listMeetings, quorumRule, scheduleMeeting, setQuorumRule } from '$core/meetings/meetings.ts';
import { quorumNeeded, quorumRuleWords } from '$core/meetings/quorum.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { authContext } from '$lib/server/auth.ts';
import { formFailure, textFields } from '$lib/server/forms.ts';
import { meetingForPage } from '$lib/server/meeting-page.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const [meetings, rule] = await Promise.all([listMeetings(ctx, locals.actor, panel.id), quorumRule(ctx, locals.actor, panel.id)]);
  const all = meetings.map(meetingForPage);
  return {
    panel: { name: panel.name, slug: panel.slug },
    upcoming: all.filter((m) => m.status === 'scheduled'),
    past: all.filter((m) => m.status !== 'scheduled').reverse(),
    rule: { divisor: rule.divisor, minimum: rule.minimum, voting: rule.voting, needed: quorumNeeded(rule, rule.voting), words: quorumRuleWords(rule) },
    may: { schedule: can(locals.actor, 'meeting.schedule', { panelId: panel.id }), quorum: can(locals.actor, 'meeting.quorum-rule', { panelId: panel.id }) }
  };
};

export const actions: Actions = {
  schedule: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['title', 'day', 'time', 'place', 'onlineLink']);
    const ctx = await authContext();
    let id: number;
    try {
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      id = (await scheduleMeeting(ctx, locals.actor, { panelId: panel.id, ...values })).id;
    } catch (err) {
      return formFailure(err, { ...values, form: 'schedule' });
    }
    redirect(303, `/w/${params.panel}/meetings/${id}`);
  },

  quorum: async ({ request, locals, params }) => {
    const values = textFields(await request.formData(), ['divisor', 'minimum']);
    try {
      const ctx = await authContext();
      const panel = await panelBySlug(ctx, locals.actor, params.panel);
      await setQuorumRule(ctx, locals.actor, { panelId: panel.id, ...values });
      return { done: 'quorum' };
    } catch (err) {
      return formFailure(err, { ...values, form: 'quorum' });
    }
  }
};
