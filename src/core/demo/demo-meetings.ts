import type { Actor } from '../access/actor.ts';
import type { WorkflowContext } from '../audit/write.ts';
import { addAgendaItem, refreshMattersArising } from '../meetings/agenda.ts';
import { addGuest, declareInterest, recordAttendance } from '../meetings/attendance.ts';
import { scheduleMeeting } from '../meetings/meetings.ts';
import { approveMinutes, publishMinutes, saveMinutes } from '../meetings/minutes.ts';
import { getMeeting } from '../meetings/record.ts';
import { londonDay, nextDay } from '../questions/working-days.ts';

/**
 * The demonstration panel's meetings: one two months ago whose minutes were approved at last
 * month's meeting and published (public and confidential items, attendance, a declaration, two
 * versions); last month's, its minutes drafted; and one in a fortnight with its matters arising.
 */
export async function demoMeetings(ctx: WorkflowContext, people: { clerk: Actor; chair: Actor }, ids: Record<string, string>, panelId: number, place: string): Promise<number> {
  const { clerk, chair } = people;
  const today = londonDay(ctx.clock.now());
  const meeting = async (days: number) => {
    const day = nextDay(today, days);
    const month = new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return scheduleMeeting(ctx, clerk, { panelId, title: `[Demo] Panel meeting, ${month}`, day, time: '18:30', place: `${place} (demonstration)` });
  };
  const earlier = await meeting(-56);
  const last = await meeting(-28);
  const next = await meeting(14);

  const ref = { panelId, meetingId: earlier.id };
  const welcome = await addAgendaItem(ctx, clerk, { ...ref, title: 'Welcome, apologies and declarations of interest' });
  const data = await addAgendaItem(ctx, clerk, { ...ref, title: 'Stop and search: the monthly data pack', description: 'The panel reviews the borough’s figures against London. (Demonstration item.)' });
  const market = await addAgendaItem(ctx, clerk, { ...ref, title: 'The market operation: what residents were told', description: 'With the borough commander. (Demonstration item.)' });
  const caseItem = await addAgendaItem(ctx, clerk, { ...ref, title: 'A complaint about a search of a named young person', confidential: true });
  await recordAttendance(ctx, clerk, {
    ...ref,
    entries: [
      { userId: ids.chair, status: 'present' },
      { userId: ids.clerk, status: 'present' },
      { userId: ids.member, status: 'present' },
      { userId: ids.youth, status: 'present' },
      { userId: ids.police, status: 'present' }
    ]
  });
  await addGuest(ctx, clerk, { ...ref, name: 'Demo Borough Commander (fictional)', role: 'Borough Commander', status: 'present' });
  const record = await getMeeting(ctx, clerk, ref);
  const youth = record.people.find((p) => p.userId === ids.youth)!;
  await declareInterest(ctx, clerk, { ...ref, itemId: market.id, attendanceId: youth.attendanceId, nature: 'Volunteers at a youth club near the market. (Demonstration.)' });
  const entries = (extra: string) => [
    { itemId: welcome.id, publicText: `The chair welcomed members and the borough commander.${extra}`, confidentialText: '' },
    { itemId: data.id, publicText: 'Searches rose by a fifth on the month before. The panel will ask why (see the question "Rise in searches").', confidentialText: '' },
    { itemId: market.id, publicText: 'The commander explained how residents were told about the operation. The panel asked for leaflets in more languages next time.', confidentialText: 'The commander named the officers who led the operation.' },
    { itemId: caseItem.id, publicText: '', confidentialText: 'The panel discussed the complaint and will follow it up with the professional standards department. (Fictional.)' }
  ];
  await saveMinutes(ctx, clerk, { ...ref, entries: entries('') });
  await saveMinutes(ctx, chair, { ...ref, entries: entries(' A youth member declared an interest in item 3.'), note: 'Added the declaration, as the chair asked.' });

  const lastRef = { panelId, meetingId: last.id };
  const minutesItem = await addAgendaItem(ctx, clerk, { ...lastRef, title: 'Minutes of the previous meeting' });
  await recordAttendance(ctx, clerk, { ...lastRef, entries: [{ userId: ids.chair, status: 'present' }, { userId: ids.clerk, status: 'present' }, { userId: ids.member, status: 'present' }, { userId: ids.youth, status: 'apologies' }] });
  await approveMinutes(ctx, chair, { ...ref, atMeetingId: last.id });
  await publishMinutes(ctx, clerk, ref);
  await saveMinutes(ctx, clerk, { ...lastRef, entries: [{ itemId: minutesItem.id, publicText: 'The minutes of the previous meeting were approved as a true record.', confidentialText: '' }] });

  const nextRef = { panelId, meetingId: next.id };
  await addAgendaItem(ctx, clerk, { ...nextRef, title: 'Welcome, apologies and declarations of interest' });
  await addAgendaItem(ctx, clerk, { ...nextRef, title: 'Minutes of the previous meeting' });
  await refreshMattersArising(ctx, clerk, nextRef);
  await addAgendaItem(ctx, clerk, { ...nextRef, title: 'Any other business' });
  return 3;
}
