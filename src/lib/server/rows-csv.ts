const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Plain rows (all with the same keys) as CSV, the keys as the header. */
export function rowsCsv(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return '\n';
  const keys = Object.keys(rows[0]);
  return [keys, ...rows.map((r) => keys.map((k) => r[k]))].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
