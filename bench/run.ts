import fs from 'node:fs';
import { dashboardBenchmark } from './dashboard.ts';
import { benchFigures } from './figures.ts';
import { importBenchmark } from './import.ts';
import { packBenchmark } from './pack.ts';
import { importedWarehouse, machine, makeScratch, sharedData, type Benchmark } from './support.ts';

/**
 * `npm run bench`: measures, prints figures and targets, asserts nothing. Each benchmark lives in
 * its own file and is listed here; one that reads a full warehouse gets it from
 * `importedWarehouse(env)` (support.ts), e.g.
 *   { name: 'figures', run: async (env) => { const wh = await importedWarehouse(env); try { await benchFigures(wh, env.print); } finally { await wh.close(); } } }
 * `npm run bench -- import` runs only the import benchmark (any names: the first word of each).
 * Exits 0 when every benchmark ran, whatever the figures; 1 only if one crashed.
 */
const figuresBenchmark: Benchmark = {
  name: 'figures',
  run: async (env) => {
    const wh = await importedWarehouse(env);
    try {
      await benchFigures(wh, env.print);
    } finally {
      await wh.close();
    }
  }
};

const all: Benchmark[] = [importBenchmark, figuresBenchmark, dashboardBenchmark, packBenchmark];

/** `npm run bench -- import figures` runs only the benchmarks whose names start with a given word. */
const only = process.argv.slice(2).map((a) => a.toLowerCase());
const benchmarks = only.length ? all.filter((b) => only.some((w) => b.name.toLowerCase().startsWith(w))) : all;
if (benchmarks.length === 0) {
  console.log(`no benchmark matches ${only.join(', ')}: the benchmarks are ${all.map((b) => b.name.split(':')[0]).join(', ')}`);
  process.exit(1);
}

const print = (line = '') => console.log(line);
const data = sharedData();
if (!data.present) {
  print(`../shared/data not found (looked in ${data.dir}): benchmarks skipped.`);
  process.exit(0);
}

let crashed = false;
for (const bench of benchmarks) {
  const scratch = makeScratch();
  print(`== ${bench.name}`);
  print(`machine: ${machine()}`);
  const started = performance.now();
  try {
    await bench.run({ dataDir: data.dir, scratch, print });
  } catch (err) {
    crashed = true;
    print(`ERROR: ${(err as Error).stack ?? err}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  print(`machine: ${machine()}`);
  print(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  print();
}
process.exitCode = crashed ? 1 : 0;
