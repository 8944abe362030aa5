import { json } from '@sveltejs/kit';
import { DomainError, errorBody, httpStatus, type ErrorCode } from '$core/errors.ts';

/** The error code a bare HTTP status stands for, when no DomainError says more. */
export function codeForStatus(status: number): ErrorCode {
  const known = (Object.entries(httpStatus) as Array<[ErrorCode, number]>).find(([, s]) => s === status);
  if (known) return known[0];
  return status >= 500 ? 'internal' : 'invalid';
}

/** What a person may be shown about an error: a DomainError's own words, otherwise a plain sentence. */
export function publicError(error: unknown, status: number, message: string): App.Error {
  if (error instanceof DomainError) return { message: error.message, code: error.code };
  if (status === 404) return { message: 'There is nothing at this address.', code: 'not_found' };
  if (status < 500) return { message, code: codeForStatus(status) };
  const { message: generic, code } = errorBody(error).error; // 'Something went wrong on our side.'
  return { message: generic, code };
}

/** The status a response should carry when a route failed with `failure`. */
export function statusFor(failure: unknown, fallback: number): number {
  return failure instanceof DomainError ? httpStatus[failure.code] : fallback;
}

/**
 * An API failure in the project's one error shape. SvelteKit answers a failed endpoint with its own
 * page or JSON and status 500, so `handle` replaces that answer with this.
 */
export function apiErrorResponse(failure: unknown, response: Response, path: string): Response {
  const status = statusFor(failure, response.status);
  if (failure instanceof DomainError) return json(errorBody(failure), { status });
  const code = codeForStatus(status);
  const message =
    status === 404 ? `There is no API endpoint at ${path}.`
    : status === 405 ? `This endpoint does not accept that method.`
    : status >= 500 ? errorBody(failure).error.message
    : response.statusText || 'The request could not be accepted.';
  return json({ error: { code, message, details: {} } }, { status, headers: allowHeader(response) });
}

function allowHeader(response: Response): Record<string, string> {
  const allow = response.headers.get('allow');
  return allow ? { allow } : {};
}

/** The same response with another status (the body, a rendered error page, is kept). */
export function withStatus(response: Response, status: number): Response {
  if (response.status === status) return response;
  return new Response(response.body, { status, headers: new Headers(response.headers) });
}
