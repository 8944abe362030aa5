/** One suggestion tied to its span of the input: `input.slice(start, end) === text`. */
export interface Span {
  text: string;
  /** Offsets in JavaScript string units (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface QuoteSuggestion extends Span {
  /** The person or body quoted, resolved from "he", "she" or a role where possible; null when unknown. */
  speaker: string | null;
}

export interface QuantitySuggestion extends Span {
  value: number;
  /** What is counted, as written in the singular or plural: "people", "officers", "arrests". */
  counted: string;
}

export interface DateSuggestion extends Span {
  /** YYYY-MM-DD. */
  date: string;
}

export interface PlaceSuggestion extends Span {
  /** The canonical name: a ward's or borough's official name, or the street, market or station. */
  name: string;
}

export interface Extraction {
  quotes: QuoteSuggestion[];
  quantities: QuantitySuggestion[];
  dates: DateSuggestion[];
  places: PlaceSuggestion[];
}

/** A named area of the loaded boundaries that text may mention. */
export interface GazetteerEntry {
  name: string;
  level: 'borough' | 'ward';
  code?: string;
  /** The borough of a ward. */
  parent?: string | null;
}

export interface ExtractOptions {
  /** The publication date (a Date or YYYY-MM-DD): relative and year-less dates resolve against it. */
  published?: Date | string;
  /** Wards and boroughs to recognise; empty means only the built-in street, market and station patterns. */
  gazetteer?: readonly GazetteerEntry[];
}
