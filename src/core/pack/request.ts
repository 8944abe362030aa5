import { z } from 'zod';
import { Invalid } from '../errors.ts';
import { groupings } from '../police-data/ethnicity.ts';
import type { EthnicityDimension } from './types.ts';

/** The options of a pack address: `?grouping=…&ethnicity=self|officer&format=pdf`. */
export const packQuerySchema = z.object({
  grouping: z.enum(groupings).default('census2021'),
  ethnicity: z.enum(['self', 'officer']).default('self'),
  format: z.enum(['html', 'pdf']).default('html')
});

export type PackQuery = z.infer<typeof packQuerySchema>;

export function parsePackQuery(raw: Record<string, unknown>): PackQuery {
  const r = packQuerySchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const name = String(issue.path[0] ?? 'parameters');
  throw new Invalid(`${name}: ${issue.message}`, { parameter: name });
}

export const ethnicityOf = (q: Pick<PackQuery, 'ethnicity'>): EthnicityDimension =>
  q.ethnicity === 'officer' ? 'officer_defined_ethnicity' : 'self_defined_ethnicity';

/** The query string that keeps a pack's options (defaults left out), for links between its forms. */
export function packSearch(q: Pick<PackQuery, 'grouping' | 'ethnicity'>): string {
  const p = new URLSearchParams();
  if (q.grouping !== 'census2021') p.set('grouping', q.grouping);
  if (q.ethnicity !== 'self') p.set('ethnicity', q.ethnicity);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Where a borough's pack for a month lives: `/b/hackney/pack/2023-07`, and `.pdf` for its PDF. */
export const packPath = (slug: string, month: string, pdf = false) => `/b/${encodeURIComponent(slug)}/pack/${month}${pdf ? '.pdf' : ''}`;
