import { Command, CommanderError } from 'commander';
import { registerAdmin } from './commands/admin.ts';
import { registerAudit } from './commands/audit.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExtract } from './commands/extract.ts';
import { registerFigures } from './commands/figures.ts';
import { registerImport } from './commands/import.ts';
import { registerSample } from './commands/sample.ts';
import { registerNotify } from './commands/notify.ts';
import { registerServe } from './commands/serve.ts';
import { registerStatus } from './commands/status.ts';
import { registerSync } from './commands/sync.ts';
import { processOutput, reportError, type Output } from './output.ts';

/** Builds the `scrutineer` command; tests run it in-process with their own output. */
export function buildProgram(io: Output): Command {
  const program = new Command('scrutineer')
    .description('Scrutineer: a workbench for community police scrutiny panels')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerImport(program, io);
  registerSync(program, io);
  registerStatus(program, io);
  registerFigures(program, io);
  registerSample(program, io);
  registerServe(program, io);
  registerAudit(program, io);
  registerAdmin(program, io);
  registerDemo(program, io);
  registerExtract(program, io);
  registerNotify(program, io);
  return program;
}

export async function runCli(argv: string[], io: Output = processOutput): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    return reportError(err, io, argv.includes('--json'));
  }
}

if (process.argv[1] && /scrutineer(\.js)?$|main\.ts$/.test(process.argv[1])) {
  // Piped into `head`: stop quietly when the reader goes away.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(0) : undefined));
  process.exitCode = await runCli(process.argv.slice(2));
}
