import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureBuilt, type BuildMode } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createContext } from '../../src/core/context.ts';
import { projectRoot } from '../../src/core/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder with a migrated, empty workflow database and warehouse, copied for each server. */
    dataTemplate: string;
  }
}

/**
 * Once, before any end-to-end file runs: builds the web app when build/ is missing or older than
 * the sources (SCRUTINEER_E2E_BUILD=always|never overrides, e.g. `never` in CI after `npm run
 * build`), and makes a template data folder. Creating PGlite's database takes about 5 s and copying
 * the result well under one, so each test server starts from a copy.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const mode = (process.env.SCRUTINEER_E2E_BUILD ?? 'auto') as BuildMode;
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'scrutineer-e2e-template-'));
  const [, ctx] = await Promise.all([
    ensureBuilt(projectRoot(), mode),
    createContext(loadConfig({ SCRUTINEER_DATA_DIR: template, SCRUTINEER_LOG_LEVEL: 'warn' }), { command: 'e2e template' })
  ]);
  await ctx.close();
  project.provide('dataTemplate', template);
  return () => fs.rmSync(template, { recursive: true, force: true });
}
