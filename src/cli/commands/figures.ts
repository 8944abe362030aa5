import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { computeFigures } from '../../core/figures/compute.ts';
import { parseFigureQuery, toFigureRequest } from '../../core/figures/request.ts';
import { figuresCsv, formatValue, formatInterval } from '../../core/figures/format.ts';
import type { FigureSet } from '../../core/figures/types.ts';
import { findUnusualDays } from '../../core/figures/unusual.ts';
import { groupings } from '../../core/police-data/ethnicity.ts';
import { fmt, type Output } from '../output.ts';

type CliOptions = Record<string, string | boolean | undefined>;

export function registerFigures(program: Command, io: Output) {
  program
    .command('figures')
    .description('print the scrutiny figures of an area and period (METRICS.md)')
    .requiredOption('--area <code|name>', 'borough, ward or LSOA GSS code or name, or a force id (e.g. Hackney, E09000012, metropolitan)')
    .requiredOption('--from <date>', 'first day, month, quarter or year: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY (London local dates)')
    .option('--to <date>', 'last day, month, quarter or year (default: the end of --from)')
    .option('--grouping <grouping>', `ethnicity grouping: ${groupings.join(' or ')}`, 'census2021')
    .option('--ethnicity <whose>', 'self (self-defined) or officer (officer-defined)', 'self')
    .option('--json', 'print the figure objects as JSON')
    .option('--csv', 'print the figures as CSV')
    .action(async (opts: CliOptions) => {
      const query = parseFigureQuery(opts);
      const ctx = await createContext(loadConfig(), { command: 'scrutineer figures', database: false });
      try {
        const set = await computeFigures(ctx.warehouse, toFigureRequest(query));
        io.out(opts.json ? JSON.stringify(set, null, 2) : opts.csv ? figuresCsv(set.figures) : describeFigures(set));
      } finally {
        await ctx.close();
      }
    });

  program
    .command('unusual')
    .description('list unusual days (possible operations) of an area and its wards')
    .requiredOption('--area <code|name>', 'borough, ward or force')
    .requiredOption('--from <date>', 'first month or day')
    .option('--to <date>', 'last month or day')
    .option('--json', 'print as JSON')
    .action(async (opts: CliOptions) => {
      const query = parseFigureQuery(opts);
      const ctx = await createContext(loadConfig(), { command: 'scrutineer unusual', database: false });
      try {
        const r = await findUnusualDays(ctx.warehouse, query);
        if (opts.json) return io.out(JSON.stringify(r.days, null, 2));
        io.out(`Unusual days in ${r.area.name} and its wards, ${r.period.from} to ${r.period.to}:`);
        if (r.days.length === 0) io.out('  none (no day had at least 10 searches and a chance below 1 in 1,000 of reaching its count by chance).');
        for (const d of r.days)
          io.out(
            `  ${d.date}  ${d.area.name} (${d.area.level}): ${d.count} searches, usually ${d.baseline.toFixed(1)} a day` +
              `${d.ratio ? ` (${d.ratio}×)` : ''}; powers ${summary(d.makeup.legislation)}; hours ${summary(d.makeup.hour)}`
          );
      } finally {
        await ctx.close();
      }
    });
}

const summary = (h: Record<string, number> | undefined) =>
  Object.entries(h ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

function describeFigures({ context: c, figures }: FigureSet): string {
  const lines = [
    `${c.area.name} (${c.area.level} ${c.area.code}), ${c.period.from} to ${c.period.to}`,
    `Ethnicity: ${c.ethnicity === 'self_defined_ethnicity' ? `self-defined, ${c.grouping} grouping` : 'officer-defined'}.` +
      ` Force ${c.force}: ${fmt(c.placement.forceRecords)} records in the period, ${fmt(c.placement.unlocated)} without a location and ${fmt(c.placement.locatedOutsideAreas)} outside every area (not in any area's figures).`,
    ...(c.missingMonths.length ? [`Months with no data loaded: ${c.missingMonths.join(', ')}.`] : []),
    ...c.thinMonths.map((t) => `Possibly incomplete: ${t.month} has ${t.records} records, fewer than half the usual month (median of up to 12 months before: ${t.usual})${t.stopsOn ? `; none after ${t.stopsOn}` : ''}.`),
    '',
    `${'figure'.padEnd(22)}${'group'.padEnd(36)}${'value'.padStart(10)}  ${'95% interval'.padEnd(18)}${'n / d'.padEnd(18)}flags`
  ];
  for (const f of figures) {
    const group = f.group ? `${f.group.dimension.replace(/_/g, ' ')}: ${f.group.value}` : '';
    const nd = f.denominator === null ? String(f.numerator) : `${f.numerator} / ${f.denominator}`;
    lines.push(`${f.metric.padEnd(22)}${group.slice(0, 35).padEnd(36)}${formatValue(f).padStart(10)}  ${formatInterval(f).padEnd(18)}${nd.padEnd(18)}${f.flags.join(', ')}`);
  }
  // A ward's rate per 1,000 says where its population comes from, or why it has none.
  const wardRate = c.area.level === 'ward' ? figures.find((f) => f.metric === 'rate_per_1000' && f.group === null) : undefined;
  if (wardRate) lines.push('', `Searches per 1,000 residents: ${wardRate.method}`);
  lines.push('', 'Sources:', ...c.sources.map((s) => `  ${s}`));
  return lines.join('\n');
}
