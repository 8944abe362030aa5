import { idFromAddress } from '$lib/server/address.ts';
import type { Actor } from '$core/access/actor.ts';
import type { WorkflowContext } from '$core/audit/write.ts';
import type { MeetingView } from '$core/meetings/meetings.ts';
import { londonDayAndTime, meetingTime } from '$core/meetings/time.ts';
import { panelIdBySlug } from '$core/panels/panels.ts';
import type { RequestEvent } from '@sveltejs/kit';
import { authContext } from './auth.ts';
import { formFailure, textFields } from './forms.ts';


export const statusWords = { scheduled: 'scheduled', held: 'held', cancelled: 'cancelled' } as const;
export const minutesWords = { draft: 'minutes drafted, not yet approved', approved: 'minutes approved, not yet published', published: 'minutes published' } as const;

/** A meeting as pages show it: times already in words, in London time. */
export function meetingForPage(m: MeetingView) {
  return {
    id: m.id,
    title: m.title,
    when: meetingTime(m.startsAt),
    ...londonDayAndTime(m.startsAt),
    place: m.place,
    onlineLink: m.onlineLink,
    status: m.status,
    cancelReason: m.cancelReason,
    minutesStatus: m.minutesStatus
  };
}

type Use = (ctx: WorkflowContext, actor: Actor, input: Record<string, unknown> & { panelId: number; meetingId: number }) => Promise<unknown>;

/**
 * A form action of a meeting's pages: the named fields (and whatever `extra` makes of the form)
 * go to the use case with the panel and meeting; a failure says which form failed and keeps what
 * was typed.
 */
export function meetingAction(form: string, fields: string[], use: Use, extra: (data: FormData) => Record<string, unknown> = () => ({})) {
  return async ({ request, locals, params }: RequestEvent<{ panel: string; meeting: string }>) => {
    const data = await request.formData();
    const values = textFields(data, fields);
    const more = extra(data);
    try {
      const ctx = await authContext();
      await use(ctx, locals.actor, { ...values, ...more, panelId: await panelIdBySlug(ctx, params.panel), meetingId: idFromAddress(params.meeting) });
      return { done: form };
    } catch (err) {
      const typed = Object.fromEntries(Object.entries(more).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      return formFailure(err, { ...values, ...typed, form });
    }
  };
}
