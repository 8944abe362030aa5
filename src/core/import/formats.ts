/**
 * Recognising what a file is from its first bytes and its name. Every format Scrutineer reads is
 * listed here; anything else is skipped with the reason, never guessed at.
 */
export const formats = [
  'police-uk-stop-search-csv',
  'police-uk-stop-search-json',
  'boundaries',
  'census-ts021',
  'ward-population',
  'lookup',
  'unknown'
] as const;
export type Format = (typeof formats)[number];

/** Archive CSV columns, in data.police.uk's order; the first eleven must be present. */
export const stopSearchColumns = [
  'Type',
  'Date',
  'Latitude',
  'Longitude',
  'Gender',
  'Age range',
  'Self-defined ethnicity',
  'Officer-defined ethnicity',
  'Legislation',
  'Object of search',
  'Outcome',
  'Part of a policing operation',
  'Policing operation',
  'Outcome linked to object of search',
  'Removal of more than just outer clothing'
] as const;
export const requiredStopSearchColumns = stopSearchColumns.slice(0, 11);

export type LookupKind = 'lsoa-msoa-lad' | 'lad-csp-pfa' | 'ward-lad';
const lookupHeaders: Record<LookupKind, string[]> = {
  'lsoa-msoa-lad': ['lsoa21cd', 'lsoa21nm', 'msoa21cd', 'msoa21nm', 'lad22cd', 'lad22nm'],
  'lad-csp-pfa': ['lad22cd', 'lad22nm', 'csp22cd', 'csp22nm', 'pfa22cd', 'pfa22nm'],
  'ward-lad': ['wd19cd', 'wd19nm', 'lad19cd', 'lad19nm']
};

export interface Recognised {
  format: Format;
  /** Why a file is `unknown`, or what is wrong with a file of a known format (then `problem`). */
  reason?: string;
  problem?: string;
  header?: string[];
  lookupKind?: LookupKind;
}

export function recognise(head: string, name: string): Recognised {
  const text = head.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { format: 'unknown', problem: 'the file is empty' };
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') return recogniseJson(text, name);
  return recogniseCsv(text, name);
}

function recogniseJson(text: string, name: string): Recognised {
  if (/"type"\s*:\s*"(FeatureCollection|Topology)"/.test(text)) return { format: 'boundaries' };
  if (/^\s*\[\s*(\]|\{[^]*"(datetime|legislation|object_of_search)"\s*:)/.test(text))
    return { format: 'police-uk-stop-search-json' };
  if (/\.(geo|topo)json/i.test(name)) return { format: 'boundaries' }; // "type" may come after a long "features"
  return { format: 'unknown', reason: 'JSON that is neither data.police.uk stop-and-search records nor GeoJSON/TopoJSON boundaries' };
}

function recogniseCsv(text: string, name: string): Recognised {
  const firstLine = text.split(/\r?\n/, 1)[0];
  const header = splitHeader(firstLine);
  const lower = header.map((h) => h.toLowerCase());
  const known = stopSearchColumns.filter((c) => header.includes(c));
  const looksLikeStops = known.length >= 4 || /stop-and-search\.csv/i.test(name);
  if (looksLikeStops) {
    const missing = requiredStopSearchColumns.filter((c) => !header.includes(c));
    if (missing.length > 0)
      return {
        format: 'police-uk-stop-search-csv',
        header,
        problem: `line 1: the header does not match the data.police.uk stop-and-search format: missing ${missing
          .map((m) => `"${m}"`)
          .join(', ')} (found ${header.map((h) => `"${h}"`).join(', ')})`
      };
    return { format: 'police-uk-stop-search-csv', header };
  }
  if (lower.includes('ethnic group (20 categories) code') && lower.includes('observation'))
    return { format: 'census-ts021', header };
  if (lower.includes('ward name 1') && lower.includes('all ages') && lower.some((h) => /^la code/.test(h))) return recogniseWardPopulation(header, name);
  for (const [kind, cols] of Object.entries(lookupHeaders) as Array<[LookupKind, string[]]>) {
    if (cols.every((c) => lower.includes(c))) return { format: 'lookup', lookupKind: kind, header };
  }
  if (lower.includes('crime id') && lower.includes('month'))
    return { format: 'unknown', reason: 'data.police.uk street-level crime and outcomes files are not used by Scrutineer yet' };
  if (/\.(md|txt|pdf|html?)$/i.test(name)) return { format: 'unknown', reason: 'a document, not a data file' };
  return { format: 'unknown', reason: `not a format Scrutineer imports (first line: ${JSON.stringify(firstLine.slice(0, 120))})` };
}

/**
 * ONS small-area population estimates by 2020 ward (SAPE23DT8a). The persons, males and females
 * tables share one header, so the file name must say which: only persons are a denominator of all
 * residents, and a males or females table taken for persons would halve every ward's population.
 */
function recogniseWardPopulation(header: string[], name: string): Recognised {
  if (/(^|[^a-z])(fe)?males?([^a-z]|$)/i.test(name))
    return { format: 'unknown', reason: 'ONS ward population estimates for males or females only: Scrutineer uses the persons table (all residents)' };
  if (!/persons/i.test(name))
    return {
      format: 'ward-population',
      header,
      problem: 'line 1: ONS ward population estimates, but the file name does not say "persons", "males" or "females" and the header is the same for all three: rename the file to say which (only persons is loaded)'
    };
  return { format: 'ward-population', header };
}

/** Header cells: comma separated, optionally quoted. Enough for a header; rows use a real CSV parser. */
export function splitHeader(line: string): string[] {
  return line.split(',').map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
}

export interface ForceMonth {
  force: string | null;
  month: string | null;
}

/** Force and publication month from the name data.police.uk (or `scrutineer sync`) gives a file. */
export function forceMonthFromName(name: string, folder: string): ForceMonth {
  const archive = /^(\d{4}-\d{2})-([a-z0-9-]+?)-stop-and-search\.(csv|json)/i.exec(name);
  if (archive) return { month: archive[1], force: archive[2].toLowerCase() };
  const apiMonth = /^(\d{4}-\d{2})\.json/i.exec(name);
  if (apiMonth) return { month: apiMonth[1], force: /^[a-z0-9-]+$/.test(folder) ? folder : null };
  const month = /(\d{4}-\d{2})/.exec(name);
  return { month: month ? month[1] : null, force: null };
}
