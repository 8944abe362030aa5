/**
 * The few typed errors every use case may throw. Each interface translates them in one place:
 * HTTP status in the web tier, exit code in the CLI.
 */
export type ErrorCode = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unavailable' | 'internal';

export class DomainError extends Error {
  readonly code: ErrorCode = 'internal';
  constructor(
    message: string,
    /** Structured detail for the API's `details` field (what and where). */
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that cannot be accepted: a bad setting, argument, file or row. */
export class Invalid extends DomainError {
  override readonly code = 'invalid' as const;
}
export class NotFound extends DomainError {
  override readonly code = 'not_found' as const;
}
export class Forbidden extends DomainError {
  override readonly code = 'forbidden' as const;
}
/** The request clashes with the current state, e.g. the data folder is locked by another process. */
export class Conflict extends DomainError {
  override readonly code = 'conflict' as const;
}
/** A dependency (a server, the network, a time limit) did not answer in time. */
export class Unavailable extends DomainError {
  override readonly code = 'unavailable' as const;
}

export const httpStatus: Record<ErrorCode, number> = {
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  unavailable: 503,
  internal: 500
};

/** Exit codes for the CLI: 1 is reserved for "completed with problems" (e.g. some files failed). */
export const exitCode: Record<ErrorCode, number> = {
  invalid: 2,
  not_found: 3,
  forbidden: 4,
  conflict: 5,
  unavailable: 6,
  internal: 70
};

/** The project's one error shape, used by the API and by `--json` output of the CLI. */
export function errorBody(err: unknown): { error: { code: ErrorCode; message: string; details: Record<string, unknown> } } {
  if (err instanceof DomainError) return { error: { code: err.code, message: err.message, details: err.details } };
  return { error: { code: 'internal', message: 'Something went wrong on our side.', details: {} } };
}
