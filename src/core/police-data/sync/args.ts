import { DomainError, type ErrorCode } from '../../errors.ts';

/**
 * Why a sync could not start or could not go on. It carries a domain error code so the CLI maps
 * it to an exit code like any other error: bad arguments are 'invalid', an unknown force is
 * 'not_found', an unreachable API is 'unavailable'.
 */
export class SyncError extends DomainError {
  override readonly code: ErrorCode;
  constructor(message: string, code: ErrorCode = 'invalid', details: Record<string, unknown> = {}) {
    super(message, details);
    this.code = code;
  }
}

export type SyncRequest = { force: string; from: string; to: string };

/** 120 months (ten years) is more than data.police.uk keeps; a longer range is surely a typo. */
export const MAX_MONTHS = 120;

// Force ids are URL path pieces and folder names, so only lower-case slugs are allowed:
// this also rules out path traversal such as '../x'.
const FORCE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Checks the request and expands it to the list of months, oldest first. */
export function validateRequest(req: SyncRequest): { force: string; months: string[] } {
  const force = String(req.force ?? '');
  if (!FORCE_SLUG.test(force)) {
    throw new SyncError(`Force must be a lower-case id such as 'metropolitan', got '${force}'.`, 'invalid', { force });
  }
  const from = monthIndex('from', req.from);
  const to = monthIndex('to', req.to);
  if (from > to) {
    throw new SyncError(`--from (${req.from}) must not be after --to (${req.to}).`, 'invalid', { from: req.from, to: req.to });
  }
  const count = to - from + 1;
  if (count > MAX_MONTHS) {
    throw new SyncError(`At most ${MAX_MONTHS} months can be synced at once, but ${req.from}..${req.to} is ${count} months.`, 'invalid', {
      from: req.from,
      to: req.to,
      months: count
    });
  }
  return { force, months: Array.from({ length: count }, (_, i) => monthName(from + i)) };
}

/** Months since year 0, so a range is a simple subtraction. */
function monthIndex(name: 'from' | 'to', value: string): number {
  const match = MONTH.exec(String(value ?? ''));
  if (!match) {
    throw new SyncError(`--${name} must be a month written YYYY-MM (e.g. 2025-04), got '${value}'.`, 'invalid', { [name]: value });
  }
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthName(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
