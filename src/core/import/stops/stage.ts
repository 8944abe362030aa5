import fs from 'node:fs';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { stopSearchColumns } from '../formats.ts';
import { sqlString } from '../run.ts';
import { canonicalFields, type Field } from './typed.ts';

/**
 * Staging gives every source row its file index, its record number and its fields as the named
 * text columns of `canonicalFields`. DuckDB reads CSV itself, fast and in parallel; API JSON is
 * parsed here and appended.
 */
export interface Unparsable {
  file: number;
  line: number;
  raw: string;
  reason: string;
}

const csvFieldOf: Record<(typeof stopSearchColumns)[number], Field> = {
  Type: 'type',
  Date: 'date',
  Latitude: 'latitude',
  Longitude: 'longitude',
  Gender: 'gender',
  'Age range': 'age_range',
  'Self-defined ethnicity': 'self_defined_ethnicity',
  'Officer-defined ethnicity': 'officer_defined_ethnicity',
  Legislation: 'legislation',
  'Object of search': 'object_of_search',
  Outcome: 'outcome',
  'Part of a policing operation': 'part_of_operation',
  'Policing operation': 'operation_name',
  'Outcome linked to object of search': 'outcome_linked',
  'Removal of more than just outer clothing': 'removal_more_than_outer'
};

export const STAGE_COLUMNS = `file INTEGER, record INTEGER, raw VARCHAR, nfields INTEGER, expected INTEGER, ${canonicalFields
  .map((c) => `${c} VARCHAR`)
  .join(', ')}`;

/** DuckDB's reader, told each column's name and that nothing is NULL but a missing field. */
const NOT_NULL = String.fromCharCode(2);

/**
 * A CSV file's rows as stage rows, read by DuckDB's own CSV reader (quotes, BOM and CRLF handled).
 * Columns get the canonical names by header; a missing field comes back NULL (null_padding) while an
 * empty one stays '', so too few fields can be counted; a spare column catches too many.
 */
export function csvStageSql(file: number, plainPath: string, header: string[], numbered: boolean): string {
  const names = header.map((h, i) => csvFieldOf[h as keyof typeof csvFieldOf] ?? `unused_${i}`);
  const columns = [...names, 'extra__'].map((n) => `'${n}': 'VARCHAR'`).join(', ');
  const present = names.map((n) => `(${n} IS NOT NULL)::INTEGER`).join(' + ');
  const fields = canonicalFields.map((c) => (names.includes(c) ? c : `NULL::VARCHAR AS ${c}`)).join(', ');
  // Numbering is a window over the file in order, which DuckDB reads on one thread: a pass that
  // does not need record numbers asks for none.
  const record = numbered ? '(row_number() OVER ())::INTEGER' : 'NULL::INTEGER';
  return `SELECT ${file} AS file, ${record} AS record, NULL::VARCHAR AS raw,
      CASE WHEN extra__ IS NOT NULL THEN ${header.length + 1} ELSE ${present} END AS nfields, ${header.length} AS expected, ${fields}
    FROM read_csv(${sqlString(plainPath)}, header = true, columns = {${columns}}, auto_detect = false,
                  delim = ',', quote = '"', escape = '"', null_padding = true, strict_mode = false,
                  nullstr = '${NOT_NULL}', max_line_size = 4194304)`;
}

/**
 * Physical line numbers and text for given records of a CSV file: only needed for quarantined rows.
 * Record N is the Nth non-empty line after the header, as DuckDB's reader counts records: it skips
 * empty lines but reads a line of spaces as a (short) record (a quoted field spanning lines would
 * shift this; data.police.uk never writes one).
 */
export function csvLinesOfRecordsSql(file: number, plainPath: string): string {
  return `SELECT ${file} AS file, (row_number() OVER ())::INTEGER AS record, line, raw FROM (
      SELECT (row_number() OVER ())::INTEGER AS line, raw
      FROM read_csv(${sqlString(plainPath)}, header = false, columns = {'raw': 'VARCHAR'},
                    delim = '${NOT_NULL}', quote = '', escape = '', auto_detect = false, max_line_size = 4194304))
    WHERE line > 1 AND raw IS NOT NULL AND raw <> ''`;
}

/** The API's field names, in canonical order. */
const apiFields: Record<Field, string> = {
  type: 'type',
  date: 'datetime',
  latitude: 'location.latitude',
  longitude: 'location.longitude',
  gender: 'gender',
  age_range: 'age_range',
  self_defined_ethnicity: 'self_defined_ethnicity',
  officer_defined_ethnicity: 'officer_defined_ethnicity',
  legislation: 'legislation',
  object_of_search: 'object_of_search',
  outcome: 'outcome',
  part_of_operation: 'operation',
  operation_name: 'operation_name',
  outcome_linked: 'outcome_linked_to_object_of_search',
  removal_more_than_outer: 'removal_of_more_than_outer_clothing',
  street: 'location.street.name'
};

/** Stages an API response (a JSON array of records); record N of the array is "line" N. */
export function stageJson(appender: DuckDBAppender, file: number, plainPath: string): { read: number; unparsable: Unparsable[] } {
  let records: unknown;
  try {
    records = JSON.parse(fs.readFileSync(plainPath, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`the file is not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(records)) throw new Error('expected a JSON array of stop-and-search records');
  const unparsable: Unparsable[] = [];
  records.forEach((rec, i) => {
    const raw = JSON.stringify(rec);
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      unparsable.push({ file, line: i + 1, raw, reason: 'the record is not a JSON object' });
      return;
    }
    const values = canonicalFields.map((c) => text(pick(rec as Record<string, unknown>, apiFields[c])));
    appendRow(appender, file, i + 1, raw, null, null, values);
  });
  return { read: records.length, unparsable };
}

function pick(rec: Record<string, unknown>, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), rec);
}

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function appendRow(
  a: DuckDBAppender,
  file: number,
  line: number,
  raw: string,
  nfields: number | null,
  expected: number | null,
  values: Array<string | null>
) {
  a.appendInteger(file);
  a.appendInteger(line);
  a.appendVarchar(raw);
  nfields === null ? a.appendNull() : a.appendInteger(nfields);
  expected === null ? a.appendNull() : a.appendInteger(expected);
  for (const v of values) (v === null ? a.appendNull() : a.appendVarchar(v));
  a.endRow();
}
