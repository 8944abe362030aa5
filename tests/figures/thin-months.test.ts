import { describe, expect, it } from 'vitest';
import { findThinMonths } from '../../src/core/figures/thin-months.ts';

const months = (start: string, counts: number[]) => {
  const [y, m] = start.split('-').map(Number);
  return counts.map((records, i) => {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    return { month: d.toISOString().slice(0, 7), records };
  });
};

describe('possibly incomplete ("thin") months', () => {
  it('flags a month with fewer than half the median of the months before it', () => {
    // Median of the six before: (1000 + 1000) / 2 = 1000; 499 is under half, 500 is not.
    expect(findThinMonths(months('2023-01', [900, 1100, 1000, 1000, 950, 1050, 499]))).toEqual([{ month: '2023-07', records: 499, usual: 1000, stopsOn: null }]);
    expect(findThinMonths(months('2023-01', [900, 1100, 1000, 1000, 950, 1050, 500]))).toEqual([]);
  });

  it('needs six earlier months before it judges any month', () => {
    expect(findThinMonths(months('2023-01', [1000, 1000, 1000, 1000, 1000, 10]))).toEqual([]);
    expect(findThinMonths(months('2023-01', [1000, 1000, 1000, 1000, 1000, 1000, 10])).map((t) => t.month)).toEqual(['2023-07']);
  });

  it('keeps a run of thin months flagged: they never become the usual level', () => {
    // Twelve normal months, then eight at a third: the Met's API months of 2024-09 to 2025-04.
    const counts = [...Array(12).fill(9000), ...Array(8).fill(3000)];
    const thin = findThinMonths(months('2023-09', counts));
    expect(thin.map((t) => t.month)).toEqual(['2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    expect(thin.every((t) => t.usual === 9000)).toBe(true);
  });

  it('compares with the 12 most recent normal months, so a slow change is followed', () => {
    // Searching halves slowly over two years: no single month is under half of the year before it.
    const counts = Array.from({ length: 30 }, (_, i) => Math.round(10000 * 0.97 ** i));
    expect(findThinMonths(months('2021-01', counts))).toEqual([]);
  });

  it('takes the months in calendar order whatever order they come in, and skips gaps', () => {
    const shuffled = [...months('2023-01', [1000, 1000, 1000, 1000, 1000, 1000]), { month: '2023-09', records: 100 }].reverse();
    expect(findThinMonths(shuffled)).toEqual([{ month: '2023-09', records: 100, usual: 1000, stopsOn: null }]);
  });

  it('says on which day the records of a thin month stop, when that is four days or more before its end', () => {
    const before = months('2022-06', [13000, 13000, 13000, 13000, 13000, 13000]);
    const stop = (lastDate: string) => findThinMonths([...before, { month: '2022-12', records: 5706, lastDate }])[0].stopsOn;
    expect(stop('2022-12-17')).toBe('2022-12-17');
    expect(stop('2022-12-27')).toBe('2022-12-27');
    expect(stop('2022-12-28')).toBeNull();
    expect(stop('2022-12-31')).toBeNull();
  });
});
