import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { Conflict } from '$core/errors.ts';
import { handle } from './hooks.server.ts';

/** Runs `handle` around a route that fails with `failure` (as handleError would record it). */
async function respond(path: string, failure: unknown, rendered: Response): Promise<Response> {
  const event = {
    url: new URL(`http://localhost${path}`),
    locals: {},
    request: new Request(`http://localhost${path}`),
    route: { id: null }, // the failing route's own access was not in question here
    cookies: { getAll: () => [] }
  } as unknown as RequestEvent;
  return handle({
    event,
    resolve: async (e) => {
      if (failure !== undefined) e.locals.failure = failure;
      return rendered;
    }
  });
}

const html = (status: number) => new Response('<h1>That cannot be done just now</h1>', { status, headers: { 'content-type': 'text/html' } });

describe('handle', () => {
  it('gives a page that failed with a DomainError its status, keeping the error page', async () => {
    const res = await respond('/', new Conflict('The data folder is in use.'), html(500));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('That cannot be done just now');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers an API failure with the JSON error shape', async () => {
    const res = await respond('/api/v1/status', new Conflict('The data folder is in use.', { pid: 7 }), html(500));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'conflict', message: 'The data folder is in use.', details: { pid: 7 } } });
  });

  it('leaves successful responses alone, apart from the headers', async () => {
    const res = await respond('/api/v1/status', undefined, new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });
});
