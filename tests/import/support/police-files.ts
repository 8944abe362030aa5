import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import yazl from 'yazl';

/** A hand-written fixture under tests/fixtures/police. */
export const policeFixture = (name: string) => fileURLToPath(new URL(`../../fixtures/police/${name}`, import.meta.url));

/** Borough, ward and LSOA boundaries of two made-up boroughs, Testham and Sampleby. */
export const boundaryFixtures = ['testham-boroughs.geojson', 'testham-wards-2022.geojson', 'testham-lsoas-2021.geojson'].map(policeFixture);

/** The archive CSV header, in data.police.uk's own column order. */
export const HEADER =
  'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,' +
  'Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';

export interface RowFields {
  date?: string;
  lat?: string;
  lon?: string;
  outcome?: string;
  removal?: string;
}

/** One well-formed archive CSV row; fields can be swapped for broken ones. */
export function stopRow({ date = '2023-07-01T10:15:00+00:00', lat = '51.51', lon = '-0.18', outcome = 'Nothing found - no further action', removal = 'False' }: RowFields = {}): string {
  return `Person search,${date},False,,${lat},${lon},Male,18-24,White - White British (W1),White,Misuse of Drugs Act 1971 (section 23),Controlled drugs,${outcome},False,${removal}`;
}

export function policeCsv(rows: string[], eol = '\n'): string {
  return [HEADER, ...rows].map((line) => line + eol).join('');
}

/** `n` distinct good rows (one a minute from 1 July 2023). */
export function goodRows(n: number, day = 1): string[] {
  return Array.from({ length: n }, (_, i) => stopRow({ date: `2023-07-${String(day).padStart(2, '0')}T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+00:00` }));
}

export function writeInput(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export const gzip = (content: string | Buffer, level = 6) => zlib.gzipSync(content, { level });

/** Writes a zip of `entries` (member path -> content); names ending in / become folder entries. */
export function writeZip(file: string, entries: Record<string, string | Buffer>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    if (name.endsWith('/')) zip.addEmptyDirectory(name);
    else zip.addBuffer(Buffer.from(content), name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve(file)).on('error', reject);
  });
}
