import type { Warehouse } from '../warehouse/warehouse.ts';
import { baseSql, type Scope } from './scope.ts';

/** Counts of one cell of the scope: every figure is built from these. */
export interface Cell {
  n: number;
  linkedTrue: number;
  linkedKnown: number;
  stripTrue: number;
  stripKnown: number;
}

export interface ScopeCounts {
  all: Cell;
  byGroup: Map<string, Cell>;
  byGroupOutcome: Map<string, Map<string, number>>;
  by: Record<'outcome' | 'legislation' | 'object_of_search' | 'age_range' | 'gender' | 'type', Map<string, Cell>>;
  sourceIds: number[];
}

const dims = ['eg', 'outcome', 'legislation', 'object_of_search', 'age_range', 'gender', 'type'] as const;

/**
 * The grouping-sets query behind every figure, over a `base` CTE. `keys` are extra columns kept in
 * every set (e.g. borough and month, to count many scopes in one pass). The records are first
 * collapsed to one row per combination (a few hundred rows), then grouped.
 */
export function cubeSql(baseSqlText: string, keys: string[] = []): string {
  const k = keys.map((c) => `${c}, `).join('');
  const set = (cols: string[]) => `(${[...keys, ...cols].join(', ')})`;
  return `WITH base AS (${baseSqlText}),
     cube AS (SELECT ${k}${dims.map((d) => `${d}::VARCHAR AS ${d}`).join(', ')}, count(*) AS n,
                count(*) FILTER (WHERE outcome_linked) AS linked_true, count(outcome_linked) AS linked_known,
                count(*) FILTER (WHERE strip_known AND removal_more_than_outer) AS strip_true,
                count(*) FILTER (WHERE strip_known) AS strip_known, list(DISTINCT source_id) AS ids
              FROM base GROUP BY ALL)
     SELECT ${k}${dims.join(', ')}, GROUPING(${dims.join(', ')})::INTEGER AS g,
       sum(n)::INTEGER AS n, sum(linked_true)::INTEGER AS linked_true, sum(linked_known)::INTEGER AS linked_known,
       sum(strip_true)::INTEGER AS strip_true, sum(strip_known)::INTEGER AS strip_known,
       CASE WHEN GROUPING(${dims.join(', ')}) = ${2 ** dims.length - 1} THEN list_sort(list_distinct(flatten(list(ids)))) END AS source_ids
     FROM cube
     GROUP BY GROUPING SETS (${[[], ['eg'], ['eg', 'outcome'], ['outcome'], ['legislation'], ['object_of_search'], ['age_range'], ['gender'], ['type']].map(set).join(', ')})
     ORDER BY ALL`; // the figures come out in the same order every time
}

/** One pass over the scope's records with GROUPING SETS gives every count the figures need. */
export async function scopeCounts(wh: Warehouse, scope: Scope): Promise<ScopeCounts> {
  const base = baseSql(scope);
  return countsFromRows(await wh.query<Record<string, unknown>>(cubeSql(base.sql), base.params));
}

const empty = (): Cell => ({ n: 0, linkedTrue: 0, linkedKnown: 0, stripTrue: 0, stripKnown: 0 });
const cell = (r: Record<string, unknown>): Cell => ({
  n: Number(r.n),
  linkedTrue: Number(r.linked_true),
  linkedKnown: Number(r.linked_known),
  stripTrue: Number(r.strip_true),
  stripKnown: Number(r.strip_known)
});

/** GROUPING() sets a bit for each column NOT grouped; the first column is the highest bit. */
const only = (...cols: (typeof dims)[number][]) => dims.reduce((g, d, i) => (cols.includes(d) ? g : g | (1 << (dims.length - 1 - i))), 0);

/** The counts of one scope from the rows `cubeSql` gives for it. */
export function countsFromRows(rows: Array<Record<string, unknown>>): ScopeCounts {
  const counts: ScopeCounts = {
    all: empty(),
    byGroup: new Map(),
    byGroupOutcome: new Map(),
    by: { outcome: new Map(), legislation: new Map(), object_of_search: new Map(), age_range: new Map(), gender: new Map(), type: new Map() },
    sourceIds: []
  };
  for (const r of rows) {
    const g = Number(r.g);
    if (g === only()) {
      counts.all = cell(r);
      counts.sourceIds = ((r.source_ids as number[] | null) ?? []).map(Number);
    } else if (g === only('eg')) counts.byGroup.set(String(r.eg), cell(r));
    else if (g === only('eg', 'outcome')) {
      const m = counts.byGroupOutcome.get(String(r.eg)) ?? new Map<string, number>();
      m.set(String(r.outcome), Number(r.n));
      counts.byGroupOutcome.set(String(r.eg), m);
    } else
      for (const d of ['outcome', 'legislation', 'object_of_search', 'age_range', 'gender', 'type'] as const)
        if (g === only(d)) counts.by[d].set(String(r[d]), cell(r));
  }
  return counts;
}

/** Searches of the scope's area in other periods (for change figures), in one pass. */
export async function countsIn(wh: Warehouse, scope: Scope, periods: Array<{ from: string; to: string }>): Promise<number[]> {
  const from = periods.map((p) => p.from).sort()[0];
  const to = periods.map((p) => p.to).sort().reverse()[0];
  const base = baseSql(scope, { from, to });
  const cols = periods.map((p, i) => `count(*) FILTER (WHERE local_date BETWEEN CAST($f${i} AS DATE) AND CAST($t${i} AS DATE))::INTEGER AS n${i}`);
  const params: Record<string, string> = { ...base.params };
  periods.forEach((p, i) => Object.assign(params, { [`f${i}`]: p.from, [`t${i}`]: p.to }));
  const [r] = await wh.query<Record<string, number>>(`SELECT ${cols.join(', ')} FROM (${base.sql})`, params);
  return periods.map((_, i) => Number(r[`n${i}`]));
}
