import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { importFiles } from '../../core/import/import.ts';
import { syncStops, SYNC_DEFAULTS } from '../../core/police-data/sync/sync.ts';
import { ExitError, fmt, type Output } from '../output.ts';
import { progressBar } from '../progress.ts';
import { describeImport } from './import.ts';

export function registerSync(program: Command, io: Output) {
  program
    .command('sync')
    .description('download stop-and-search months from the data.police.uk API and import them')
    .requiredOption('--force <force>', 'police force id, e.g. metropolitan')
    .requiredOption('--from <YYYY-MM>', 'first month')
    .requiredOption('--to <YYYY-MM>', 'last month')
    .option('--json', 'print only the report as JSON')
    .addHelpText(
      'after',
      `
Asks the API which months the force has published, then downloads each (stops-force, which
includes records without a location) at most SCRUTINEER_SYNC_RATE requests a second, retrying
with backoff. Raw responses are kept under <data folder>/imports/api/<force>/<month>.json, so an
interrupted sync resumes where it stopped. The base URL is SCRUTINEER_POLICE_API_URL (a mirror works).

Example: npx scrutineer sync --force metropolitan --from 2024-09 --to 2025-04`
    )
    .action(async (opts: { force: string; from: string; to: string; json?: boolean }) => {
      const config = loadConfig();
      const ctx = await createContext(config, { command: 'scrutineer sync', database: false });
      const bar = progressBar(io, !opts.json, 'Downloading');
      try {
        const rawDir = path.join(config.dataDir, 'imports', 'api');
        const sync = await syncStops(
          { ...SYNC_DEFAULTS, fetch, baseUrl: config.policeApiUrl, rawDir, requestsPerSecond: config.syncRate, onProgress: bar.update },
          { force: opts.force, from: opts.from, to: opts.to }
        );
        bar.stop();
        const files = sync.months.filter((m) => m.path).map((m) => m.path!);
        const imported = files.length ? await importFiles(ctx.warehouse, config.dataDir, { paths: files, force: opts.force }) : null;
        if (opts.json) io.out(JSON.stringify({ sync, import: imported }, null, 2));
        else {
          for (const m of sync.months)
            io.out(`${m.month}  ${m.status}${m.records !== null ? ` (${fmt(m.records)} records)` : ''}${m.error ? `: ${m.error}` : ''}`);
          if (imported) io.out('\n' + describeImport(imported));
        }
        if (sync.months.some((m) => m.status === 'failed') || imported?.files.some((f) => f.status === 'failed')) throw new ExitError(1);
      } finally {
        bar.stop();
        await ctx.close();
      }
    });
}
