/**
 * Ethnicity groupings (METRICS.md). Census 2021 puts Chinese in Asian and Arab in Other; the
 * alternative grouping counts Mixed White and Black Caribbean/African as Black. Every figure says
 * which grouping it used.
 */
export const groupings = ['census2021', 'black_incl_mixed_black'] as const;
export type Grouping = (typeof groupings)[number];

export const ethnicGroups = ['asian', 'black', 'mixed', 'white', 'other', 'unknown'] as const;
export type EthnicGroup = (typeof ethnicGroups)[number];

/** Detailed self-defined code -> high-level group under a grouping. */
export function selfDefinedGroup(code: string, grouping: Grouping = 'census2021'): EthnicGroup {
  if (grouping === 'black_incl_mixed_black' && (code === 'mixed_white_black_african' || code === 'mixed_white_black_caribbean'))
    return 'black';
  const prefix = code.split('_')[0];
  return (ethnicGroups as readonly string[]).includes(prefix) && prefix !== 'unknown' ? (prefix as EthnicGroup) : 'unknown';
}

/** Census 2021 TS021 "Ethnic group (20 categories)" codes -> the detailed self-defined codes above. */
export const ts021Categories: Record<number, string> = {
  1: 'asian_bangladeshi',
  2: 'asian_chinese',
  3: 'asian_indian',
  4: 'asian_pakistani',
  5: 'asian_other',
  6: 'black_african',
  7: 'black_caribbean',
  8: 'black_other',
  9: 'mixed_white_asian',
  10: 'mixed_white_black_african',
  11: 'mixed_white_black_caribbean',
  12: 'mixed_other',
  13: 'white_british',
  14: 'white_irish',
  15: 'white_gypsy_traveller',
  16: 'white_roma',
  17: 'white_other',
  18: 'other_arab',
  19: 'other_any'
};

/** SQL CASE expression mapping a detailed code column to its group, for warehouse queries. */
export function groupSql(column: string, grouping: Grouping): string {
  const blackMixed =
    grouping === 'black_incl_mixed_black'
      ? `WHEN ${column} IN ('mixed_white_black_african', 'mixed_white_black_caribbean') THEN 'black' `
      : '';
  return `CASE ${blackMixed}WHEN ${column} IN ('not_stated', 'unknown') OR ${column} IS NULL THEN 'unknown' ELSE split_part(${column}, '_', 1) END`;
}
