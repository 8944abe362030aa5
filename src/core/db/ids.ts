/**
 * Whether a number taken from a form or an address can name a row of a `serial` column (a whole
 * number from 1 to 2³¹−1). A use case answers anything else with NotFound before it queries, so a
 * tampered form or address never reaches the database as NaN or an out-of-range integer.
 */
export const isRowId = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 2_147_483_647;
