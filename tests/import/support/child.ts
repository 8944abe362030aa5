import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root, where child processes run so that tsx and the sources resolve. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Child {
  proc: ChildProcess;
  lines: string[];
  /** Resolves when the child has printed `line`; rejects if it exits first. */
  waitFor(line: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Runs a TypeScript script under tsx, collecting its output line by line. */
export function runTs(script: string, args: string[], env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: projectRoot, env: { ...process.env, ...env } });
  const lines: string[] = [];
  let err = '';
  const waiters: Array<{ line: string; resolve: () => void }> = [];
  let buffered = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.line === line)) w.resolve();
    }
  });
  proc.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal }))
  );
  return {
    proc,
    lines,
    exited,
    stderr: () => err,
    waitFor(line) {
      if (lines.includes(line)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiters.push({ line, resolve });
        void exited.then(({ code, signal }) => reject(new Error(`child exited (${code ?? signal}) before "${line}": ${err}`)));
      });
    }
  };
}
