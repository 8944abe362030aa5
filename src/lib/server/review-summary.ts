import { kappaWords } from '$core/reviews/agreement.ts';
import { forceLabels, qualityLabels } from '$core/reviews/input.ts';
import type { PublicSummary } from '$core/reviews/publish.ts';
import type { SummaryView } from '$lib/components/reviews/ReviewSummary.svelte';

const methodNames = { cohen: "Cohen's", fleiss: "Fleiss'" } as const;

/** In the scale's own order (a published summary's JSON does not keep key order). */
const counts = (c: Record<string, number>, labels: Record<string, string>) => Object.entries(labels).map(([k, label]) => ({ label, n: c[k] ?? 0 }));
/** Kappa's interval is not clipped in the statistics (it matches SAS); shown, it stays within −1 to 1. */
const clip = (v: number) => Math.max(-1, Math.min(1, v)).toFixed(2);

/** An anonymised summary (or the workspace's full results made into one) as the summary component shows it. */
export function summaryView(s: PublicSummary, intervals: Map<string, readonly [number, number] | null> = new Map()): SummaryView {
  return {
    items: s.items,
    allItems: s.allItems,
    rag: s.rag,
    scales: [
      { title: 'Quality of the grounds', counts: counts(s.groundsQuality, qualityLabels) },
      { title: 'Conduct and respect', counts: counts(s.conduct, qualityLabels) },
      { title: 'Force used', counts: counts(s.forceUsed, forceLabels) }
    ],
    agreement: s.agreement.map((a) => {
      const ci = intervals.get(a.label);
      return {
        label: a.label,
        method: a.method ? methodNames[a.method] : '—',
        kappa: a.method === null ? 'fewer than two reviews' : a.kappa === null ? '—' : `${a.kappa.toFixed(2)}${ci ? ` (${clip(ci[0])} to ${clip(ci[1])})` : ''}`,
        words: a.method === null ? '—' : a.kappa === null ? 'not measurable: all answers the same' : kappaWords(a.kappa),
        encounters: a.encounters
      };
    }),
    byEthnicity: s.byEthnicity,
    byPower: s.byPower
  };
}
