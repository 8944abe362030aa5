import { requireAccess } from '../access/require-access.ts';
import type { Actor } from '../access/actor.ts';
import { Invalid } from '../errors.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { extract, publicationDate } from './extract.ts';
import { gazetteerOf } from './gazetteer.ts';
import type { Extraction } from './types.ts';

/** A pasted source is an article or a statement: far below this. */
export const MAX_PASTED_CHARS = 200_000;

export interface SuggestInput {
  panelId: number;
  text: string;
  /** YYYY-MM-DD, or empty. */
  published?: string;
}

/**
 * Suggestions from a source's text for a clerk to accept, edit or reject; nothing is stored.
 * Wards and boroughs come from the loaded boundaries (remembered until the next import).
 */
export async function suggestFromSource(ctx: { warehouse: Warehouse }, actor: Actor, input: SuggestInput): Promise<Extraction> {
  requireAccess(actor, 'source.extract', { panelId: input.panelId });
  if (input.text.trim() === '') throw new Invalid('Paste the text of the source.', { field: 'text' });
  if (input.text.length > MAX_PASTED_CHARS)
    throw new Invalid(`The text is longer than ${MAX_PASTED_CHARS.toLocaleString('en-GB')} characters; paste one source at a time.`, { field: 'text' });
  let published: string | null = null;
  try {
    published = input.published ? publicationDate(input.published) : null;
  } catch (err) {
    if (err instanceof Invalid) throw new Invalid(err.message, { ...err.details, field: 'published' });
    throw err;
  }
  const gazetteer = await ctx.warehouse.memo('extract-gazetteer', () => gazetteerOf(ctx.warehouse));
  return extract(input.text, { published: published ?? undefined, gazetteer });
}
