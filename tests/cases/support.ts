import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseContext } from '../../src/core/cases/cases.ts';
import { nowhere, type AreaFinder } from '../../src/core/cases/places.ts';
import { createFileStore } from '../../src/core/files/store.ts';
import { createAssigner } from '../../src/core/geo/assign.ts';
import type { BoundaryFeature } from '../../src/core/geo/types.ts';
import type { TestWorkspace } from '../support/workspace.ts';

const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });

/** A hand-made Hackney with one ward around Ridley Road, so that placing uses the real assigner. */
const boundaries: Record<'borough' | 'ward', BoundaryFeature[]> = {
  borough: [{ code: 'E09000012', name: 'Hackney', level: 'borough', parentCode: null, geometry: square(-0.11, 51.52, -0.02, 51.58) }],
  ward: [{ code: 'E05009370', name: 'Dalston', level: 'ward', parentCode: 'E09000012', geometry: square(-0.08, 51.54, -0.06, 51.555) }]
};

export function testAreaFinder(): AreaFinder {
  const assigner = createAssigner(boundaries);
  const names = new Map([...boundaries.borough, ...boundaries.ward].map((f) => [f.code, f.name]));
  return async (lon, lat) => {
    const a = assigner.assign(lon, lat);
    if (!a.borough) return nowhere;
    return { wardCode: a.ward, wardName: a.ward ? names.get(a.ward)! : null, boroughCode: a.borough, boroughName: names.get(a.borough)! };
  };
}

/** The workspace with a file store in a temporary folder and the test boundaries. */
export function caseContext(ws: TestWorkspace, maxBytes?: number): CaseContext & { filesDir: string; removeFiles(): void } {
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-files-'));
  return { ...ws, files: createFileStore(filesDir, { maxBytes }), areas: testAreaFinder(), filesDir, removeFiles: () => fs.rmSync(filesDir, { recursive: true, force: true }) };
}
