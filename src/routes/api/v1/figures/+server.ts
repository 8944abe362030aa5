import { json } from '@sveltejs/kit';
import { computeFigures } from '$core/figures/compute.ts';
import { figuresCsv } from '$core/figures/format.ts';
import { parseFigureQuery, toFigureRequest } from '$core/figures/request.ts';
import { serverContext } from '$lib/server/context.ts';
import { csvResponse } from '$lib/server/csv.ts';
import type { RequestHandler } from './$types';

/** The figure objects of METRICS.md for an area and period (public data). `?format=csv` for CSV. */
export const GET: RequestHandler = async ({ url }) => {
  const q = parseFigureQuery(Object.fromEntries(url.searchParams));
  const set = await computeFigures((await serverContext()).warehouse, toFigureRequest(q));
  if (q.format === 'csv') return csvResponse(figuresCsv(set.figures), `figures-${set.context.area.code}-${set.context.period.from}-${set.context.period.to}.csv`);
  return json(set);
};
