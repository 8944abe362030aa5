import { kappaWords } from '$core/reviews/agreement.ts';
import { forceLabels, qualityLabels } from '$core/reviews/input.ts';
import type { PublicSummary } from '$core/reviews/publish.ts';
import type { SummaryView } from '$lib/components/reviews/ReviewSummary.svelte';

const methodNames = { cohen: "Cohen's", fleiss: "Fleiss'" } as const;

const counts = (c: Record<string, number>, labels: Record<string, string>) => Object.entries(c).map(([k, n]) => ({ label: labels[k] ?? k, n }));

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
        kappa: a.method === null ? 'fewer than two reviews' : a.kappa === null ? '—' : `${a.kappa.toFixed(2)}${ci ? ` (${ci[0].toFixed(2)} to ${ci[1].toFixed(2)})` : ''}`,
        words: a.method === null ? '—' : kappaWords(a.kappa),
        encounters: a.encounters
      };
    }),
    byEthnicity: s.byEthnicity,
    byPower: s.byPower
  };
}
