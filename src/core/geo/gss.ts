import type { AreaLevel } from './types.ts';

/** A GSS (ONS Government Statistical Service) code: country letter then eight digits. */
export const GSS_CODE = /^[EWSN]\d{8}$/;

const LEVEL_BY_PREFIX: Record<string, AreaLevel> = {
  E09: 'borough',
  E06: 'lad',
  E07: 'lad',
  E08: 'lad',
  W06: 'lad',
  E05: 'ward',
  W05: 'ward',
  E01: 'lsoa',
  W01: 'lsoa',
  E02: 'msoa',
  W02: 'msoa'
};

export function isGssCode(value: unknown): value is string {
  return typeof value === 'string' && GSS_CODE.test(value);
}

export function levelOfCode(code: string): AreaLevel {
  return LEVEL_BY_PREFIX[code.slice(0, 3)] ?? 'other';
}

/** Local authorities are the parents that wards and LSOAs nest in. */
export function isLocalAuthorityCode(code: string): boolean {
  const level = levelOfCode(code);
  return level === 'borough' || level === 'lad';
}

/**
 * How fine an area is: smaller is finer. When a file carries several code columns, the finest one
 * is the feature's own code, since the others (MSOA, LA, region) name the areas it sits in.
 */
export function fineness(level: AreaLevel): number {
  return { lsoa: 0, ward: 1, msoa: 2, borough: 3, lad: 3, other: 4 }[level];
}
