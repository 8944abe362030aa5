import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { DomainError, exitCode } from '$core/errors.ts';
import { serverContext, serverLog } from '$lib/server/context.ts';
import { apiErrorResponse, publicError, statusFor, withStatus } from '$lib/server/errors.ts';
import { secure } from '$lib/server/security-headers.ts';

/** Takes the data folder at start-up, so the server owns it before any command can. */
export const init: ServerInit = async () => {
  if (building) return;
  try {
    await serverContext();
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
  let response = await resolve(event);
  const failure = event.locals.failure;
  if (isApi(event.url.pathname) && response.status >= 400 && (failure !== undefined || !isJson(response)))
    response = apiErrorResponse(failure, response, event.url.pathname);
  else if (failure !== undefined) response = withStatus(response, statusFor(failure, response.status));
  return secure(response);
};

const isJson = (r: Response) => (r.headers.get('content-type') ?? '').startsWith('application/json');
