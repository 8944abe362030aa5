import { DomainError, errorBody, exitCode } from '../core/errors.ts';

/** Where the CLI writes; tests pass their own to read what a command printed. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** True when standard error is a terminal: progress bars only then. */
  isTty: boolean;
}

export const processOutput: Output = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  isTty: Boolean(process.stderr.isTTY)
};

/** Thrown to end a command with an exit code after it has said why. */
export class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** Turns any error into a message and an exit code, in the one place the CLI does so. */
export function reportError(err: unknown, io: Output, json: boolean): number {
  if (err instanceof ExitError) return err.code;
  if (json) io.out(JSON.stringify(errorBody(err), null, 2));
  if (err instanceof DomainError) {
    if (!json) io.err(`scrutineer: ${err.message}`);
    return exitCode[err.code];
  }
  io.err(`scrutineer: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
  return exitCode.internal;
}

export const fmt = (n: number) => n.toLocaleString('en-GB');
