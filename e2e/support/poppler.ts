import { execFileSync } from 'node:child_process';

/** Runs a poppler-utils tool (pdfinfo, pdftotext, pdftoppm); a missing one fails with what to install. */
export function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: apt-get install -y poppler-utils`);
    throw err;
  }
}
