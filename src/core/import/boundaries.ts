import fs from 'node:fs';
import { parseBoundaries } from '../geo/boundaries.ts';
import { polygonsOf } from '../geo/geometry.ts';
import type { FileReport } from './report.ts';
import { finishSource, insertSource, type ImportRun } from './run.ts';
import type { SourceInput } from './sources.ts';

/** Loads a GeoJSON or TopoJSON boundary file; every feature becomes an area row. */
export async function importBoundaries(run: ImportRun, src: SourceInput, report: FileReport, storedCopy: string | null) {
  const plain = await src.materialise(run.tmpDir);
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(plain, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`the file is not valid JSON (${(err as Error).message})`);
  } finally {
    fs.rmSync(plain, { force: true });
  }
  const set = parseBoundaries(doc, src.name);
  // Records are placed ward-within-borough: a ward or LSOA must say which local authority holds it.
  const orphan = set.features.find((f) => (f.level === 'ward' || f.level === 'lsoa') && !f.parentCode);
  if (orphan)
    throw new Error(
      `${orphan.level} ${orphan.code} (${orphan.name}) has no local authority code property (such as LAD22CD): wards and LSOAs must name the borough that holds them`
    );
  const levels = [...new Set(set.features.map((f) => f.level))].sort();
  const detail = `${levels.join('+')}${set.vintage ? ` ${set.vintage}` : ''} (code property ${set.codeProperty})`;
  const id = await insertSource(run, { src, format: 'boundaries', detail, storedCopy });
  const appender = await run.conn.createAppender('areas');
  for (const f of set.features) {
    appender.appendInteger(id);
    appender.appendVarchar(f.level);
    appender.appendVarchar(f.code);
    appender.appendVarchar(f.name);
    f.parentCode ? appender.appendVarchar(f.parentCode) : appender.appendNull();
    set.vintage ? appender.appendInteger(set.vintage) : appender.appendNull();
    appender.appendInteger(polygonsOf(f.geometry).reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0));
    appender.appendVarchar(JSON.stringify(f.geometry));
    appender.endRow();
  }
  appender.closeSync();
  const n = set.features.length;
  await finishSource(run, id, { read: n, loaded: n, quarantined: 0 });
  Object.assign(report, { read: n, loaded: n, sourceId: id, status: 'loaded' });
  report.messages.push(
    `${n} areas (${levels.join(', ')})${set.vintage ? `, vintage ${set.vintage}` : ''}${set.reprojected ? ', reprojected from British National Grid' : ''}`
  );
  if (levels.some((l) => l === 'lsoa' || l === 'ward' || l === 'borough')) run.boundaryVersion++;
}
