import { areasInUse } from '../src/core/figures/area.ts';
import { computeBoroughMonths } from '../src/core/figures/batch.ts';
import { computeFigures } from '../src/core/figures/compute.ts';
import { monthsOf } from '../src/core/figures/period.ts';
import type { Warehouse } from '../src/core/warehouse/warehouse.ts';

const ms = (t: number) => `${t.toFixed(1)} ms`;

/**
 * Figures over a warehouse holding all of ../shared/data: one borough-month warm (target < 50 ms),
 * all 33 boroughs × 12 months (target < 5 s), beside one plain DuckDB count(*) GROUP BY.
 */
export async function benchFigures(wh: Warehouse, log: (line: string) => void = console.log): Promise<void> {
  const boroughs = (await areasInUse(wh)).filter((a) => a.level === 'borough');
  const [{ last }] = await wh.query<{ last: string }>(`SELECT max(month) AS last FROM sources WHERE force = 'metropolitan' AND format = 'police-uk-stop-search-csv'`);
  const months = monthsOf({ from: `${Number(last.slice(0, 4)) - 1}-${last.slice(5, 7)}-01`, to: `${last}-01` }).slice(1);
  const one = { area: 'E09000012', from: months[months.length - 1] };

  await computeFigures(wh, one); // cold
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await computeFigures(wh, one);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  log(`figures, one borough and month (Hackney ${one.from}), warm: median ${ms(median)}, worst ${ms(times[times.length - 1])}  target < 50 ms: ${median < 50 ? 'PASS' : 'MISS'}`);

  const t0 = performance.now();
  const sets = await computeBoroughMonths(wh, { boroughs: boroughs.map((b) => b.code), months });
  const all = performance.now() - t0;
  log(`figures, ${boroughs.length} boroughs × ${months.length} months (${sets.length} sets, computeBoroughMonths): ${(all / 1000).toFixed(2)} s  target < 5 s: ${all < 5000 ? 'PASS' : 'MISS'}`);

  const t2 = performance.now();
  for (const m of months.slice(-2)) for (const b of boroughs) await computeFigures(wh, { area: b.code, from: m });
  const each = (performance.now() - t2) / (boroughs.length * 2);
  log(`  (one set at a time with computeFigures: ${ms(each)} a set, so about ${((each * sets.length) / 1000).toFixed(1)} s for all)`);

  const t1 = performance.now();
  await wh.query(`SELECT borough, strftime(local_date, '%Y-%m') AS m, count(*) FROM stop_search GROUP BY ALL`);
  log(`DuckDB count(*) GROUP BY borough, month over the whole table, same run: ${ms(performance.now() - t1)}`);
}
