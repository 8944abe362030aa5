/**
 * What is known about individual forces' data that the files themselves do not say.
 * The Met populates "Removal of more than just outer clothing" only from February 2024: before
 * that the column is blank or False, so a strip-search share must read "not recorded", never 0%.
 */
export interface ForceFacts {
  stripSearchRecordedFrom: string | null;
}

const facts: Record<string, ForceFacts> = {
  metropolitan: { stripSearchRecordedFrom: '2024-02' }
};

export function forceFacts(force: string): ForceFacts {
  return facts[force] ?? { stripSearchRecordedFrom: null };
}

/** data.police.uk force id from an ONS police force area name ("Metropolitan Police" -> metropolitan). */
export function forceIdOfPfaName(name: string): string {
  return name
    .replace(/ Police$/i, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** SQL true where a record's strip-search field is recorded by its force (given its local month). */
export function stripSearchRecordedSql(forceCol: string, monthCol: string): string {
  const rules = Object.entries(facts)
    .filter(([, f]) => f.stripSearchRecordedFrom)
    .map(([id, f]) => `WHEN '${id}' THEN ${monthCol} >= '${f.stripSearchRecordedFrom}'`);
  return rules.length ? `CASE ${forceCol} ${rules.join(' ')} ELSE true END` : 'true';
}
