import { describe, expect, it } from 'vitest';
import { describeCoverage, fileName, forceName, gapsIn, londonDateTime, monthName, share } from './describe.ts';

describe('describe', () => {
  it('names months and forces as people say them', () => {
    expect(monthName('2023-07')).toBe('July 2023');
    expect(forceName('metropolitan')).toBe('Metropolitan Police');
    expect(forceName('avon-and-somerset')).toBe('Avon and Somerset Police');
  });

  it('finds runs of missing months, across year ends', () => {
    expect(gapsIn(['2018-11', '2019-03', '2019-04', '2019-06'])).toEqual([
      { from: '2018-12', to: '2019-02', months: 3 },
      { from: '2019-05', to: '2019-05', months: 1 }
    ]);
    expect(gapsIn(['2023-07'])).toEqual([]);
    expect(gapsIn([])).toEqual([]);
  });

  it('says which months are covered, with the gaps', () => {
    const months = ['2015-04', '2015-05', '2015-08', '2015-10'];
    expect(describeCoverage({ force: 'metropolitan', months, firstMonth: '2015-04', lastMonth: '2015-10' })).toBe(
      '4 months of Metropolitan Police stop-and-search records, April 2015 to October 2015, with gaps: June 2015 to July 2015 (2 months) and September 2015.'
    );
    expect(describeCoverage({ force: 'metropolitan', months: ['2023-07'], firstMonth: '2023-07', lastMonth: '2023-07' })).toBe(
      '1 month of Metropolitan Police stop-and-search records, July 2023.'
    );
  });

  it('never rounds a share up to all or down to none', () => {
    expect(share(1, 1000)).toBe('under 1%');
    expect(share(999, 1000)).toBe('over 99%');
    expect(share(500, 1000)).toBe('50%');
    expect(share(0, 0)).toBe('–');
  });

  it('reads DuckDB timestamps as London time', () => {
    expect(londonDateTime('2025-07-01 11:05:00.123+00')).toBe('1 July 2025 at 12:05');
    expect(londonDateTime('2025-01-01 11:05:00+00')).toBe('1 January 2025 at 11:05');
    expect(londonDateTime('2025-07-01 11:05:00+00', 'short')).toBe('1 Jul 2025, 12:05');
  });

  it('keeps only the file name of an origin', () => {
    expect(fileName('/data/police/2023-07-metropolitan-stop-and-search.csv')).toBe('2023-07-metropolitan-stop-and-search.csv');
    expect(fileName('/data/all.zip!/2023-07/2023-07-metropolitan-stop-and-search.csv')).toBe('2023-07-metropolitan-stop-and-search.csv');
    expect(fileName('https://data.police.uk/api/stops-force?force=metropolitan&date=2024-09')).toBe('stops-force');
  });
});
