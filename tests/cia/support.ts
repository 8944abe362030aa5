import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiles } from '../../src/core/import/import.ts';
import { projectRoot } from '../../src/core/paths.ts';
import { Warehouse } from '../../src/core/warehouse/warehouse.ts';
import { HEADER } from '../figures/support/stops.ts';
import { addDays } from '../../src/core/figures/period.ts';

/**
 * Hackney (the e2e fixture's rectangle), June and July 2023: one search a day, except fifteen on
 * Friday 21 July 2023 (the Ridley Road Market operation), an unusual day by METRICS.md's rule.
 */
export async function ridleyRoadWarehouse(): Promise<{ wh: Warehouse; close(): Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-cia-'));
  const byMonth = new Map<string, string[]>();
  for (let d = '2023-06-01'; d <= '2023-07-31'; d = addDays(d, 1)) {
    const n = d === '2023-07-21' ? 15 : 1;
    for (let i = 0; i < n; i++) {
      const line = ['Person search', `${d}T11:${String(i).padStart(2, '0')}:00+00:00`, 'False', '', '51.548', String(-0.075 + i * 0.0001), 'Male', '18-24', 'Black/African/Caribbean/Black British - African', '', 'Misuse of Drugs Act 1971 (section 23)', 'Controlled drugs', 'A no further action disposal', '', 'False'].join(',');
      byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), line]);
    }
  }
  const files = [...byMonth].map(([month, lines]) => {
    const file = path.join(root, `${month}-metropolitan-stop-and-search.csv`);
    fs.writeFileSync(file, [HEADER, ...lines].join('\n') + '\n');
    return file;
  });
  const wh = await Warehouse.open({ path: path.join(root, 'w.duckdb'), memoryLimit: '512MB', threads: 1, queryTimeoutMs: 10_000 });
  await importFiles(wh, path.join(root, 'data'), { paths: [path.join(projectRoot(), 'e2e', 'fixtures', 'boroughs.geojson'), ...files] });
  return {
    wh,
    async close() {
      await wh.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
}
