import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { dataStatus } from '../../core/status/data-status.ts';
import { fmt, type Output } from '../output.ts';

export function registerStatus(program: Command, io: Output) {
  program
    .command('status')
    .description('show what data is loaded')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await createContext(loadConfig(), { command: 'scrutineer status', database: false });
      try {
        const s = await dataStatus(ctx.warehouse);
        if (opts.json) return io.out(JSON.stringify(s, null, 2));
        if (s.empty) return io.out('Nothing is loaded yet. Run: npx scrutineer import ../shared/data');
        for (const f of s.forces)
          io.out(`${f.force}: ${fmt(f.records)} records in ${f.months.length} months (${f.firstMonth} to ${f.lastMonth}); ${fmt(f.located)} located, ${fmt(f.placed)} placed`);
        for (const a of s.areas) io.out(`${a.level}: ${fmt(a.count)} areas${a.vintage ? ` (${a.vintage})` : ''} from ${a.source}`);
        if (s.population) io.out(`population: ${s.population.dataset}, ${fmt(s.population.areas)} areas, ${fmt(s.population.residents)} residents`);
        if (s.wardPopulation) io.out(`ward populations: ${s.wardPopulation.wards} of ${s.wardPopulation.of} wards in use (${s.wardPopulation.source}; only wards unchanged since 2020)`);
        io.out(`quarantined rows: ${fmt(s.quarantined)}; last import ${s.lastImport ?? 'never'}`);
      } finally {
        await ctx.close();
      }
    });
}
