/**
 * data.police.uk labels -> Scrutineer's stable codes (METRICS.md, "Vocabularies").
 * Labels changed over the years (2001 census categories until about 2020, 2011/2021 ones after;
 * "Suspect arrested" became "Arrest"), so each code lists every label seen for it. Matching is on the
 * trimmed, lower-cased label. A label not listed here is loaded as `unknown`, keeping the raw text, and
 * reported by the import so this table can grow.
 */
export type Dimension =
  | 'type'
  | 'gender'
  | 'age_range'
  | 'self_defined_ethnicity'
  | 'officer_defined_ethnicity'
  | 'legislation'
  | 'object_of_search'
  | 'outcome';

type Table = Record<string, readonly string[]>;

const type: Table = {
  person: ['Person search'],
  vehicle: ['Vehicle search'],
  person_and_vehicle: ['Person and Vehicle search']
};

const gender: Table = { male: ['Male'], female: ['Female'], other: ['Other'] };

const age_range: Table = {
  under_10: ['under 10'],
  '10_17': ['10-17'],
  '18_24': ['18-24'],
  '25_34': ['25-34'],
  over_34: ['over 34']
};

/** Detailed self-defined codes follow the 19 Census 2021 categories (TS021), plus not_stated. */
const self_defined_ethnicity: Table = {
  asian_bangladeshi: ['Asian/Asian British - Bangladeshi', 'Asian or Asian British - Bangladeshi (A3)'],
  asian_chinese: ['Asian/Asian British - Chinese', 'Chinese or other ethnic group - Chinese (O1)'],
  asian_indian: ['Asian/Asian British - Indian', 'Asian or Asian British - Indian (A1)'],
  asian_pakistani: ['Asian/Asian British - Pakistani', 'Asian or Asian British - Pakistani (A2)'],
  asian_other: [
    'Asian/Asian British - Any other Asian background',
    'Asian or Asian British - Any other Asian ethnic background (A9)'
  ],
  black_african: ['Black/African/Caribbean/Black British - African', 'Black or Black British - African (B2)'],
  black_caribbean: ['Black/African/Caribbean/Black British - Caribbean', 'Black or Black British - Caribbean (B1)'],
  black_other: [
    'Black/African/Caribbean/Black British - Any other Black/African/Caribbean background',
    'Black or Black British - Any other Black ethnic background (B9)'
  ],
  mixed_white_asian: ['Mixed/Multiple ethnic groups - White and Asian', 'Mixed - White and Asian (M3)'],
  mixed_white_black_african: [
    'Mixed/Multiple ethnic groups - White and Black African',
    'Mixed - White and Black African (M2)'
  ],
  mixed_white_black_caribbean: [
    'Mixed/Multiple ethnic groups - White and Black Caribbean',
    'Mixed - White and Black Caribbean (M1)'
  ],
  mixed_other: [
    'Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background',
    'Mixed - Any other Mixed ethnic background (M9)'
  ],
  white_british: ['White - English/Welsh/Scottish/Northern Irish/British', 'White - White British (W1)'],
  white_irish: ['White - Irish', 'White - White Irish (W2)'],
  white_gypsy_traveller: ['White - Gypsy or Irish Traveller'],
  white_roma: ['White - Roma'],
  white_other: ['White - Any other White background', 'White - Any other White ethnic background (W9)'],
  other_arab: ['Other ethnic group - Arab'],
  other_any: [
    'Other ethnic group - Any other ethnic group',
    'Chinese or other ethnic group - Any other ethnic group (O9)'
  ],
  not_stated: ['Other ethnic group - Not stated', 'Not Stated (NS)', 'Not stated']
};

const officer_defined_ethnicity: Table = {
  asian: ['Asian'],
  black: ['Black'],
  mixed: ['Mixed'],
  white: ['White'],
  other: ['Other']
};

