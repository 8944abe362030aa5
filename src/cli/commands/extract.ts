import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { extract, publicationDate, type Extraction } from '../../core/extract/index.ts';
import { loadGazetteer } from '../../core/extract/gazetteer.ts';
import type { Output } from '../output.ts';

/** A source is an article or a statement: far below this. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export const extractHelp = `
Suggests, from the text of a source (a news article, a police statement, a witness account), the
quotes with their speakers, counted quantities, dates and places, each with its character offsets
(JavaScript string positions in the text as read, end exclusive). A clerk accepts, edits or rejects
each suggestion; nothing is stored.

  FILE          UTF-8 text; "-" reads standard input. HTML is read as plain text.
  --published   the source's publication date: "on Thursday", "last week" and dates without a year
                resolve against it (to the most recent such day on or before it, unless the sentence
                looks ahead). Without it only dates written with their year are given.

Wards and boroughs are recognised when boundaries are loaded in the data folder (read briefly;
with no data, or the folder in use, only streets, markets and stations are). See docs/extract.md.

Examples:
  npx scrutineer extract article.txt --published 2023-07-24
  pbpaste | npx scrutineer extract - --json

Exit status: 0 on success, 2 for a bad date or a file that is not text, 3 for a file that does not exist.`;

export function registerExtract(program: Command, io: Output) {
  program
    .command('extract')
    .description('suggest quotes and speakers, counted quantities, dates and places in a source text')
    .argument('<file>', 'a text file, or - for standard input')
    .option('--published <date>', 'publication date, YYYY-MM-DD')
    .option('--json', 'print the suggestions as JSON: { quotes, quantities, dates, places }')
    .addHelpText('after', extractHelp)
    .action(async (file: string, opts: { published?: string; json?: boolean }) => {
      const published = opts.published === undefined ? undefined : publicationDate(opts.published);
      const text = readSource(file);
      const config = loadConfig();
      const gazetteer = await loadGazetteer(config, 'scrutineer extract');
      if (gazetteer.note) io.err(`scrutineer extract: ${gazetteer.note}`);
      const result = extract(text, { published: published ?? undefined, gazetteer: gazetteer.entries });
      io.out(opts.json ? JSON.stringify(result, null, 2) : describe(result, published ?? null, gazetteer.entries.length));
    });
}

/** The text of FILE ("-": standard input), refused with what and where when it is not UTF-8 text. */
export function readSource(file: string, stdin: () => Buffer = () => fs.readFileSync(0)): string {
  const where = file === '-' ? 'standard input' : file;
  let bytes: Buffer;
  try {
    if (file !== '-' && fs.statSync(file).isDirectory()) throw new Invalid(`${where} is a folder; give a text file.`, { file });
    if (file !== '-' && fs.statSync(file).size > MAX_SOURCE_BYTES) throw tooLarge(where, file);
    bytes = file === '-' ? stdin() : fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFound(`There is no file ${where}.`, { file });
    if (code === 'EACCES') throw new Invalid(`${where} cannot be read (permission denied).`, { file });
    throw err;
  }
  if (bytes.length > MAX_SOURCE_BYTES) throw tooLarge(where, file);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new Invalid(`${where} is not text: it holds a zero byte at byte ${nul}.`, { file, byte: nul });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Invalid(`${where} is not UTF-8 text; save it as UTF-8 and try again.`, { file });
  }
}

const tooLarge = (where: string, file: string) =>
  new Invalid(`${where} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB; a source's text is far smaller. Give the article's text alone.`, { file, limitBytes: MAX_SOURCE_BYTES });

const clip = (s: string, n = 90) => {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const at = (s: { start: number; end: number }) => `${s.start}–${s.end}`.padEnd(11);

function describe(r: Extraction, published: string | null, gazetteerSize: number): string {
  const lines: string[] = [];
  const section = (title: string, rows: string[]) => lines.push(`${title} (${rows.length})`, ...(rows.length ? rows.map((l) => `  ${l}`) : ['  none']), '');
  section('Quotes', r.quotes.map((q) => `${at(q)}${q.speaker ?? 'speaker unknown'}: “${clip(q.text)}”`));
  section('Quantities', r.quantities.map((q) => `${at(q)}${q.value} ${q.counted}  (“${q.text}”)`));
  section('Dates', r.dates.map((d) => `${at(d)}${d.date}  (“${d.text}”)`));
  section('Places', r.places.map((p) => `${at(p)}${p.name}${p.name === p.text ? '' : `  (“${p.text}”)`}`));
  lines.push(
    `Offsets are character positions in the text (start–end). ${published ? `Dates resolved against ${published}.` : 'Without --published only dates written with their year are given.'}` +
      ` ${gazetteerSize ? `Wards and boroughs: ${gazetteerSize} names from the loaded boundaries.` : 'Wards and boroughs: none loaded.'}`
  );
  return lines.join('\n');
}
