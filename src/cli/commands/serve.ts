import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { serve } from '../serve.ts';
import type { Output } from '../output.ts';

export function registerServe(program: Command, _io: Output) {
  program
    .command('serve')
    .description('run the web application (builds it first when the sources changed)')
    .option('--build <when>', 'auto, always or never', 'auto')
    .action(async (opts: { build: 'auto' | 'always' | 'never' }) => {
      await serve(loadConfig(), { build: opts.build });
    });
}
