import { Invalid } from '../errors.ts';
import { findDates } from './dates.ts';
import { findPlaces } from './places.ts';
import { findQuantities } from './quantities.ts';
import { findQuotes } from './quotes.ts';
import type { ExtractOptions, Extraction } from './types.ts';

/**
 * Suggests, from the text of a source, quotes with their speakers, counted quantities, dates and
 * places, each with its span of the input. Pure: the text is only read, never interpreted as markup.
 */
export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const published = publicationDate(options.published);
  const dates = findDates(text, published);
  const places = findPlaces(text, options.gazetteer ?? []);
  // A place's name ("Tower Hamlets") is never taken for a person's.
  const quotes = findQuotes(text, places);
  // A number that is part of a date ("14 May") is not a count.
  const quantities = findQuantities(text).filter((q) => !dates.some((d) => q.start < d.end && d.start < q.end));
  return { quotes, quantities, dates, places };
}

/** YYYY-MM-DD of a Date (its UTC day) or of a YYYY-MM-DD string that is a real day. */
export function publicationDate(value: Date | string | undefined): string | null {
  if (value === undefined) return null;
  const iso = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const real = day && new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])).toISOString().slice(0, 10) === iso;
  if (!real) throw new Invalid(`The publication date "${String(value)}" is not a day written YYYY-MM-DD.`, { published: String(value) });
  return iso;
}
