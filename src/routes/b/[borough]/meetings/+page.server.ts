import { publishedMinutesList } from '$core/meetings/minutes.ts';
import { meetingTime } from '$core/meetings/time.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

/** Public: the published snapshots only, never the workspace's minutes. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const list = await publishedMinutesList(await authContext(), locals.actor, params.borough);
  return {
    panel: { name: list.panel.name, slug: list.panel.slug },
    minutes: list.minutes.map((m) => ({ meetingId: m.meetingId, title: m.published.title, when: meetingTime(new Date(m.published.startsAt)), items: m.published.items.length }))
  };
};
