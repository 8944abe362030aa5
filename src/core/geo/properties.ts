import { BoundaryError } from './boundary-error.ts';
import { fineness, isGssCode, isLocalAuthorityCode, levelOfCode } from './gss.ts';

export type Properties = Record<string, unknown>;

/** Which property holds what, detected from the data because every publisher names them differently. */
export interface Fields {
  codeProperty: string;
  nameProperty: string | null;
  parentProperty: string | null;
  vintage: number | null;
}

/** A property that holds a GSS code in every feature. */
interface Column {
  name: string;
  order: number;
  values: string[];
  unique: boolean;
  fineness: number;
  wellNamed: boolean;
}

export function detectFields(rows: Properties[], fileName: string): Fields {
  const columns = gssColumns(rows);
  if (columns.length === 0) {
    throw new BoundaryError(fileName, 'no property holds a GSS code (like E09000001) in every feature');
  }
  const code = chooseCodeColumn(columns, fileName);
  return {
    codeProperty: code.name,
    nameProperty: chooseNameProperty(code.name, rows),
    parentProperty: chooseParentProperty(columns, code),
    vintage: vintageOf(code.name, fileName)
  };
}

function gssColumns(rows: Properties[]): Column[] {
  const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return names
    .filter((name) => rows.every((row) => isGssCode(row[name])))
    .map((name, order) => {
      const values = rows.map((row) => row[name] as string);
      return {
        name,
        order,
        values,
        unique: new Set(values).size === values.length,
        fineness: fineness(levelOfCode(values[0])),
        wellNamed: /cd$/i.test(name) || /^gss_?code$/i.test(name)
      };
    });
}

const byPreference = (a: Column, b: Column) =>
  a.fineness - b.fineness || Number(b.wellNamed) - Number(a.wellNamed) || a.order - b.order;

/**
 * The feature's own code is unique per feature: a ward file also carries its LA code (LAD22CD),
 * repeated across the LA's wards. Among unique columns the finest level wins, which settles tiny
 * files where every column happens to be unique. A repeated column finer than the winner
 * (ward codes repeated while LA codes are not) means the real codes are duplicated.
 */
function chooseCodeColumn(columns: Column[], fileName: string): Column {
  const chosen = columns.filter((c) => c.unique).sort(byPreference)[0];
  const repeated = columns.filter((c) => !c.unique).sort(byPreference);
  const finerRepeated = repeated.find((c) => c.fineness <= fineness('msoa') && (!chosen || c.fineness < chosen.fineness));
  const culprit = finerRepeated ?? (chosen ? undefined : repeated[0]);
  if (culprit) throw new BoundaryError(fileName, `codes in ${culprit.name} are duplicated: ${describeDuplicates(culprit.values)}`);
  return chosen!;
}

function describeDuplicates(values: string[]): string {
  const firstSeen = new Map<string, number>();
  const found: string[] = [];
  values.forEach((value, index) => {
    const first = firstSeen.get(value);
    if (first === undefined) firstSeen.set(value, index);
    else if (found.length < 5) found.push(`${value} (features ${first} and ${index})`);
  });
  return found.join(', ');
}

/** Wards, LSOAs and MSOAs nest in a local authority; the LA code column gives the parent. */
function chooseParentProperty(columns: Column[], code: Column): string | null {
  if (code.fineness > fineness('msoa')) return null;
  const parents = columns.filter((c) => c !== code && c.values.every(isLocalAuthorityCode));
  parents.sort((a, b) => parentNameRank(a.name) - parentNameRank(b.name) || a.order - b.order);
  return parents[0]?.name ?? null;
}

// LAD22CD beats LADCD_ACTIVE and UTLACD (upper tier, differs from LAD outside London).
function parentNameRank(name: string): number {
  if (/^lad\d{2}cd$/i.test(name)) return 0;
  if (/^la/i.test(name)) return 1;
  return /cd$/i.test(name) ? 2 : 3;
}

/** ONS pairs codes with names: WD22CD with WD22NM, lsoa21cd with lsoa21nm; GLA files use NAME. */
function chooseNameProperty(codeProperty: string, rows: Properties[]): string | null {
  const paired = codeProperty.replace(/cd$/, 'nm').replace(/CD$/, 'NM');
  const candidates = [paired, 'NAME', 'name', 'Name'].filter((n) => n !== codeProperty);
  return candidates.find((n) => rows.some((row) => typeof row[n] === 'string' && row[n] !== '')) ?? null;
}

/**
 * ONS property names carry the boundary year (WD22CD is the 2022 ward set); otherwise trust a year
 * in the file name. GSS codes date from 2009, so a two-digit year is always 20yy.
 */
export function vintageOf(codeProperty: string, fileName: string): number | null {
  const fromProperty = /(\d{2})(?:cd|nm)$/i.exec(codeProperty);
  if (fromProperty) return 2000 + Number(fromProperty[1]);
  const baseName = fileName.split(/[\\/]/).pop() ?? fileName;
  const fromName = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(baseName);
  return fromName ? Number(fromName[1]) : null;
}
