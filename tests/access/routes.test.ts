import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policy } from '../../src/core/access/policy.ts';
import { check } from '../../src/core/access/require-access.ts';
import { hasGuardLayout, routeRules, ruleForRoute, type RouteAccess } from '../../src/core/access/routes.ts';
import { projectRoot } from '../../src/core/paths.ts';
import { panelId, personas } from './personas.ts';
import { outcome, table } from './policy.test.ts';

const routesDir = path.join(projectRoot(), 'src', 'routes');

interface Route {
  id: string;
  dir: string;
  page: boolean;
  endpoint: boolean;
}

/** Every route under src/routes, by SvelteKit route id ("(group)" folders do not count). */
function findRoutes(dir = routesDir): Route[] {
  const files = fs.readdirSync(dir, { withFileTypes: true });
  const names = new Set(files.filter((f) => f.isFile()).map((f) => f.name));
  const rel = path.relative(routesDir, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  const page = ['+page.svelte', '+page.server.ts', '+page.ts'].some((f) => names.has(f));
  const endpoint = names.has('+server.ts');
  const here: Route[] = page || endpoint ? [{ id: '/' + rel.join('/'), dir, page, endpoint }] : [];
  return [...here, ...files.filter((f) => f.isDirectory()).flatMap((f) => findRoutes(path.join(dir, f.name)))];
}

const routes = findRoutes();
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** What the route offers: 'view', 'action:<name>' and '<METHOD>' for endpoints. */
async function entries(route: Route): Promise<string[]> {
  const out: string[] = [];
  if (route.page) out.push('view');
  if (route.page && fs.existsSync(path.join(route.dir, '+page.server.ts'))) {
    const mod = (await import(path.join(route.dir, '+page.server.ts'))) as { actions?: Record<string, unknown> };
    out.push(...Object.keys(mod.actions ?? {}).map((a) => `action:${a}`));
  }
  if (route.endpoint) {
    const mod = (await import(path.join(route.dir, '+server.ts'))) as Record<string, unknown>;
    for (const m of methods) if (m in mod) out.push(m === 'GET' ? 'view' : m);
  }
  return [...new Set(out)];
}

function accessOf(id: string, entry: string): RouteAccess | undefined {
  const rule = ruleForRoute(id);
  if (!rule) return undefined;
  if (entry === 'view') return rule.view;
  if (entry.startsWith('action:')) return rule.actions?.[entry.slice('action:'.length)];
  return rule.methods?.[entry as 'POST'];
}

describe('route access rules', () => {
  it('finds the routes', () => {
    expect(routes.map((r) => r.id)).toEqual(expect.arrayContaining(['/', '/healthz', '/auth/sign-in', '/admin', '/w/[panel]']));
  });

  it.each(routes.map((r) => [r.id, r] as const))('%s has a rule for everything it offers', async (id, route) => {
    const missing = (await entries(route)).filter((e) => accessOf(id, e) === undefined);
    expect(missing, `add these to routeRules['${id}'] in src/core/access/routes.ts`).toEqual([]);
  });

  it('has no rule for a route that does not exist, nor for an action a page does not have', async () => {
    const ids = new Set(routes.map((r) => r.id));
    expect(Object.keys(routeRules).filter((id) => !ids.has(id))).toEqual([]);
    for (const route of routes) {
      const offered = new Set(await entries(route));
      const rule = routeRules[route.id];
      for (const name of Object.keys(rule?.actions ?? {})) expect(offered.has(`action:${name}`), `${route.id} ?/${name}`).toBe(true);
    }
  });

  it('uses a panel action only where the route names its panel, and refuses pages only in guarded areas', () => {
    for (const [id, rule] of Object.entries(routeRules)) {
      const used = [rule.view, ...Object.values(rule.actions ?? {}), ...Object.values(rule.methods ?? {})].filter((a): a is RouteAccess => !!a);
      for (const access of used) if (access !== 'public' && policy[access].scope === 'panel') expect(id, access).toContain('[panel]');
      if (rule.view && rule.view !== 'public' && routes.find((r) => r.id === id)?.page) expect(hasGuardLayout(id), id).toBe(true);
    }
  });

  it('gives each persona the pinned access to each route of the workspace, admin and account areas', async () => {
    const rows: string[][] = [];
    for (const route of routes.filter((r) => r.id in routeRules && !r.id.startsWith('/api/') && r.id !== '/healthz')) {
      for (const entry of await entries(route)) {
        const access = accessOf(route.id, entry)!;
        const cells = Object.values(personas).map((actor) =>
          access === 'public' ? 'ok' : outcome(check(actor, access, policy[access].scope === 'panel' ? { panelId } : {}))
        );
        rows.push([`${route.id} ${entry.replace('action:', '?/')}`, ...cells]);
      }
    }
    expect(table([['route', ...Object.keys(personas)], ...rows])).toMatchSnapshot();
  });
});
