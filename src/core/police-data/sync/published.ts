/**
 * The months for which `force` has published stop-and-search data, read from the answer of
 * data.police.uk's `/crimes-street-dates`:
 * `[{ "date": "2025-04", "stop-and-search": ["avon-and-somerset", ...] }, ...]`.
 * Returns null when the answer does not have that shape, so the caller can say so.
 */
export function publishedMonths(index: unknown, force: string): Set<string> | null {
  if (!Array.isArray(index)) return null;
  const months = new Set<string>();
  for (const entry of index) {
    if (!isIndexEntry(entry)) return null;
    if (entry['stop-and-search'].includes(force)) months.add(entry.date);
  }
  return months;
}

type IndexEntry = { date: string; 'stop-and-search': string[] };

function isIndexEntry(entry: unknown): entry is IndexEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const e = entry as Record<string, unknown>;
  return typeof e.date === 'string' && Array.isArray(e['stop-and-search']);
}
