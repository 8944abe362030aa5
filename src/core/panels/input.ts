import { z } from 'zod';
import { Invalid } from '../errors.ts';
import { passwordLength } from './passwords.ts';

/**
 * Validates a use case's input: the problems become one Invalid whose details name each field, so
 * a form can show every message beside its field and keep what the person typed.
 */
export function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.')] ??= issue.message;
  const [first] = result.error.issues;
  throw new Invalid(first.message, { field: first.path.join('.'), fields });
}

export const emailAddress = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter an email address, like name@example.org.').max(254, 'That email address is too long.'));

export const personName = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(1, 'Enter your name.')
  .max(100, 'Keep the name under 100 characters.');

export const newPassword = z
  .string({ error: 'Choose a password.' })
  .min(passwordLength.min, `Choose a password of at least ${passwordLength.min} characters (three random words work well).`)
  .max(passwordLength.max, `Keep the password under ${passwordLength.max} characters.`);
