import type { Figure, FigureSet } from '../figures/types.ts';
import {
  changeSentence,
  concentrationSentence,
  noPopulationSentence,
  rateRatioSentence,
  s60Sentence,
  searchesSentence,
  shareSentence,
  type Headline
} from './sentences.ts';

export type Topic = 'volume' | 'who' | 'outcomes' | 'people' | 'powers';

export interface HeadlineGroup {
  topic: Topic;
  title: string;
  headlines: Headline[];
}

/** One figure by metric and group value (null: the figure without a group). */
export function figureOf(figures: Figure[], metric: Figure['metric'], value: string | null = null, dimension?: string): Figure | undefined {
  return figures.find((f) => f.metric === metric && (f.group?.value ?? null) === value && (dimension === undefined || f.group?.dimension === dimension));
}

const ratioOrder = ['black', 'asian', 'mixed', 'other'];

/** The headline sentences of a figure set, grouped as the dashboard shows them. */
export function headlinesOf(set: FigureSet): HeadlineGroup[] {
  const { figures, context } = set;
  const one = (metric: Figure['metric'], value: string | null = null) => figureOf(figures, metric, value);
  const present = <T>(xs: Array<T | undefined>) => xs.filter((x): x is T => x !== undefined);

  const ratios = figures
    .filter((f) => f.metric === 'rate_ratio_vs_white')
    .sort((a, b) => ratioOrder.indexOf(a.group?.value ?? '') - ratioOrder.indexOf(b.group?.value ?? ''));
  const who =
    ratios.length > 0
      ? ratios.map((f) => rateRatioSentence(f, context.ethnicity, context.grouping))
      : context.area.level === 'borough' || context.area.level === 'force'
        ? [noPopulationSentence(context.area.name)]
        : [];

  const searches = one('searches');
  const groups: HeadlineGroup[] = [
    {
      topic: 'volume',
      title: 'How many searches',
      headlines: [
        ...(searches ? [searchesSentence(searches)] : []),
        ...present([one('change_vs_previous'), one('change_vs_last_year')]).map(changeSentence),
        ...present([figureOf(figures, 'concentration', 'ward')]).map(concentrationSentence)
      ]
    },
    { topic: 'who', title: 'Who was searched', headlines: who },
    {
      topic: 'outcomes',
      title: 'What happened',
      headlines: present([one('arrest_rate'), one('nfa_share'), one('find_rate')]).map((f) => shareSentence(f, context.force))
    },
    {
      topic: 'people',
      title: 'Children and strip searches',
      headlines: present([one('under_18_share'), one('strip_search_share')]).map((f) => shareSentence(f, context.force))
    },
    { topic: 'powers', title: 'Powers used', headlines: present([one('s60_count')]).map(s60Sentence) }
  ];
  return groups.filter((g) => g.headlines.length > 0);
}
