/** Run as a child process by lock.test.ts: takes the data folder's lock, says "locked" and holds it until killed. */
import { acquireDataFolderLock } from '../../../src/core/storage/lock.ts';

acquireDataFolderLock(process.argv[2], 'scrutineer test-holder');
process.stdout.write('locked\n');
setInterval(() => undefined, 60_000);
