import { json } from '@sveltejs/kit';
import { unusualCsv } from '$core/figures/format.ts';
import { parseFigureQuery } from '$core/figures/request.ts';
import { findUnusualDays } from '$core/figures/unusual.ts';
import { serverContext } from '$lib/server/context.ts';
import { csvResponse } from '$lib/server/csv.ts';
import type { RequestHandler } from './$types';

/** Unusual days of an area and its wards (public data). `?format=csv` for CSV. */
export const GET: RequestHandler = async ({ url }) => {
  const q = parseFigureQuery(Object.fromEntries(url.searchParams));
  const r = await findUnusualDays((await serverContext()).warehouse, q);
  if (q.format === 'csv') return csvResponse(unusualCsv(r.days), `unusual-${r.area.code}-${r.period.from}-${r.period.to}.csv`);
  return json({ area: r.area, period: r.period, days: r.days });
};
