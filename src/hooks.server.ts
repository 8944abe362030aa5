import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { anonymous } from '$core/access/actor.ts';
import { SignInRequired } from '$core/access/require-access.ts';
import { DomainError, exitCode } from '$core/errors.ts';
import { authContext, requestActor } from '$lib/server/auth.ts';
import { serverContext, serverLog, startServerNotifier } from '$lib/server/context.ts';
import { apiErrorResponse, publicError, statusFor, withStatus } from '$lib/server/errors.ts';
import { hasGuardLayout, MethodNotAllowed, routeDenial } from '$lib/server/guard.ts';
import { resolveWithPageCache } from '$lib/server/public-page-cache.ts';
import { secure } from '$lib/server/security-headers.ts';

/** Takes the data folder at start-up, so the server owns it before any command can. */
export const init: ServerInit = async () => {
  if (building) return;
  try {
    await serverContext();
    await authContext(); // makes the session secret in the data folder on first start
    await startServerNotifier();
  } catch (err) {
    if (dev) throw err;
    const message = err instanceof DomainError ? err.message : String((err as Error)?.stack ?? err);
    process.stderr.write(`Scrutineer could not start: ${message}\n`);
    process.exit(err instanceof DomainError ? exitCode[err.code] : exitCode.internal);
  }
};

/** Keeps what failed for `handle`, and decides what a person may see of it. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  event.locals.failure = error;
  const shown = publicError(error, status, message);
  if (shown.code === 'internal')
    serverLog().error('Request failed', {
      method: event.request.method,
      path: event.url.pathname,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error)
    });
  return shown;
};

const isApi = (path: string) => path.startsWith('/api/');

/**
 * The one place where errors become HTTP: a DomainError gets its own status (404, 409, …); API
 * failures get the JSON error shape; every response gets the security headers.
 */
export const handle: Handle = async ({ event, resolve }) => {
  let response = building ? await resolve(event) : ((await refuse(event)) ?? (await resolveWithPageCache(event, resolve)));
  const failure = event.locals.failure;
  if (isApi(event.url.pathname) && response.status >= 400 && (failure !== undefined || !isJson(response)))
    response = apiErrorResponse(failure, response, event.url.pathname);
  else if (failure !== undefined) response = withStatus(response, statusFor(failure, response.status));
  return secure(response);
};

/**
 * Who is asking (event.locals.actor, from the session cookie) and whether the route's access rule
 * lets them (src/core/access/routes.ts). A page a person may not see is refused by its area's
 * layout (so that the error page renders in the site's layout); anything else is refused here,
 * before the route runs. Someone not signed in is sent to the sign-in page.
 */
async function refuse(event: RequestEvent): Promise<Response | null> {
  event.locals.actor = anonymous;
  event.locals.actor = await requestActor(event.request, event.cookies);
  const denial = await routeDenial(event, event.locals.actor);
  if (!denial) return null;
  const api = isApi(event.url.pathname);
  const reading = event.request.method === 'GET' || event.request.method === 'HEAD';
  if (denial instanceof SignInRequired && !api && !event.isDataRequest) {
    const next = reading ? event.url.pathname + event.url.search : event.url.pathname;
    return new Response(null, { status: 303, headers: { location: `/auth/sign-in?next=${encodeURIComponent(next)}` } });
  }
  if (denial instanceof MethodNotAllowed) {
    if (api) return apiErrorResponse(undefined, new Response(null, { status: 405 }), event.url.pathname);
    return new Response(denial.message, { status: 405, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (reading && !api && hasGuardLayout(event.route.id)) {
    event.locals.denied = denial;
    return null;
  }
  event.locals.failure = denial;
  if (api) return apiErrorResponse(denial, new Response(null, { status: 500 }), event.url.pathname);
  return new Response(denial.message, { status: statusFor(denial, 403), headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

const isJson = (r: Response) => (r.headers.get('content-type') ?? '').startsWith('application/json');
