import { SyncError, validateRequest, type SyncRequest } from './args.ts';
import { syncContext, type SyncContext, type SyncDeps } from './deps.ts';
import { getJson } from './get-json.ts';
import { monthFailure } from './messages.ts';
import { publishedMonths } from './published.ts';
import { rawPath, readSaved, writeAtomic } from './raw-store.ts';

export { SyncError, MAX_MONTHS } from './args.ts';
export { SYNC_DEFAULTS, type SyncDeps } from './deps.ts';
export type { SyncRequest } from './args.ts';

export type MonthStatus = 'downloaded' | 'cached' | 'unpublished' | 'failed';

export type MonthReport = {
  month: string;
  status: MonthStatus;
  /** The raw file, for 'downloaded' and 'cached'. */
  path: string | null;
  bytes: number;
  records: number | null;
  /** HTTP requests made for this month, retries included. */
  attempts: number;
  error?: string;
  /** The last HTTP status of a failed month, if the server answered at all. */
  httpStatus?: number;
};

export type SyncReport = { force: string; from: string; to: string; months: MonthReport[] };

type Saved = { bytes: number; records: number };

/**
 * Downloads a force's stop-and-search records from data.police.uk, one raw JSON file per
 * month. Months saved by an earlier run are not asked for again, so an interrupted sync
 * can simply be run again. Throws SyncError when it cannot start (bad arguments, unknown
 * force, API unreachable); a month that fails is reported and the others still go ahead.
 */
export async function syncStops(deps: SyncDeps, req: SyncRequest): Promise<SyncReport> {
  const { force, months } = validateRequest(req);
  const ctx = syncContext(deps, force);
  const saved = await readAllSaved(ctx, months);
  // When every month is on disk the index is not needed, so a finished sync works offline.
  const needed = months.some((month) => !saved.has(month));
  const published = needed ? await fetchPublished(ctx) : new Set<string>();
  const report: SyncReport = { force, from: req.from, to: req.to, months: [] };
  for (const month of months) {
    report.months.push(await syncMonth(ctx, month, saved.get(month), published));
    deps.onProgress?.(report.months.length, months.length, month);
  }
  return report;
}

async function readAllSaved(ctx: SyncContext, months: string[]): Promise<Map<string, Saved>> {
  const saved = new Map<string, Saved>();
  for (const month of months) {
    const found = await readSaved(rawPath(ctx.rawDir, ctx.force, month));
    if (found) saved.set(month, found);
  }
  return saved;
}

async function fetchPublished(ctx: SyncContext): Promise<Set<string>> {
  const url = `${ctx.baseUrl}/crimes-street-dates`;
  const result = await getJson(ctx.http, url);
  if (!result.ok) {
    const tries = result.gaveUp ? ` after ${result.attempts} attempts` : '';
    throw new SyncError(`Could not get the list of published months from ${url}: ${result.error}${tries}.`, 'unavailable', {
      url,
      status: result.status
    });
  }
  const months = publishedMonths(result.json, ctx.force);
  if (!months) {
    throw new SyncError(`${url} answered in an unexpected shape; expected [{"date":"YYYY-MM","stop-and-search":[...]}].`, 'unavailable', { url });
  }
  if (months.size === 0) {
    throw new SyncError(
      `data.police.uk lists no stop-and-search data for force '${ctx.force}' in any month; ` +
        `check the force id (e.g. 'metropolitan'; all ids are at ${ctx.baseUrl}/forces).`,
      'not_found',
      { force: ctx.force }
    );
  }
  return months;
}

async function syncMonth(ctx: SyncContext, month: string, saved: Saved | undefined, published: Set<string>): Promise<MonthReport> {
  const file = rawPath(ctx.rawDir, ctx.force, month);
  if (saved) return { month, status: 'cached', path: file, bytes: saved.bytes, records: saved.records, attempts: 0 };
  if (!published.has(month)) return { month, status: 'unpublished', path: null, bytes: 0, records: null, attempts: 0 };
  return download(ctx, month, file);
}

async function download(ctx: SyncContext, month: string, file: string): Promise<MonthReport> {
  const url = `${ctx.baseUrl}/stops-force?force=${encodeURIComponent(ctx.force)}&date=${month}`;
  const result = await getJson(ctx.http, url);
  const failed = { month, status: 'failed' as const, path: null, bytes: 0, records: null, attempts: result.attempts };
  if (!result.ok) return { ...failed, error: monthFailure(ctx.force, month, result), httpStatus: result.status };
  if (!Array.isArray(result.json)) {
    return { ...failed, error: `${url} answered with JSON that is not an array of stop-and-search records.` };
  }
  try {
    await writeAtomic(file, result.body);
  } catch (err) {
    return { ...failed, error: `Could not save ${file}: ${(err as Error).message}` };
  }
  return { month, status: 'downloaded', path: file, bytes: result.body.length, records: result.json.length, attempts: result.attempts };
}
