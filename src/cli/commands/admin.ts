import type { Command } from 'commander';
import { systemActor } from '../../core/access/actor.ts';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { inviteAdmin } from '../../core/panels/invitations.ts';
import type { Output } from '../output.ts';

/**
 * `scrutineer admin invite --email`: how an installation gets its first administrator. It prints a
 * link; whoever opens it chooses their own name and password, so no password passes through the
 * command line, the shell history or the environment.
 */
export function registerAdmin(program: Command, io: Output) {
  const admin = program.command('admin').description('administrators of this installation');
  admin
    .command('invite')
    .description('make a one-time link (valid 7 days) that makes an administrator account for an email address')
    .requiredOption('--email <address>', 'the new administrator\'s email address')
    .option('--json', 'print as JSON')
    .action(async (opts: { email: string; json?: boolean }) => {
      const config = loadConfig();
      const ctx = await createContext(config, { command: 'scrutineer admin invite' });
      try {
        const issued = await inviteAdmin(ctx, systemActor('scrutineer admin invite'), { email: opts.email });
        const link = new URL(issued.path, config.origin).toString();
        if (opts.json) return io.out(JSON.stringify({ email: issued.invitation.email, link, expiresAt: issued.invitation.expiresAt }, null, 2));
        io.out(`Invitation for ${issued.invitation.email} to administer this installation, valid until ${issued.invitation.expiresAt.toISOString()}:`);
        io.out(link);
        io.out('Start the server (scrutineer serve), open the link and choose a password.');
      } finally {
        await ctx.close();
      }
    });
}
