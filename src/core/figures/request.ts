import { z } from 'zod';
import { Invalid } from '../errors.ts';
import { groupings } from '../police-data/ethnicity.ts';
import type { FigureRequest } from './compute.ts';

/** The parameters of figures and unusual days, the same for the CLI and the API. */
export const figureQuerySchema = z.object({
  area: z.string().trim().min(1, 'give an area: a GSS code or name, or a force id'),
  from: z.string().trim().min(1, 'give the first month or day (YYYY-MM or YYYY-MM-DD)'),
  to: z.string().trim().min(1).optional(),
  grouping: z.enum(groupings).default('census2021'),
  ethnicity: z.enum(['self', 'officer']).default('self'),
  format: z.enum(['json', 'csv']).default('json')
});

export type FigureQuery = z.infer<typeof figureQuerySchema>;

/** Validates raw parameters (query string or CLI options); a bad one is named in the error. */
export function parseFigureQuery(raw: Record<string, unknown>): FigureQuery {
  const r = figureQuerySchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const name = String(issue.path[0] ?? 'parameters');
  throw new Invalid(`${name}: ${issue.message}`, { parameter: name, issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
}

export function toFigureRequest(q: FigureQuery): FigureRequest {
  return {
    area: q.area,
    from: q.from,
    to: q.to,
    grouping: q.grouping,
    ethnicity: q.ethnicity === 'self' ? 'self_defined_ethnicity' : 'officer_defined_ethnicity'
  };
}
