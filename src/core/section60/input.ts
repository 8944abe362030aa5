import { z } from 'zod';
import { optionalText, text, timeOfDay, urlInput } from '../cases/input.ts';
import { noticeMedia, policeRanks, section60Grounds } from '../db/schema.ts';
import type { AreaGeometry } from '../geo/types.ts';
import { day } from '../questions/input.ts';

export const groundsLabels: Record<(typeof section60Grounds)[number], string> = {
  violence_anticipated: 'Serious violence may take place (s60(1)(a))',
  violence_occurred: 'Serious violence has taken place and a weapon used is being carried (s60(1)(aa))',
  weapons_carried: 'People are carrying dangerous instruments or offensive weapons (s60(1)(b))'
};

export const mediumLabels: Record<(typeof noticeMedia)[number], string> = {
  social_media: 'Social media',
  website: 'Website',
  leaflets: 'Leaflets',
  press: 'Press or broadcast',
  other: 'Other'
};

const time = z.string({ error: 'Enter a time, like 14:30.' }).pipe(timeOfDay);
const rank = z.enum(policeRanks, { error: 'Choose the rank.' });
const wardCode = z.string().trim().regex(/^[EWSN]\d{8}$/, 'Choose wards from the list.');

/**
 * A pasted area: a GeoJSON Polygon or MultiPolygon in longitude and latitude (WGS84), or a Feature
 * or a FeatureCollection of one feature holding one, as drawing tools such as geojson.io give it.
 */
export function pastedArea(text: string): { area: AreaGeometry } | { problem: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { problem: 'The pasted area is not GeoJSON: paste a Polygon, for example from geojson.io.' };
  }
  const d = doc as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] };
  const geometry = d?.type === 'FeatureCollection' && d.features?.length === 1 ? d.features[0].geometry : d?.type === 'Feature' ? d.geometry : doc;
  const g = geometry as AreaGeometry | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates))
    return { problem: 'The pasted area must be one Polygon or MultiPolygon (a Feature or a collection of one feature holding one is fine).' };
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return { problem: 'The pasted area has a polygon with no outline.' };
    for (const ring of rings as unknown[]) {
      if (!Array.isArray(ring) || ring.length < 4) return { problem: 'Each outline of the pasted area needs at least four points (the last repeating the first).' };
      for (const p of ring as unknown[]) {
        const [lon, lat] = Array.isArray(p) ? (p as unknown[]) : [];
        if (typeof lon !== 'number' || typeof lat !== 'number' || !(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90))
          return { problem: 'The pasted area must give longitude and latitude (WGS84), like [-0.075, 51.546].' };
      }
    }
  }
  return { area: { type: g.type, coordinates: g.coordinates } as AreaGeometry };
}

const polygonText = z
  .preprocess((v) => (v === '' || v === null || v === undefined ? undefined : v), z.string().max(200_000, 'Keep the pasted area under 200,000 characters.').optional())
  .transform((v, ctx) => {
    if (v === undefined) return null;
    const r = pastedArea(v);
    if ('problem' in r) {
      ctx.addIssue({ code: 'custom', message: r.problem });
      return z.NEVER;
    }
    return r.area;
  });

export const authorisationInput = z.object({
  reference: text('the reference', 100),
  officer: optionalText("the officer's name or number", 200),
  rank,
  startDay: day,
  startTime: time,
  endDay: day,
  endTime: time,
  wards: z.preprocess((v) => (v === '' || v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(wardCode)),
  polygon: polygonText,
  groundsKind: z.enum(section60Grounds, { error: 'Choose what the authorisation relies on.' }),
  grounds: text('the grounds stated', 5000)
});
export type AuthorisationInput = z.input<typeof authorisationInput>;

export const extensionInput = z.object({
  officer: optionalText("the officer's name or number", 200),
  rank,
  newEndDay: day,
  newEndTime: time,
  reason: text('the reason for extending', 5000)
});
export type ExtensionInput = z.input<typeof extensionInput>;

export const noticeInput = z.object({
  medium: z.enum(noticeMedia, { error: 'Choose how the public was told.' }),
  noticeDay: day,
  noticeTime: time,
  place: optionalText('where it was published', 500),
  url: urlInput
});
export type NoticeInput = z.input<typeof noticeInput>;
