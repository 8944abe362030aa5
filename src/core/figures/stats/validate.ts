/*
 * Guards for arguments. A bad argument here is a bug in the caller (figures are computed from
 * counted records), so it throws a RangeError rather than returning a quiet null or NaN.
 */

/** A count of records: a non-negative whole number. */
export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative whole number, got ${value}`);
  }
}

/** A population, exposure or expected count: finite and not negative (zero is allowed). */
export function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/** A confidence level strictly between 0 and 1, such as 0.95. */
export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`level must be between 0 and 1 exclusive, got ${level}`);
  }
}
