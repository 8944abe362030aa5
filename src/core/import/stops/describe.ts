import { MAX_MESSAGES_PER_FILE, type FileReport } from '../report.ts';

/** Plain sentences for the import report: what was replaced, which rows failed and why, unknown labels. */
export function describeFile(report: FileReport, problems: Array<{ line: number; reason: string }>) {
  const unit = report.format === 'police-uk-stop-search-json' ? 'record' : 'line';
  if (report.replaced)
    report.messages.push(`replaces ${report.force} ${report.month} loaded before from ${report.replaced.origin} (${report.replaced.rows} records)`);
  for (const p of problems.slice(0, MAX_MESSAGES_PER_FILE)) report.messages.push(`${unit} ${p.line}: ${p.reason}`);
  if (report.quarantined > MAX_MESSAGES_PER_FILE)
    report.messages.push(`… and ${report.quarantined - MAX_MESSAGES_PER_FILE} more rows quarantined (see \`scrutineer quarantine\`)`);
  for (const u of report.unknownLabels ?? [])
    report.messages.push(`unknown ${u.dimension.replace(/_/g, ' ')} label "${u.raw}" on ${u.rows} rows: loaded as unknown`);
}