const legislation: Table = {
  pace_s1: ['Police and Criminal Evidence Act 1984 (section 1)'],
  misuse_of_drugs_s23: ['Misuse of Drugs Act 1971 (section 23)'],
  cjpoa_s60: ['Criminal Justice and Public Order Act 1994 (section 60)'],
  firearms_s47: ['Firearms Act 1968 (section 47)'],
  cja_s139b: ['Criminal Justice Act 1988 (section 139B)'],
  terrorism_s43: ['Terrorism Act 2000 (section 43)'],
  terrorism_s47a: ['Terrorism Act 2000 (section 47A)'],
  psychoactive_substances: ['Psychoactive Substances Act 2016 (s36(2))', 'Psychoactive Substances Act 2016 (s37(2))'],
  other: [
    'Police and Criminal Evidence Act 1984 (section 6)',
    'Customs and Excise Management Act 1979 (section 163)',
    'Aviation Security Act 1982 (section 27(1))',
    'Crossbows Act 1987 (section 4)',
    'Deer Act 1991 (section 12)',
    'Conservation of Seals Act 1970 (section 4)',
    'Poaching Prevention Act 1862 (section 2)',
    'Wildlife and Countryside Act 1981 (section 19)',
    'Protection of Badgers Act 1992 (section 11)',
    'Hunting Act 2004 (section 8)',
    'Public Stores Act 1875 (section 6)',
    'Sporting events (Control of Alcohol etc.) Act 1985 (section 7)',
    'Environmental Protection Act 1990 (section 34B )'
  ]
};

const object_of_search: Table = {
  controlled_drugs: ['Controlled drugs'],
  offensive_weapons: ['Offensive weapons'],
  criminal_damage: ['Articles for use in criminal damage'],
  stolen_goods: ['Stolen goods'],
  evidence_of_offences: ['Evidence of offences under the Act'],
  threaten_or_harm: ['Anything to threaten or harm anyone'],
  firearms: ['Firearms'],
  fireworks: ['Fireworks'],
  theft_articles: ['Article for use in theft'],
  psychoactive_substances: ['Psychoactive substances'],
  other: [
    'Goods on which duty has not been paid etc.',
    'Game or poaching equipment',
    'Evidence of wildlife offences',
    'Seals or hunting equipment',
    'Crossbows',
    'Evidence of hunting any wild mammal with a dog',
    'Detailed object of search unavailable'
  ]
};

const outcome: Table = {
  no_further_action: ['A no further action disposal', 'Nothing found - no further action'],
  arrest: ['Arrest', 'Suspect arrested'],
  community_resolution: ['Community resolution', 'Local resolution'],
  penalty_notice: ['Penalty Notice for Disorder', 'Offender given penalty notice'],
  cannabis_or_khat_warning: ['Offender given drugs possession warning', 'Khat or Cannabis warning'],
  summons: ['Summons / charged by post', 'Suspect summonsed to court'],
  caution: ['Caution (simple or conditional)', 'Offender cautioned'],
  other: ['Article found - Detailed outcome unavailable']
};

export const vocabularies: Record<Dimension, Table> = {
  type,
  gender,
  age_range,
  self_defined_ethnicity,
  officer_defined_ethnicity,
  legislation,
  object_of_search,
  outcome
};

export const dimensions = Object.keys(vocabularies) as Dimension[];

/** The form a label is matched in: case and runs of white space do not matter. */
export function labelKey(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every code of a dimension, `unknown` last. */
export function codesOf(dimension: Dimension): string[] {
  return [...Object.keys(vocabularies[dimension]), 'unknown'];
}

/**
 * One ENUM type per dimension (code_outcome, …), so the warehouse stores a code in a byte.
 * A new code in a later version needs a warehouse migration that rebuilds the type.
 */
export function enumTypesSql(): string {
  return dimensions
    .map((d) => `CREATE TYPE IF NOT EXISTS code_${d} AS ENUM (${codesOf(d).map((c) => `'${c}'`).join(', ')});`)
    .join('\n');
}

/** Normalises one label; blank means not recorded. Used by tests and small inputs; bulk loads join in SQL. */
export function normaliseLabel(dimension: Dimension, raw: string | null | undefined): string {
  if (raw == null || raw.trim() === '') return 'unknown';
  const key = labelKey(raw);
  for (const [code, labels] of Object.entries(vocabularies[dimension])) {
    if (labels.some((l) => labelKey(l) === key)) return code;
  }
  return 'unknown';
}
