import path from 'node:path';
import { projectRoot } from '../../src/core/paths.ts';

/** One month of Metropolitan Police records and two boroughs (see e2e/fixtures/README.md). */
export const smallDataSet = ['2023-07-metropolitan-stop-and-search.csv', 'boroughs.geojson'].map((f) =>
  path.join(projectRoot(), 'e2e', 'fixtures', f)
);
