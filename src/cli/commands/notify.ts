import type { Command } from 'commander';
import { systemActor } from '../../core/access/actor.ts';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { runNotifications } from '../../core/notifications/notify.ts';
import { ExitError, fmt, type Output } from '../output.ts';

/** `scrutineer notify`: one due-date sweep and one delivery of the outbox, for cron. Exit 1 when a message was given up. */
export function registerNotify(program: Command, io: Output) {
  program
    .command('notify')
    .description('write due-soon and overdue notices, then send the outbox by SMTP (the server does this every minute)')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const ctx = await createContext(config, { command: 'scrutineer notify' });
      try {
        const result = await runNotifications(ctx, systemActor('scrutineer notify'), { config, log: ctx.log });
        if (opts.json) io.out(JSON.stringify(result, null, 2));
        else {
          const s = result.sweep;
          io.out(`Questions waiting for an answer: ${fmt(s.waiting)}. New notices: ${fmt(s.dueSoon)} due soon, ${fmt(s.overdue)} overdue.`);
          const d = result.delivery;
          if (d) io.out(`Sent ${fmt(d.sent)}; ${fmt(d.retrying)} to try again later; ${fmt(d.failed)} given up. Waiting in the outbox: ${fmt(result.pending)}.`);
          else io.out(`SCRUTINEER_SMTP_URL is not set: nothing was sent. ${fmt(result.pending)} messages wait in the outbox (an administrator can read them at /admin/mail).`);
        }
        if (result.delivery?.failed) throw new ExitError(1);
      } finally {
        await ctx.close();
      }
    });
}
