import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { settings } from '../../src/core/config.ts';
import { formats } from '../../src/core/import/formats.ts';
import { projectRoot } from '../../src/core/paths.ts';

const root = projectRoot();
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const silent = { out: () => {}, err: () => {}, isTty: false };

describe('documentation', () => {
  it.each(Object.keys(settings))('README documents the setting %s', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  it.each(buildProgram(silent).commands.map((c) => c.name()))('README documents the command %s', (name) => {
    expect(readme).toContain(`\`scrutineer ${name}`);
  });

  it.each(formats)('README and docs/import.md document the import format %s', (format) => {
    expect(readme).toContain(`\`${format}\``);
    expect(fs.readFileSync(path.join(root, 'docs', 'import.md'), 'utf8')).toContain(`\`${format}\``);
  });

  it('every local link in the README points at a file that exists', () => {
    const links = [...readme.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]).filter((l) => !/^https?:/.test(l));
    for (const link of links) expect(fs.existsSync(path.join(root, link)), link).toBe(true);
  });
});
