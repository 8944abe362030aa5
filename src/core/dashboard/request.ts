import { z } from 'zod';
import { Invalid } from '../errors.ts';
import { groupings, type Grouping } from '../police-data/ethnicity.ts';
import type { Ethnicity } from './labels.ts';

/**
 * The query string of the dashboard pages (`/`, `/b/[borough]` and its data downloads). A blank
 * form field means "not given", so an unchanged GET form gives the defaults.
 */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const month = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use a month written YYYY-MM, e.g. 2023-07')
    .optional()
);

export const dashboardQuerySchema = z.object({
  from: month,
  to: month,
  grouping: z.preprocess(blank, z.enum(groupings, { message: `choose one of ${groupings.join(', ')}` }).default('census2021')),
  ethnicity: z.preprocess(blank, z.enum(['self', 'officer'], { message: 'choose self or officer' }).default('self'))
});

/** The figures the London map can be coloured by. */
export const mapMetrics = ['searches', 'rate_ratio', 'arrest_rate'] as const;
export type MapMetric = (typeof mapMetrics)[number];

export const mapQuerySchema = z.object({
  from: month,
  to: month,
  metric: z.preprocess(blank, z.enum(mapMetrics, { message: `choose one of ${mapMetrics.join(', ')}` }).default('searches'))
});

export interface DashboardQuery {
  /** YYYY-MM; both undefined means the latest loaded month. */
  from?: string;
  to?: string;
  grouping: Grouping;
  ethnicity: Ethnicity;
}

export interface MapQuery {
  from?: string;
  to?: string;
  metric: MapMetric;
}

function parse<T>(schema: z.ZodType<T>, raw: Record<string, unknown>): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const name = String(issue.path[0] ?? 'parameters');
  const given = raw[name];
  throw new Invalid(`${name}: ${issue.message}${typeof given === 'string' ? ` (got "${given.slice(0, 40)}")` : ''}.`, {
    parameter: name,
    issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  });
}

/** Validates the dashboard's query parameters; a bad one is named in the error. */
export function parseDashboardQuery(raw: Record<string, unknown>): DashboardQuery {
  const q = parse(dashboardQuerySchema, raw);
  const [from, to] = ordered(q.from, q.to);
  return { from, to, grouping: q.grouping, ethnicity: q.ethnicity === 'self' ? 'self_defined_ethnicity' : 'officer_defined_ethnicity' };
}

export function parseMapQuery(raw: Record<string, unknown>): MapQuery {
  const q = parse(mapQuerySchema, raw);
  const [from, to] = ordered(q.from, q.to);
  return { from, to, metric: q.metric };
}

/** One month given stands for both ends; an end before the start is an error, not a swap. */
function ordered(from: string | undefined, to: string | undefined): [string | undefined, string | undefined] {
  const f = from ?? to;
  const t = to ?? from;
  if (f && t && t < f) throw new Invalid(`to: the period ends (${t}) before it starts (${f}).`, { parameter: 'to' });
  return [f, t];
}

/** The query string that gives the same view: defaults are left out, so URLs stay short. */
export function dashboardSearch(q: { from: string; to: string; grouping: Grouping; ethnicity: Ethnicity }, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  p.set('from', q.from);
  if (q.to !== q.from) p.set('to', q.to);
  if (q.grouping !== 'census2021') p.set('grouping', q.grouping);
  if (q.ethnicity !== 'self_defined_ethnicity') p.set('ethnicity', 'officer');
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}
