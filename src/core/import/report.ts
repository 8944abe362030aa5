import type { Format } from './formats.ts';

/** What happened to one source file; the `--json` report is a list of these plus totals. */
export interface FileReport {
  path: string;
  sha256: string | null;
  size: number | null;
  format: Format;
  status: 'loaded' | 'skipped' | 'failed';
  read: number;
  loaded: number;
  quarantined: number;
  /** Rows not loaded again because the same bytes were imported before. */
  skipped: number;
  messages: string[];
  force?: string;
  month?: string;
  /** Police data: how many records had coordinates and how many of those fell in a known area. */
  located?: number;
  unlocated?: number;
  placed?: number;
  outsideAreas?: number;
  unknownLabels?: Array<{ dimension: string; raw: string; rows: number }>;
  replaced?: { sourceId: number; origin: string; rows: number } | null;
  sourceId?: number;
}

export interface ImportReport {
  files: FileReport[];
  totals: { read: number; loaded: number; quarantined: number; skipped: number };
  /** read = loaded + quarantined + skipped, checked for every file and for the totals. */
  balanced: boolean;
  reassigned?: number;
  durationMs: number;
  /** Milliseconds per phase (reading sources, statistics, area assignment, inserting…), for tuning. */
  phases?: Record<string, number>;
}

export function emptyFileReport(path: string, format: Format): FileReport {
  return { path, sha256: null, size: null, format, status: 'skipped', read: 0, loaded: 0, quarantined: 0, skipped: 0, messages: [] };
}

export function totalsOf(files: FileReport[]): ImportReport['totals'] {
  const t = { read: 0, loaded: 0, quarantined: 0, skipped: 0 };
  for (const f of files) {
    t.read += f.read;
    t.loaded += f.loaded;
    t.quarantined += f.quarantined;
    t.skipped += f.skipped;
  }
  return t;
}

export function isBalanced(r: { read: number; loaded: number; quarantined: number; skipped: number }): boolean {
  return r.read === r.loaded + r.quarantined + r.skipped;
}

/** Keeps a report readable: the first few quarantine reasons, then a count of the rest. */
export const MAX_MESSAGES_PER_FILE = 20;
