import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './newcombe.ts';

describe('newcombeDifference (method 10)', () => {
  // Newcombe RG (1998). Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Statistics in Medicine 17:873–890, Table II, method 10.
  it('matches Newcombe (1998) for 56/70 − 48/80', () => {
    const r = newcombeDifference(56, 70, 48, 80);
    expect(r?.value).toBeCloseTo(0.2, 12);
    expect(r?.ci[0]).toBeCloseTo(0.0524, 4);
    expect(r?.ci[1]).toBeCloseTo(0.3339, 4);
  });

  it('matches Newcombe (1998) for 9/10 − 3/10', () => {
    const r = newcombeDifference(9, 10, 3, 10);
    expect(r?.value).toBeCloseTo(0.6, 12);
    expect(r?.ci[0]).toBeCloseTo(0.1705, 4);
    expect(r?.ci[1]).toBeCloseTo(0.809, 4);
  });

  it('handles two zero proportions (derived by hand)', () => {
    // 0/10 − 0/20: both p are 0 and both lower Wilson limits 0, so
    // lower = 0 − u2 = −z²/(20 + z²) = −3.841459/23.841459 = −0.161125,
    // upper = 0 + u1 = z²/(10 + z²) = 3.841459/13.841459 = 0.277533.
    const r = newcombeDifference(0, 10, 0, 20);
    expect(r?.value).toBe(0);
    expect(r?.ci[0]).toBeCloseTo(-0.161125, 6);
    expect(r?.ci[1]).toBeCloseTo(0.277533, 6);
  });

  it('reaches but does not pass 1 when one group has every outcome (derived by hand)', () => {
    // 10/10 − 0/10: d = 1; u1 = 1 and l2 = 0, so upper = 1 + √(0 + 0) = 1;
    // lower = 1 − √((1 − l1)² + u2²) = 1 − √(0.277533² + 0.277533²) = 1 − 0.392491 = 0.607509.
    const r = newcombeDifference(10, 10, 0, 10);
    expect(r?.ci[0]).toBeCloseTo(0.607509, 6);
    expect(r?.ci[1]).toBe(1);
  });

  it('is null when either group is empty', () => {
    expect(newcombeDifference(0, 0, 3, 10)).toBeNull();
    expect(newcombeDifference(3, 10, 0, 0)).toBeNull();
  });
});
