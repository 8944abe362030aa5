import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/core/paths.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `scrutineer` command (bin/scrutineer.js) in a child process, as a person or cron
 * would, quiet unless `env` says otherwise; standard input is closed after `stdin`, if any.
 */
export function runScrutineer(args: string[], { env = {}, cwd = projectRoot(), stdin = '' }: { env?: Record<string, string>; cwd?: string; stdin?: string | Buffer } = {}): Promise<CliRun> {
  const proc = spawn(process.execPath, [path.join(projectRoot(), 'bin/scrutineer.js'), ...args], {
    cwd,
    env: { ...process.env, SCRUTINEER_LOG_LEVEL: 'silent', ...env }
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  proc.stdin.end(stdin);
  return new Promise((resolve) => proc.on('close', (code) => resolve({ code, stdout, stderr })));
}
