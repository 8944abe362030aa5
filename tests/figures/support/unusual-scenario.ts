import { onDay, type Block, type Stop } from './stops.ts';
import { boundaryFiles, loadWarehouse, type TestWarehouse } from './warehouse.ts';

/** A search in Northbank Hill (E05009801) under a given power. */
const hill = (power: 's23' | 's60' | 's1'): Block => [1, 'A', 'person', 'M', '18-24', 'Black African', 'Black', power, power === 's23' ? 'drugs' : 'weapons', 'NFA', 'F', 'F'];

/** `perDay` searches at noon UTC on every day of a month, except the days given their own records. */
function month(ym: string, days: number, perDay: number, special: Record<number, Stop[]> = {}): Stop[] {
  const out: Stop[] = [];
  for (let d = 1; d <= days; d++) {
    const day = `${ym}-${String(d).padStart(2, '0')}`;
    out.push(...(special[d] ?? onDay(day, perDay, hill('s23'))));
  }
  return out;
}

/**
 * testforce, all in Northbank Hill. January and February 2024: 2 a day (60 days). March 2024: 2 a
 * day, but 1 March has 15 (10 under s60 from 14:00 UTC, 5 under PACE s1 from 15:00 UTC; GMT, so
 * local hours 14 and 15) and 10 March has 9. April 2024 is not loaded. May 2024: 6 a day, but
 * 29 May has 12 and 31 May 25 (from 13:00 UTC = 14:00 BST).
 */
export function loadUnusualScenario(): Promise<TestWarehouse> {
  return loadWarehouse(boundaryFiles, {
    '2024-01-testforce-stop-and-search.csv': month('2024-01', 31, 2),
    '2024-02-testforce-stop-and-search.csv': month('2024-02', 29, 2),
    '2024-03-testforce-stop-and-search.csv': month('2024-03', 31, 2, {
      1: [...onDay('2024-03-01', 10, hill('s60'), 14), ...onDay('2024-03-01', 5, hill('s1'), 15)],
      10: onDay('2024-03-10', 9, hill('s23'))
    }),
    '2024-05-testforce-stop-and-search.csv': month('2024-05', 31, 6, {
      29: onDay('2024-05-29', 12, hill('s23')),
      31: onDay('2024-05-31', 25, hill('s23'), 13)
    })
  });
}
