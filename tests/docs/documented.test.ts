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

describe('dependencies', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  const listed = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  const architecture = fs.readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
  const table = architecture.slice(architecture.indexOf('## Dependencies and why each is here'));
  const rows = [...table.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)];

  it.each(listed)('docs/architecture.md says why %s is a dependency', (name) => {
    const row = rows.find((r) => r[1] === name);
    expect(row, `add a row for ${name} to "Dependencies and why each is here"`).toBeDefined();
    expect(row?.[2].trim().length).toBeGreaterThan(10);
  });

  it('lists no package that package.json does not have', () => {
    expect(rows.map((r) => r[1]).filter((name) => !listed.includes(name))).toEqual([]);
  });
});
