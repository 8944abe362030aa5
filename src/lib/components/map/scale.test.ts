import { describe, expect, it } from 'vitest';
import { blues, classOf, colourClasses } from './scale.ts';

describe('map colour classes', () => {
  it('splits counts into nice steps from zero, the top class open-ended and darkest', () => {
    const c = colourClasses([0, 7, 58, 92], 'count');
    expect(c.map((x) => x.label)).toEqual(['0 to 19', '20 to 39', '40 to 59', '60 to 79', '80 or more']);
    expect(classOf(c, 92).fill).toBe(blues[4]);
    expect(classOf(c, 0).fill).toBe(blues[0]);
    const few = colourClasses([16, 58], 'count');
    expect(few.map((x) => [x.label, x.fill])).toEqual([
      ['0 to 19', blues[0]],
      ['20 to 39', blues[2]],
      ['40 or more', blues[4]]
    ]);
  });

  it('uses fixed steps around 1 for rate ratios and percentages for shares', () => {
    expect(colourClasses([0.7, 3.4], 'ratio').map((x) => x.label)).toEqual(['below 1', '1 to under 2', '2 to under 3', '3 to under 5', '5 or more']);
    expect(classOf(colourClasses([], 'ratio'), 3.4).label).toBe('3 to under 5');
    expect(colourClasses([0.12, 0.31], 'percent').map((x) => x.label)).toEqual(['0% to under 10%', '10% to under 20%', '20% to under 30%', '30% or more']);
  });
});
