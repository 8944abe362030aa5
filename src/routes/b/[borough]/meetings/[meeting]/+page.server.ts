import { NotFound } from '$core/errors.ts';
import { publishedMinutes } from '$core/meetings/minutes.ts';
import { meetingTime } from '$core/meetings/time.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

/** Public: one published snapshot, which holds nothing confidential and no one's name. */
export const load: PageServerLoad = async ({ locals, params }) => {
  if (!/^\d{1,9}$/.test(params.meeting)) throw new NotFound('These minutes have not been published.');
  const { panel, published, publishedAt } = await publishedMinutes(await authContext(), locals.actor, { slug: params.borough, meetingId: Number(params.meeting) });
  return {
    panel: { name: panel.name, slug: panel.slug },
    minutes: {
      ...published,
      when: meetingTime(new Date(published.startsAt)),
      approvedAt: { title: published.approvedAtMeeting.title, when: meetingTime(new Date(published.approvedAtMeeting.startsAt)) },
      publishedOn: meetingTime(publishedAt)
    }
  };
};
