/**
 * Fills a data folder before a server starts on it: `node --import tsx e2e/support/prepare-data.ts
 * DATA_DIR PATH…`. A separate process, as `scrutineer import` would be, since one process owns a folder.
 */
import { loadConfig } from '../../src/core/config.ts';
import { createContext } from '../../src/core/context.ts';
import { importFiles } from '../../src/core/import/import.ts';

const [dataDir, ...paths] = process.argv.slice(2);
if (!dataDir || paths.length === 0) {
  process.stderr.write('usage: prepare-data.ts DATA_DIR PATH…\n');
  process.exit(2);
}
const config = loadConfig({ ...process.env, SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'warn' });
const ctx = await createContext(config, { command: 'e2e prepare-data', database: false });
try {
  const report = await importFiles(ctx.warehouse, config.dataDir, { paths });
  process.stdout.write(JSON.stringify(report.totals) + '\n');
  if (report.files.some((f) => f.status === 'failed')) {
    process.stderr.write(JSON.stringify(report.files, null, 2) + '\n');
    process.exitCode = 1;
  }
} finally {
  await ctx.close();
}
