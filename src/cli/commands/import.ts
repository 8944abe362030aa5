import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { importFiles } from '../../core/import/import.ts';
import type { FileReport, ImportReport } from '../../core/import/report.ts';
import { ExitError, fmt, type Output } from '../output.ts';
import { progressBar } from '../progress.ts';

export const importHelp = `
Loads official data into the warehouse. Give it files, folders (read recursively) or .zip files;
.gz files are decompressed. Each file's format is recognised from its content:

  police-uk-stop-search-csv   data.police.uk archive CSV, e.g. 2023-07-metropolitan-stop-and-search.csv
  police-uk-stop-search-json  data.police.uk API stops-force responses (a JSON array), kept by \`scrutineer sync\`
  boundaries                  GeoJSON or TopoJSON of boroughs, wards, LSOAs or local authorities (GSS codes)
  census-ts021                ONS Census 2021 TS021 ethnic group by local authority
  lookup                      LSOA -> MSOA -> local authority, LA -> police force area, ward -> LA

Anything else is skipped with the reason. Bytes imported before are skipped; a file for a force and
month already loaded replaces it whole. Rows that cannot be loaded are quarantined with their line
and reason. The whole import is one transaction: if it fails or is killed, nothing changes.

Examples:
  npx scrutineer import ../shared/data
  npx scrutineer import 2024-03-metropolitan-stop-and-search.csv.gz boundaries.zip --json

Exit status: 0 when every file loaded or was skipped, 1 when some file failed (the rest still load).`;

export function registerImport(program: Command, io: Output) {
  program
    .command('import')
    .description('load data.police.uk records, boundaries, census population and lookups')
    .argument('[paths...]', 'files, folders or .zip files')
    .option('--force <force>', 'police force of files whose names do not say (e.g. metropolitan)')
    .option('--json', 'print only the import report as JSON')
    .addHelpText('after', importHelp)
    .action(async (paths: string[], opts: { force?: string; json?: boolean }) => {
      if (paths.length === 0) {
        io.err(`scrutineer import: tell me what to import.\n${importHelp}`);
        throw new ExitError(2);
      }
      const ctx = await createContext(loadConfig(), { command: 'scrutineer import', database: false });
      const bar = progressBar(io, !opts.json, 'Importing');
      try {
        const report = await importFiles(ctx.warehouse, ctx.config.dataDir, { paths, force: opts.force, onProgress: bar.update });
        bar.stop();
        io.out(opts.json ? JSON.stringify(report, null, 2) : describeImport(report));
        if (report.files.some((f) => f.status === 'failed')) throw new ExitError(1);
      } finally {
        bar.stop();
        await ctx.close();
      }
    });
}

export function describeImport(r: ImportReport): string {
  const lines = r.files.map(describeFile);
  const t = r.totals;
  lines.push(
    '',
    `Read ${fmt(t.read)} rows: ${fmt(t.loaded)} loaded, ${fmt(t.quarantined)} quarantined, ${fmt(t.skipped)} skipped as already loaded` +
      ` (${r.balanced ? 'every row accounted for' : 'ROWS UNACCOUNTED FOR: please report this'}).`
  );
  if (r.reassigned !== undefined) lines.push(`Boundaries changed: ${fmt(r.reassigned)} records placed again.`);
  const failed = r.files.filter((f) => f.status === 'failed').length;
  if (failed) lines.push(`${failed} file(s) failed; nothing was loaded from them. The rest were loaded.`);
  lines.push(`Took ${(r.durationMs / 1000).toFixed(1)} s.`);
  return lines.join('\n');
}

function describeFile(f: FileReport): string {
  const head = `${f.status.toUpperCase().padEnd(7)} ${f.path}`;
  const counts =
    f.status === 'loaded'
      ? `  ${f.format}${f.force ? `, ${f.force} ${f.month}` : ''}: read ${fmt(f.read)}, loaded ${fmt(f.loaded)}, quarantined ${fmt(f.quarantined)}` +
        (f.located !== undefined ? `; ${fmt(f.located)} located, ${fmt(f.placed ?? 0)} placed in an area` : '')
      : f.skipped
        ? `  ${f.format}: ${fmt(f.skipped)} rows skipped`
        : null;
  return [head, counts, ...f.messages.map((m) => `  - ${m}`)].filter(Boolean).join('\n');
}
