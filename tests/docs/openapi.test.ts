import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/core/api/openapi.ts';
import { projectRoot } from '../../src/core/paths.ts';

function apiRoutes(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.isDirectory()) return apiRoutes(path.join(dir, d.name), `${prefix}/${d.name}`);
    return d.name === '+server.ts' ? [prefix] : [];
  });
}

describe('the OpenAPI document', () => {
  const doc = openApiDocument('http://127.0.0.1:3000');
  const routes = apiRoutes(path.join(projectRoot(), 'src', 'routes', 'api')).map((r) => `/api${r}`);

  it('finds the API routes', () => {
    expect(routes).toContain('/api/v1/figures');
  });

  it.each(routes)('documents %s', (route) => {
    expect(Object.keys(doc.paths)).toContain(route);
  });

  it('documents no endpoint that does not exist', () => {
    for (const p of Object.keys(doc.paths)) expect(routes).toContain(p);
  });
});
