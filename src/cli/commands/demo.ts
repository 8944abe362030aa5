import type { Command } from 'commander';
import { systemActor } from '../../core/access/actor.ts';
import { loadConfig } from '../../core/config.ts';
import { createContext } from '../../core/context.ts';
import { warehouseAreaFinder } from '../../core/cases/places.ts';
import { createDemoPanel } from '../../core/demo/demo.ts';
import { dataLinkWords } from '../../core/demo/demo-cases.ts';
import { createFileStore } from '../../core/files/store.ts';
import type { Output } from '../output.ts';

/** `scrutineer demo --borough hackney`: a demonstration panel with fictional people and data. */
export function registerDemo(program: Command, io: Output) {
  program
    .command('demo')
    .description('create a demonstration panel for a borough: fictional members, questions in every state, actions, meetings, a case file')
    .requiredOption('--borough <name>', 'the borough as in URLs, e.g. hackney or tower-hamlets')
    .option('--json', 'print as JSON')
    .action(async (opts: { borough: string; json?: boolean }) => {
      const config = loadConfig();
      const ctx = await createContext(config, { command: 'scrutineer demo' });
      try {
        const caseCtx = { ...ctx, files: createFileStore(ctx.filesDir), areas: warehouseAreaFinder(ctx.warehouse) };
        const demo = await createDemoPanel(caseCtx, systemActor('scrutineer demo'), { borough: opts.borough });
        if (opts.json) return io.out(JSON.stringify(demo, null, 2));
        io.out(`Created ${demo.panel.name}: ${demo.questions} questions, ${demo.actions} actions and ${demo.meetings} meetings, all fictional.`);
        io.out(`Workspace: ${new URL(`/w/${demo.panel.slug}`, config.origin)}   Public tracker: ${new URL(`/b/${demo.panel.slug}/tracker`, config.origin)}   Published minutes: ${new URL(`/b/${demo.panel.slug}/meetings`, config.origin)}`);
        if (demo.case) {
          io.out(`Case file: ${new URL(`/w/${demo.panel.slug}/cases/${demo.case.incidentId}`, config.origin)}   Published summary: ${new URL(`/b/${demo.panel.slug}/cases/${demo.case.incidentId}`, config.origin)}`);
          io.out(dataLinkWords(demo.case.link));
        }
        io.out(`Sign in as any of these with the password ${demo.password} (shown only now):`);
        for (const p of demo.people) io.out(`  ${p.email.padEnd(40)} ${p.role}`);
      } finally {
        await ctx.close();
      }
    });
}
