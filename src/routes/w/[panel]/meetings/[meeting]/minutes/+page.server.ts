import { idFromAddress } from '$lib/server/address.ts';
import { can } from '$core/access/require-access.ts';
import { NotFound } from '$core/errors.ts';
import { approveMinutes, getMinutes, publishMinutes, saveMinutes } from '$core/meetings/minutes.ts';
import { meetingTime } from '$core/meetings/time.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { authContext } from '$lib/server/auth.ts';
import { meetingAction, meetingForPage } from '$lib/server/meeting-page.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const asked = url.searchParams.get('version');
  if (asked !== null && !/^\d{1,6}$/.test(asked)) throw new NotFound('There is no such version of these minutes.');
  const rec = await getMinutes(ctx, locals.actor, { panelId: panel.id, meetingId: idFromAddress(params.meeting), version: asked === null ? undefined : Number(asked) });
  const minutes = rec.record.minutes;
  const may = (action: Parameters<typeof can>[1]) => can(locals.actor, action, { panelId: panel.id });
  const draft = rec.record.meeting.status !== 'cancelled' && (minutes === null || minutes.status === 'draft');
  const current = !rec.shown || rec.shown.version === minutes?.currentVersion;
  return {
    panel: { name: panel.name, slug: panel.slug },
    meeting: meetingForPage(rec.record.meeting),
    items: rec.record.items.map((i) => ({ id: i.id, number: i.number, title: i.title, confidential: i.confidential, declarations: i.declarations })),
    minutes: minutes
      ? {
          status: minutes.status,
          currentVersion: minutes.currentVersion,
          approvedVersion: minutes.approvedVersion,
          approvedAt: minutes.approvedAtMeeting ? { id: minutes.approvedAtMeeting.id, title: minutes.approvedAtMeeting.title, when: meetingTime(minutes.approvedAtMeeting.startsAt) } : null,
          approvedBy: minutes.approvedBy
        }
      : null,
    versions: rec.versions.map((v) => ({ version: v.version, author: v.authorLabel, at: meetingTime(v.createdAt), note: v.note })),
    shown: rec.shown ? { version: rec.shown.version, entries: rec.shown.entries, author: rec.shown.authorLabel, at: meetingTime(rec.shown.createdAt), current } : null,
    approvers: rec.approvers.map((a) => ({ id: a.id, title: a.title, when: meetingTime(a.startsAt) })),
    may: {
      draft: may('minutes.draft') && draft && current,
      approve: may('minutes.approve') && minutes?.status === 'draft',
      publish: may('minutes.publish') && minutes?.status === 'approved'
    }
  };
};

/** Each item's two parts are named public:<item id> and confidential:<item id>. */
function entries(d: FormData) {
  const text = (name: string) => (typeof d.get(name) === 'string' ? (d.get(name) as string) : '');
  const ids = new Set([...d.keys()].filter((k) => /^(public|confidential):\d+$/.test(k)).map((k) => Number(k.split(':')[1])));
  const typed: Record<string, string> = {};
  for (const id of ids) for (const part of ['public', 'confidential']) typed[`${part}:${id}`] = text(`${part}:${id}`);
  return { entries: [...ids].map((itemId) => ({ itemId, publicText: text(`public:${itemId}`), confidentialText: text(`confidential:${itemId}`) })), ...typed };
}

export const actions: Actions = {
  save: meetingAction('save', ['note'], saveMinutes, entries),
  approve: meetingAction('approve', ['atMeetingId'], approveMinutes),
  publish: meetingAction('publish', [], publishMinutes)
};
