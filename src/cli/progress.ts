import cliProgress from 'cli-progress';
import type { Output } from './output.ts';

/** A progress bar on a terminal; nothing at all when output is piped or --json is given. */
export function progressBar(io: Output, enabled: boolean, label: string) {
  if (!enabled || !io.isTty) return { update: (_d: number, _t: number, _f?: string) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {file}`, hideCursor: true, clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic
  );
  let started = false;
  return {
    update(done: number, total: number, file = '') {
      const short = file.length > 50 ? `…${file.slice(-49)}` : file;
      if (!started) {
        bar.start(total, done, { file: short });
        started = true;
      } else bar.update(done, { file: short });
    },
    stop: () => started && bar.stop()
  };
}
