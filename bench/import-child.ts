import path from 'node:path';
import { importFiles } from '../src/core/import/import.ts';
import { Warehouse } from '../src/core/warehouse/warehouse.ts';

/**
 * Imports the given paths into the data folder and prints one JSON line with the rows, the time
 * and this process's peak resident memory: run as a child by bench/import.ts, so that the peak
 * belongs to the import alone.
 * Usage: node --import tsx bench/import-child.ts DATA_DIR PATH...
 */
const [dataDir, ...paths] = process.argv.slice(2);
const rssAtStartKb = Math.round(process.memoryUsage().rss / 1024);
const warehouse = await Warehouse.open({ path: path.join(dataDir, 'warehouse.duckdb'), memoryLimit: '1GB', threads: 2, queryTimeoutMs: 60_000 });
const started = performance.now();
const report = await importFiles(warehouse, dataDir, { paths });
const seconds = (performance.now() - started) / 1000;
await warehouse.close();
const failed = report.files.filter((f) => f.status === 'failed').length;
console.log(JSON.stringify({ rows: report.totals.read, loaded: report.totals.loaded, failed, seconds, rssAtStartKb, maxRssKb: process.resourceUsage().maxRSS }));
