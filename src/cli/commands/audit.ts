import type { Command } from 'commander';
import { systemActor } from '../../core/access/actor.ts';
import { verifyAudit } from '../../core/audit/verify.ts';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { fmt, ExitError, type Output } from '../output.ts';

export function registerAudit(program: Command, io: Output) {
  const audit = program.command('audit').description('the hash-chained audit log of every change');
  audit
    .command('verify')
    .description('recompute the audit log hash chain and report the first broken link (exit 1 if any)')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const ctx = await createContext(loadConfig(), { command: 'scrutineer audit verify' });
      try {
        const result = await verifyAudit(ctx, systemActor('scrutineer audit verify'));
        if (opts.json) io.out(JSON.stringify(result, null, 2));
        else if (result.ok) io.out(`The audit log is intact: ${fmt(result.entries)} entries. Newest hash: ${result.head}`);
        else {
          const b = result.broken!;
          io.out(`The audit log is broken at entry ${b.id} (${b.at}, ${b.action}): ${b.message}`);
          io.out(`Entries before it (${fmt(result.entries - 1)}) are intact up to hash ${result.head}.`);
        }
        if (!result.ok) throw new ExitError(1);
      } finally {
        await ctx.close();
      }
    });
}
