import { describe, expect, it } from 'vitest';
import { intervalChart, trendChart } from './specs.ts';

describe('charts drawn on the server', () => {
  const trend = trendChart(
    [
      { month: '2023-05', value: null },
      { month: '2023-06', value: 243 },
      { month: '2023-07', value: 465, highlight: true }
    ],
    { label: 'Searches each month in Hackney: 243 in June 2023 and 465 in July 2023 (0.82 per day)' }
  );

  it('is an SVG image with an accessible name, at two widths', () => {
    for (const svg of [trend.wide, trend.narrow]) {
      expect(svg).toMatch(/^<svg [^>]*role="img"/);
      expect(svg).toContain('aria-label="Searches each month in Hackney: 243 in June 2023 and 465 in July 2023 (0.82 per day)"');
    }
    expect(trend.wide).toContain('viewBox="0 0 640 ');
    expect(trend.narrow).toContain('viewBox="0 0 320 ');
  });

  it('has no inline styles (the Content-Security-Policy forbids them) and no labels on its layers', () => {
    const chart = intervalChart([{ label: 'Black', value: 2.8, low: 2.3, high: 3.3, compare: 2.5 }, { label: 'Mixed', value: null, note: 'too few to say' }], {
      label: 'Rates',
      format: 'rate',
      axis: 'Searches per 1,000 residents'
    });
    for (const svg of [trend.wide, chart.wide, chart.narrow]) {
      expect(svg).not.toMatch(/<style|style="/);
      expect(svg.match(/aria-label=/g)).toHaveLength(1);
    }
    expect(chart.wide).toContain('too few to say');
  });

  it('writes coordinates to a tenth of a pixel', () => {
    const withoutName = trend.wide.replace(/aria-label="[^"]*"/, '');
    expect(withoutName).not.toMatch(/="[^"]*\d\.\d{2,}[^"]*"/);
    expect(withoutName).toMatch(/="[^"]*\d\.\d[^\d"]*"/);
    expect(trend.wide).toContain('no data');
  });
});
