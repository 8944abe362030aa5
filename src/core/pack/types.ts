import type { ThinMonth } from '../figures/thin-months.ts';
import type { Grouping } from '../police-data/ethnicity.ts';
import type { UnusualDay } from '../figures/unusual.ts';
import type { AreaRef, Figure, FigureSet, Period } from '../figures/types.ts';

export type EthnicityDimension = 'self_defined_ethnicity' | 'officer_defined_ethnicity';

export interface PackRequest {
  /** The borough's slug ("hackney", "tower-hamlets"), GSS code or name. */
  borough: string;
  /** YYYY-MM. */
  month: string;
  grouping?: Grouping;
  ethnicity?: EthnicityDimension;
}

/** An earlier month the pack compares with: its figures, or null when its records are not loaded. */
export interface EarlierMonth {
  month: string;
  role: 'previous' | 'year_before';
  set: FigureSet | null;
}

/** The borough, month and force a pack is about, once checked to exist. */
export interface PackSubject {
  borough: AreaRef;
  slug: string;
  month: string;
  period: Period;
}

export type QuestionRule =
  | 'disproportionate_searching'
  | 'lower_arrest_rate'
  | 'lower_find_rate'
  | 'rise_on_previous_months'
  | 'rise_on_year_before'
  | 'unusual_day'
  | 'strip_searches'
  | 'section_60'
  | 'searches_without_location'
  | 'thin_month';

/** A derived comparison a question rests on, e.g. this month against the three before. */
export interface Comparison {
  now: number;
  before: number;
  /** Months the "before" count covers. */
  months: string[];
  ratio: number;
  ci95: [number, number];
}

/** How many of the force's records could not be placed on a map. */
export interface Placement {
  force: string;
  forceRecords: number;
  unlocated: number;
}

/**
 * A question the panel could put to the police, drawn from the figures by an explicit rule. It
 * keeps what it came from, so a reader can check it and the page can show it beside the question.
 */
export interface SuggestedQuestion {
  rule: QuestionRule;
  text: string;
  /** The finding behind the question, in one or two plain sentences. */
  because: string;
  figures: Figure[];
  unusualDays: UnusualDay[];
  comparison?: Comparison;
  placement?: Placement;
}

export interface PackSource {
  role: 'police' | 'boundaries' | 'population' | 'lookup';
  origin: string;
  file: string;
  sha256: string;
  month: string | null;
  detail: string | null;
  rows: number;
  importedAt: string;
}

export interface Definition {
  term: string;
  plain: string;
  method: string;
}

export interface PackCoverage {
  force: string;
  forceRecords: number;
  unlocated: number;
  locatedOutsideAreas: number;
  /** Searches in the borough with the ethnicity (self- or officer-defined, as chosen) recorded. */
  ethnicityKnown: { known: number; total: number } | null;
  outcomeKnown: { known: number; total: number } | null;
  stripSearchRecorded: boolean;
  findRecorded: boolean;
  /** Months of the comparison whose records are not loaded. */
  missingMonths: string[];
  /** Months shown (this one and those compared) with far fewer records than the force's usual month. */
  thinMonths: ThinMonth[];
}

export interface PackAppendix {
  definitions: Definition[];
  intervals: Definition[];
  suppression: { suppressBelow: number; lowBelow: number };
  unusual: { baselineDays: number; pThreshold: number; minCount: number; minBaselineDays: number };
  coverage: PackCoverage;
  sources: PackSource[];
}

/** Everything the monthly data pack shows, ready to render on a page or in a PDF. */
export interface MonthlyPack {
  subject: PackSubject;
  grouping: Grouping;
  ethnicity: EthnicityDimension;
  force: string;
  current: FigureSet;
  /** The three months before, latest first, then the same month a year before. */
  earlier: EarlierMonth[];
  /** The figures of the whole force area for the month (London for the Metropolitan Police). */
  forceArea: FigureSet | null;
  unusualDays: UnusualDay[];
  questions: SuggestedQuestion[];
  appendix: PackAppendix;
}
