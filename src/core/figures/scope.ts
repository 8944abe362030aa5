import { groupSql, type Grouping } from '../police-data/ethnicity.ts';
import { stripSearchRecordedSql } from '../police-data/forces.ts';
import type { AreaRef, Period } from './types.ts';

/** The records of an area and period, as a SQL source with the derived columns figures need. */
export interface Scope {
  area: AreaRef;
  period: Period;
  grouping: Grouping;
  ethnicity: 'self_defined_ethnicity' | 'officer_defined_ethnicity';
}

const areaColumn = { borough: 'borough', ward: 'ward', lsoa: 'lsoa', force: 'force' } as const;

export function areaFilter(area: AreaRef): string {
  return `${areaColumn[area.level]} = $area`;
}

/** Strip-search field is counted only where the force records it (forces.ts). */
export function stripKnownSql(): string {
  return `type IN ('person', 'person_and_vehicle') AND removal_more_than_outer IS NOT NULL
    AND ${stripSearchRecordedSql('force', "strftime(local_date, '%Y-%m')")}`;
}

export function groupExpr(s: Scope): string {
  return s.ethnicity === 'self_defined_ethnicity'
    ? groupSql('self_defined_ethnicity::VARCHAR', s.grouping)
    : `CASE officer_defined_ethnicity::VARCHAR WHEN 'unknown' THEN 'unknown' ELSE officer_defined_ethnicity::VARCHAR END`;
}

/** `base`: the scope's records with the ethnic group (`eg`) and strip-search eligibility. */
export function baseSql(s: Scope, period: Period = s.period): { sql: string; params: Record<string, string> } {
  return {
    sql: `SELECT *, ${groupExpr(s)} AS eg, (${stripKnownSql()}) AS strip_known
      FROM stop_search WHERE local_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND ${areaFilter(s.area)}`,
    params: { from: period.from, to: period.to, area: s.area.code }
  };
}
