import { codeName } from '$core/dashboard/labels.ts';
import type { SampleRecord } from '$core/db/schema.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { isSection60 } from '$core/reviews/reviews.ts';
import type { ReviewContext } from '$core/reviews/samples.ts';
import { authContext } from './auth.ts';
import { serverContext } from './context.ts';

/** The workflow database with the warehouse, for drawing samples. */
export async function reviewContext(): Promise<ReviewContext> {
  const [ctx, server] = await Promise.all([authContext(), serverContext()]);
  return { db: ctx.db, clock: ctx.clock, warehouse: server.warehouse };
}

const london = (d: Date, opts: Intl.DateTimeFormatOptions) => d.toLocaleString('en-GB', { timeZone: 'Europe/London', ...opts });

/** A sampled record's references as the police and the page read them (London local time). */
export function referenceOf(r: SampleRecord) {
  return {
    id: r.id,
    position: r.position,
    recordId: r.recordId,
    date: london(r.occurredAt, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    time: london(r.occurredAt, { hour: '2-digit', minute: '2-digit' }),
    place: r.latitude === null || r.longitude === null ? 'not recorded' : `${r.latitude.toFixed(5)}, ${r.longitude.toFixed(5)}`,
    street: r.street,
    power: codeName('legislation', r.legislation),
    section60: isSection60(r),
    object: codeName('object', r.object),
    outcome: codeName('outcome', r.outcome),
    policeResponse: r.policeResponse
  };
}

/** The CSV of references: one row per encounter, what the police need to find the footage. */
export function referenceRows(records: SampleRecord[]) {
  return records.map((r) => ({
    reference: r.position,
    record_id: r.recordId,
    datetime_utc: r.occurredAt.toISOString().replace('.000Z', 'Z'),
    london_date: londonDay(r.occurredAt),
    london_time: london(r.occurredAt, { hour: '2-digit', minute: '2-digit' }),
    latitude: r.latitude,
    longitude: r.longitude,
    street: r.street ?? '',
    legislation: codeName('legislation', r.legislation),
    object_of_search: codeName('object', r.object),
    outcome: codeName('outcome', r.outcome)
  }));
}
