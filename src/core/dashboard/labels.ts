import type { Grouping } from '../police-data/ethnicity.ts';

/**
 * Codes as a panel member would read them. One place, so the dashboard, the data pack and their
 * downloads name things the same way.
 */

export type Ethnicity = 'self_defined_ethnicity' | 'officer_defined_ethnicity';

const ethnicGroupNames: Record<string, string> = {
  asian: 'Asian',
  black: 'Black',
  mixed: 'Mixed',
  white: 'White',
  other: 'Other',
  unknown: 'Not stated'
};

/** Short label of an ethnic group, for tables and chart axes: "Black", "Mixed". */
export function ethnicGroupName(code: string, grouping: Grouping = 'census2021'): string {
  if (code === 'black' && grouping === 'black_incl_mixed_black') return 'Black (incl. Mixed White and Black)';
  if (code === 'mixed' && grouping === 'black_incl_mixed_black') return 'Mixed (excl. White and Black)';
  return ethnicGroupNames[code] ?? code;
}

/** The residents of a group in a sentence: "Black residents", "residents of other ethnic groups". */
export function residentsOf(code: string, ethnicity: Ethnicity, grouping: Grouping = 'census2021'): string {
  if (ethnicity === 'officer_defined_ethnicity') return `people officers recorded as ${ethnicGroupNames[code] ?? code}`;
  if (code === 'other') return 'residents of other ethnic groups';
  if (code === 'mixed') return grouping === 'black_incl_mixed_black' ? 'residents of Mixed ethnicity (other than White and Black)' : 'residents of Mixed ethnicity';
  if (code === 'black' && grouping === 'black_incl_mixed_black') return 'Black residents (including Mixed White and Black)';
  return `${ethnicGroupNames[code] ?? code} residents`;
}

export const ethnicityName: Record<Ethnicity, string> = {
  self_defined_ethnicity: 'self-defined ethnicity (what the person said)',
  officer_defined_ethnicity: "officer-defined ethnicity (the officer's view)"
};

export const groupingName: Record<Grouping, string> = {
  census2021: 'Census 2021 groups (Mixed White and Black counted as Mixed)',
  black_incl_mixed_black: 'Mixed White and Black counted as Black'
};

const outcomeNames: Record<string, string> = {
  no_further_action: 'No further action',
  arrest: 'Arrest',
  community_resolution: 'Community resolution',
  penalty_notice: 'Penalty notice',
  cannabis_or_khat_warning: 'Drugs possession warning',
  summons: 'Summons',
  caution: 'Caution',
  other: 'Other',
  unknown: 'Not recorded'
};

const powerNames: Record<string, string> = {
  pace_s1: 'PACE section 1',
  misuse_of_drugs_s23: 'Misuse of Drugs Act s23',
  cjpoa_s60: 'Section 60 (no suspicion)',
  firearms_s47: 'Firearms Act s47',
  cja_s139b: 'Criminal Justice Act s139B',
  terrorism_s43: 'Terrorism Act s43',
  terrorism_s47a: 'Terrorism Act s47A',
  psychoactive_substances: 'Psychoactive Substances Act',
  other: 'Other powers'
};

const objectNames: Record<string, string> = {
  controlled_drugs: 'Drugs',
  offensive_weapons: 'Offensive weapons',
  criminal_damage: 'Criminal damage articles',
  stolen_goods: 'Stolen goods',
  evidence_of_offences: 'Evidence of offences',
  threaten_or_harm: 'Anything to threaten or harm',
  firearms: 'Firearms',
  fireworks: 'Fireworks',
  theft_articles: 'Articles for theft',
  psychoactive_substances: 'Psychoactive substances',
  other: 'Other'
};

const ageNames: Record<string, string> = {
  under_10: 'Under 10',
  '10_17': '10 to 17',
  '18_24': '18 to 24',
  '25_34': '25 to 34',
  over_34: 'Over 34'
};

/** Age ranges in their natural order (the codes do not sort). */
export const ageOrder = ['under_10', '10_17', '18_24', '25_34', 'over_34'];

const typeNames: Record<string, string> = { person: 'Person', vehicle: 'Vehicle', person_and_vehicle: 'Person and vehicle' };

const dimensionNames: Record<string, Record<string, string>> = {
  outcome: outcomeNames,
  legislation: powerNames,
  object: objectNames,
  object_of_search: objectNames,
  age_range: ageNames,
  type: typeNames,
  gender: { male: 'Male', female: 'Female', other: 'Other' }
};

/** The label of a code within a dimension of the figures ("legislation", "object", "age_range", …). */
export function codeName(dimension: string, code: string, grouping: Grouping = 'census2021'): string {
  if (dimension === 'self_defined_ethnicity' || dimension === 'officer_defined_ethnicity') return ethnicGroupName(code, grouping);
  return dimensionNames[dimension]?.[code] ?? code.replace(/_/g, ' ');
}
