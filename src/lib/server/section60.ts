import { codeName, ethnicGroupName } from '$core/dashboard/labels.ts';
import { londonDayAndTime } from '$core/meetings/time.ts';
import type { Share, Section60Search } from '$core/section60/searches.ts';

/** A section 60 search as the page and its CSV show it: London date and time, place, ward by name, codes in words. */
export function searchRow(s: Section60Search, wardNames: Map<string, string>) {
  const { day, time } = londonDayAndTime(new Date(s.datetime));
  return {
    record_id: s.id,
    datetime_utc: s.datetime,
    london_date: day,
    london_time: time,
    place: s.street ?? (s.latitude === null || s.longitude === null ? 'not recorded' : `${s.latitude.toFixed(5)}, ${s.longitude.toFixed(5)}`),
    latitude: s.latitude,
    longitude: s.longitude,
    ward: s.ward ? (wardNames.get(s.ward) ?? s.ward) : 'not placed',
    object_of_search: codeName('object', s.object),
    outcome: codeName('outcome', s.outcome),
    found: s.found === null ? 'not recorded' : s.found ? 'yes' : 'no',
    age_range: codeName('age_range', s.age),
    ethnicity_group: ethnicGroupName(s.ethnicGroup)
  };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** "3 of 4 · too few to say" or "12 of 15 · 80.0% (54.8% to 93.0%)". */
export function shareText(s: Share) {
  return {
    count: `${s.count} of ${s.known}`,
    share: s.known === 0 ? 'none recorded' : s.share === null ? 'too few to say' : pct(s.share),
    interval: s.ci95 && s.share !== null ? `${pct(s.ci95[0])} to ${pct(s.ci95[1])}` : ''
  };
}


/** "Dalston, Hackney Central", "Dalston and a pasted area", "a pasted area". */
export function areaSummary(a: { wards: { name: string }[]; polygon: unknown }): string {
  const names = a.wards.map((w) => w.name);
  if (a.polygon) names.push(names.length ? 'a pasted area' : 'A pasted area');
  return names.length > 1 && a.polygon ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join(', ');
}
