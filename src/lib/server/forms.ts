import { fail, type ActionFailure } from '@sveltejs/kit';
import { DomainError, httpStatus } from '$core/errors.ts';

import type { FormProblem } from '../form-problem.ts';

export type { FormProblem };

/**
 * Turns a use case's DomainError into a form failure that keeps what the person typed (never a
 * password); anything else is rethrown for the error page.
 */
export function formFailure(err: unknown, values: Record<string, string>, status?: number): ActionFailure<FormProblem> {
  if (!(err instanceof DomainError) || err.code === 'internal') throw err;
  const fields = { ...((err.details.fields as Record<string, string> | undefined) ?? {}) };
  const field = err.details.field;
  if (typeof field === 'string' && field && !fields[field]) fields[field] = err.message;
  return fail(status ?? httpStatus[err.code], { message: err.message, fields, values });
}

/** The text fields of a form, as strings (files and missing fields become ''). */
export function textFields<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === 'string' ? (form.get(n) as string) : ''])) as Record<K, string>;
}
