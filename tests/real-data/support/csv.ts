/**
 * A deliberately small CSV reader for checking the importer from the outside: RFC 4180 quoting
 * within one line (data.police.uk and ONS never put a line break inside a field), CR before LF
 * tolerated. It shares no code with the importer, which reads CSV through DuckDB.
 */
export function splitCsvLine(line: string): string[] {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** The header and the non-blank data lines of a CSV text, each split into fields. */
export function csvRows(text: string): { header: string[]; rows: string[][] } {
  const rows: string[][] = [];
  const header = eachCsvRow(text, (r) => rows.push(r));
  return { header, rows };
}

/** Calls `onRow` with each non-blank data line split into fields (after `onHeader`); returns the header. */
export function eachCsvRow(text: string, onRow: (fields: string[]) => void, onHeader?: (header: string[]) => void): string[] {
  const body = text.replace(/^\uFEFF/, '');
  let end = body.indexOf('\n');
  const header = splitCsvLine(end < 0 ? body : body.slice(0, end));
  onHeader?.(header);
  while (end >= 0) {
    const start = end + 1;
    end = body.indexOf('\n', start);
    const line = end < 0 ? body.slice(start) : body.slice(start, end);
    if (line.trim() !== '') onRow(splitCsvLine(line));
  }
  return header;
}
