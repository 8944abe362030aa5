/**
 * Run as a child process by atomic.test.ts: imports `paths` into the warehouse of `dataDir` and says
 * how far it got ("started", "last file" before the police files are loaded together, "batch done",
 * "finished" after the commit), so the test can kill it part-way. With SCRUTINEER_TEST_KILL_BEFORE_COMMIT=1
 * it kills itself with SIGKILL once every row is in the transaction but before the commit.
 */
import { importFiles } from '../../../src/core/import/import.ts';
import { Warehouse } from '../../../src/core/warehouse/warehouse.ts';
import { warehouseOptions } from './warehouse.ts';

const [dataDir, ...paths] = process.argv.slice(2);
const killBeforeCommit = process.env.SCRUTINEER_TEST_KILL_BEFORE_COMMIT === '1';
const say = (line: string) => process.stdout.write(`${line}\n`);

const wh = await Warehouse.open(warehouseOptions(dataDir));
let started = false;
const report = await importFiles(wh, dataDir, {
  paths,
  onProgress: (done, total) => {
    if (!started) say('started');
    started = true;
    if (done === total - 1) say('last file');
    if (done === total) {
      say('batch done');
      if (killBeforeCommit) process.kill(process.pid, 'SIGKILL');
    }
  }
});
await wh.close();
say(`finished ${report.totals.loaded}`);
