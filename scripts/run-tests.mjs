#!/usr/bin/env node
// The test command (`npm test`): type checks, then every Vitest suite (unit, medium, real data,
// end-to-end), then one closing line `N passed, N failed, N skipped` that counts them all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const results = path.join(root, 'test-results', 'vitest.json');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(label, cmd, args) {
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

const checks = [
  ['svelte-kit sync', bin('svelte-kit'), ['sync']],
  ['svelte-check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--threshold', 'warning']],
  ['tsc (core, CLI, tests)', bin('tsc'), ['-p', 'tsconfig.cli.json', '--noEmit']]
];
for (const [label, cmd, args] of checks) (step(label, cmd, args) ? passed++ : failed++);

fs.rmSync(results, { force: true });
fs.mkdirSync(path.dirname(results), { recursive: true });
const vitestOk = step('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)]);
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  // A suite that failed to load (a syntax error, a failing hook) has no failed tests: count it.
  failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
} else if (!vitestOk) failed++;
if (!vitestOk && failed === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
