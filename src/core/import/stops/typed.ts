/**
 * Validation in SQL. Every staged row arrives with the text of the fields below as named columns
 * (each archive CSV file maps its own header to them; API records are staged in them); one pass
 * gives each row its typed values or the first reason it cannot be loaded.
 */
export const canonicalFields = [
  'type',
  'date',
  'latitude',
  'longitude',
  'gender',
  'age_range',
  'self_defined_ethnicity',
  'officer_defined_ethnicity',
  'legislation',
  'object_of_search',
  'outcome',
  'part_of_operation',
  'operation_name',
  'outcome_linked',
  'removal_more_than_outer',
  'street'
] as const;
export type Field = (typeof canonicalFields)[number];

/**
 * A field's text, NULL when empty. Only the date and the True/False fields are trimmed: trimming
 * every column costs half of each pass over the files, labels are matched trimmed anyway
 * (vocabulary.ts) and numbers are cast with surrounding space allowed.
 */
const f = (name: Field) => `nullif(${name}, '')`;
const trimmed = (name: Field) => `nullif(trim(${name}), '')`;
const bool = (name: Field) => `CASE lower(${trimmed(name)}) WHEN 'true' THEN true WHEN 'false' THEN false END`;

/** The typed view over `stage_v(file, record, raw, nfields, expected, <canonicalFields>)`. */
export const typedViewSql = `CREATE OR REPLACE TEMP VIEW typed_v AS
  WITH v AS (
    SELECT file, record, raw, nfields, expected,
      ${f('type')} AS type_raw, ${trimmed('date')} AS date_raw,
      ${f('latitude')} AS lat_raw, ${f('longitude')} AS lon_raw,
      ${f('gender')} AS gender_raw, ${f('age_range')} AS age_range_raw,
      ${f('self_defined_ethnicity')} AS self_defined_ethnicity_raw,
      ${f('officer_defined_ethnicity')} AS officer_defined_ethnicity_raw,
      ${f('legislation')} AS legislation_raw, ${f('object_of_search')} AS object_of_search_raw,
      ${f('outcome')} AS outcome_raw,
      ${trimmed('part_of_operation')} AS part_of_operation_raw, ${f('operation_name')} AS operation_name,
      ${trimmed('outcome_linked')} AS outcome_linked_raw, ${trimmed('removal_more_than_outer')} AS removal_raw,
      ${f('street')} AS street_name,
      ${bool('part_of_operation')} AS part_of_operation,
      ${bool('outcome_linked')} AS outcome_linked,
      ${bool('removal_more_than_outer')} AS removal_more_than_outer,
      coalesce(try_strptime(${trimmed('date')}, '%Y-%m-%dT%H:%M:%S%z'),
               try_strptime(${trimmed('date')}, '%Y-%m-%dT%H:%M:%S')::TIMESTAMPTZ,
               try_strptime(${trimmed('date')}, '%Y-%m-%d %H:%M:%S')::TIMESTAMPTZ) AS ts,
      TRY_CAST(${f('latitude')} AS DOUBLE) AS latitude,
      TRY_CAST(${f('longitude')} AS DOUBLE) AS longitude
    FROM stage_v
  )
  SELECT *,
    CASE
      WHEN nfields > expected THEN format('has more fields than the {} of the header', expected)
      WHEN nfields < expected THEN format('has {} fields where the header has {}', nfields, expected)
      WHEN date_raw IS NULL THEN 'the date is blank'
      WHEN ts IS NULL THEN format('the date "{}" is not a date and time (expected e.g. 2023-07-21T14:05:00+00:00)', date_raw)
      WHEN lat_raw IS NOT NULL AND latitude IS NULL THEN format('latitude "{}" is not a number', lat_raw)
      WHEN lon_raw IS NOT NULL AND longitude IS NULL THEN format('longitude "{}" is not a number', lon_raw)
      WHEN latitude NOT BETWEEN -90 AND 90 THEN format('latitude {} is outside -90 to 90', lat_raw)
      WHEN longitude NOT BETWEEN -180 AND 180 THEN format('longitude {} is outside -180 to 180', lon_raw)
      WHEN (latitude IS NULL) <> (longitude IS NULL) THEN 'latitude and longitude must both be given or both be blank'
    END AS reason
  FROM v`;

/** The labelled dimensions and the typed column holding each one's raw label. */
export const labelColumns = {
  type: 'type_raw',
  gender: 'gender_raw',
  age_range: 'age_range_raw',
  self_defined_ethnicity: 'self_defined_ethnicity_raw',
  officer_defined_ethnicity: 'officer_defined_ethnicity_raw',
  legislation: 'legislation_raw',
  object_of_search: 'object_of_search_raw',
  outcome: 'outcome_raw'
} as const;

/** Boolean fields whose text is neither True, False nor blank are kept null and reported. */
export const booleanColumns = {
  part_of_a_policing_operation: 'part_of_operation_raw',
  outcome_linked_to_object_of_search: 'outcome_linked_raw',
  removal_of_more_than_outer_clothing: 'removal_raw'
} as const;
