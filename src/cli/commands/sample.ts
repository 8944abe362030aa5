import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { Invalid } from '../../core/errors.ts';
import { maxSeed } from '../../core/reviews/draw.ts';
import { drawSample, parseSampleSize, strataDimensions, type StrataDimension } from '../../core/reviews/sampling.ts';
import { fmt, type Output } from '../output.ts';

interface SampleOptions {
  area: string;
  month: string;
  size: string;
  seed: string;
  strata?: string;
  json?: boolean;
}

/** `scrutineer sample`: the same sample the workspace draws, from the warehouse alone (nothing is stored). */
export function registerSample(program: Command, io: Output) {
  program
    .command('sample')
    .description("draw a reproducible random sample of an area's stop-and-search records in a month (docs/reviews.md)")
    .requiredOption('--area <code|name>', 'borough (or ward, LSOA, force) GSS code or name, e.g. E09000012')
    .requiredOption('--month <YYYY-MM>', 'the month (London local dates)')
    .requiredOption('--size <n|share>', 'how many records (20) or a share of the month (10%)')
    .requiredOption('--seed <n>', `the seed, a whole number from 1 to ${maxSeed}: the same seed gives the same sample`)
    .option('--strata <dimension>', `stratify with proportional allocation: ${strataDimensions.join(', ')}`, 'none')
    .option('--json', 'print { seed, area, month, records: [{ id, datetime, latitude, longitude, legislation, object, outcome }] }')
    .action(async (opts: SampleOptions) => {
      if (!/^\d+$/.test(opts.seed)) throw new Invalid(`--seed "${opts.seed}" is not a whole number.`, { field: 'seed' });
      if (!(strataDimensions as readonly string[]).includes(opts.strata ?? 'none'))
        throw new Invalid(`--strata must be one of ${strataDimensions.join(', ')}.`, { field: 'strata' });
      const request = { area: opts.area, month: opts.month, size: parseSampleSize(opts.size), seed: Number(opts.seed), strata: opts.strata as StrataDimension };
      const ctx = await createContext(loadConfig(), { command: 'scrutineer sample', database: false });
      try {
        const s = await drawSample(ctx.warehouse, request);
        if (opts.json) {
          const records = s.records.map((r) => ({ id: r.id, datetime: r.datetime, latitude: r.latitude, longitude: r.longitude, legislation: r.legislation, object: r.object, outcome: r.outcome }));
          return io.out(JSON.stringify({ seed: s.seed, area: s.area.code, month: s.month, records }, null, 2));
        }
        io.out(`${s.records.length} of ${fmt(s.population)} records of ${s.area.name} (${s.area.code}) in ${s.month}, seed ${s.seed}` + (s.strata === 'none' ? '' : `, stratified by ${s.strata}`) + ':');
        for (const r of s.records)
          io.out(`  ${r.id.padEnd(28)} ${r.datetime}  ${r.latitude ?? '—'}, ${r.longitude ?? '—'}  ${r.legislation}  ${r.object}  ${r.outcome}${r.street ? `  ${r.street}` : ''}`);
      } finally {
        await ctx.close();
      }
    });
}
