import { describe, expect, it } from 'vitest';
import type { Figure } from '../figures/types.ts';
import { figureLabel, intervalText, valueText } from './format.ts';

const f = (over: Partial<Figure> & Pick<Figure, 'metric'>) => ({ flags: [], value: null, ci95: null, group: null, ...over }) as Figure;

describe('how the pack writes a figure', () => {
  it('writes each kind of number as people read it', () => {
    expect(valueText(f({ metric: 'searches', value: 13073 }))).toBe('13,073');
    expect(valueText(f({ metric: 'arrest_rate', value: 0.1849 }))).toBe('18.5%');
    expect(valueText(f({ metric: 'rate_per_1000', value: 0.582 }))).toBe('0.58');
    expect(valueText(f({ metric: 'rate_ratio_vs_white', value: 3.412 }))).toBe('3.4');
    expect(intervalText(f({ metric: 'rate_ratio_vs_white', value: 1.6, ci95: [1.0239, 2.5089] }))).toBe('1.02 to 2.51');
    expect(intervalText(f({ metric: 'arrest_rate', value: 0.18, ci95: [0.152, 0.223] }))).toBe('15.2% to 22.3%');
  });

  it('never writes a zero for what is missing or too few', () => {
    expect(valueText(f({ metric: 'strip_search_share', flags: ['not_recorded'] }))).toBe('not recorded');
    expect(valueText(f({ metric: 'arrest_rate', flags: ['suppressed', 'low_count'] }))).toBe('too few');
    expect(valueText(f({ metric: 'rate_ratio_vs_white' }))).toBe('n/a');
    expect(intervalText(f({ metric: 'arrest_rate', flags: ['suppressed'], ci95: null }))).toBe('');
  });

  it('names a figure by its group and metric', () => {
    expect(figureLabel(f({ metric: 'arrest_rate', group: { dimension: 'self_defined_ethnicity', value: 'black', grouping: 'census2021' } }))).toBe('Black: arrest rate');
    expect(figureLabel(f({ metric: 'power_mix', group: { dimension: 'legislation', value: 'cjpoa_s60', grouping: null } }))).toBe('Share of searches under the power: Section 60 (no suspicion)');
    expect(figureLabel(f({ metric: 's60_count' }))).toBe('Section 60 searches');
  });
});
