import type { ThinMonth } from './thin-months.ts';
import type { Grouping } from '../police-data/ethnicity.ts';

/** The figure object of METRICS.md: the contract of the API and of `scrutineer figures --json`. */
export type MetricId =
  | 'searches'
  | 'share'
  | 'rate_per_1000'
  | 'rate_ratio_vs_white'
  | 'nfa_share'
  | 'arrest_rate'
  | 'formal_outcome_rate'
  | 'find_rate'
  | 'strip_search_share'
  | 'under_18_share'
  | 'power_mix'
  | 'object_mix'
  | 's60_count'
  | 'change_vs_previous'
  | 'change_vs_last_year'
  | 'concentration';

export type GroupDimension =
  | 'self_defined_ethnicity'
  | 'officer_defined_ethnicity'
  | 'outcome'
  | 'legislation'
  | 'object'
  | 'age_range'
  | 'gender'
  | 'type'
  | 'area_level';

export type Flag = 'suppressed' | 'low_count' | 'not_recorded' | 'no_population' | 'no_comparison' | 'partial_period';

export type AreaLevel = 'force' | 'borough' | 'ward' | 'lsoa';

export interface AreaRef {
  code: string;
  name: string;
  level: AreaLevel;
}

export interface Period {
  from: string;
  to: string;
}

export interface Figure {
  metric: MetricId;
  area: AreaRef;
  period: Period;
  group: { dimension: GroupDimension; value: string; grouping: Grouping | null } | null;
  numerator: number;
  denominator: number | null;
  value: number | null;
  ci95: [number, number] | null;
  coverage: { known: number; total: number } | null;
  flags: Flag[];
  method: string;
  sources: string[];
  /** For outcome rates by group: the difference from White in percentage points, with its interval. */
  comparison?: { vs: 'white'; difference: number | null; ci95: [number, number] | null };
  /** For change figures: the period compared with. */
  comparedWith?: Period;
}

/** What a figure set rests on, so a reader can judge it: records that could not be placed, etc. */
export interface FigureContext {
  area: AreaRef;
  period: Period;
  grouping: Grouping;
  ethnicity: 'self_defined_ethnicity' | 'officer_defined_ethnicity';
  force: string | null;
  /** Records of the force and period: all, without location, and located but in no known area. */
  placement: { forceRecords: number; unlocated: number; locatedOutsideAreas: number };
  /** Local dates within the period that have no loaded data for the force (months missing from the source). */
  missingMonths: string[];
  /** Months of the period with far fewer records than the force's usual month (see thin-months.ts). */
  thinMonths: ThinMonth[];
  sources: string[];
}

export interface FigureSet {
  context: FigureContext;
  figures: Figure[];
}
