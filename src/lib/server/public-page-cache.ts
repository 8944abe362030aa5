import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { PageCache } from './cache.ts';
import { serverContext } from './context.ts';

/**
 * Whole responses of public pages that are the same for everyone not signed in, kept until the
 * data changes. The borough dashboard is about 120 kB of HTML; rendering and sending it through
 * SvelteKit costs several milliseconds a request, which 20 visitors at once turn into queueing.
 *
 * Only pages without client-side rendering (`csr = false`, so no script and no per-response nonce
 * in use) and only for visitors without an account (the header shows who is signed in).
 */
const cacheable = new Set(['/b/[borough]']);

const cache = new PageCache(100);

interface Stored {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

class NotKept extends Error {}

type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Response | Promise<Response>;

export async function resolveWithPageCache(event: RequestEvent, resolve: Resolve): Promise<Response> {
  const anonymous = event.locals.actor?.kind === 'anonymous';
  if (event.request.method !== 'GET' || event.isDataRequest || !anonymous || !cacheable.has(event.route.id ?? '')) return resolve(event);
  const wh = (await serverContext()).warehouse;
  let own: Response | null = null;
  try {
    const stored = await cache.get(wh, event.url.pathname + event.url.search, async (): Promise<Stored> => {
      const response = await resolve(event);
      if (response.status !== 200 || response.headers.has('set-cookie') || event.locals.failure !== undefined) {
        own = response;
        throw new NotKept();
      }
      return { status: response.status, headers: keptHeaders(response.headers), body: await response.text() };
    });
    return new Response(stored.body, { status: stored.status, headers: stored.headers });
  } catch (err) {
    if (own) return own;
    if (err instanceof NotKept) return resolve(event); // another request's error page: render our own
    throw err;
  }
}

/** The headers to replay: a nonce in the policy would be shared by every visitor, and these pages have no script. */
function keptHeaders(headers: Headers): Array<[string, string]> {
  return [...headers]
    .filter(([name]) => name !== 'set-cookie' && name !== 'date')
    .map(([name, value]) => [name, name === 'content-security-policy' ? value.replace(/ ?'nonce-[^']*'/g, '') : value]);
}
