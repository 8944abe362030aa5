import { describe, expect, it } from 'vitest';
import { geoFixture } from '../../../tests/fixtures/geo/load-fixture.ts';
import { parseBoundaries } from './boundaries.ts';
import { createAreaIndex } from './spatial-index.ts';

// Alpha: the 0.01° square at the origin with a hole lon 0.004–0.006, lat 0.006–0.008.
// Bravo: the square lon 0.01–0.02, lat 0–0.01, plus an island filling Alpha's hole.
// At the equator one degree is 6 371 008.8 m × π/180 = 111 195.08 m in both directions.
const [alpha, bravo] = parseBoundaries(geoFixture('boroughs.geojson'), 'boroughs.geojson').features;
const index = createAreaIndex([alpha, bravo]);
const reversed = createAreaIndex([bravo, alpha]);
const code = (f: { code: string } | null) => f?.code ?? null;

describe('locate', () => {
  it('finds the polygon containing a point', () => {
    expect(code(index.locate(0.002, 0.002))).toBe('E09000001');
    expect(code(index.locate(0.015, 0.005))).toBe('E09000002');
  });

  it("puts a point in Alpha's hole in Bravo's island, whatever the order", () => {
    expect(code(index.locate(0.005, 0.007))).toBe('E09000002');
    expect(code(reversed.locate(0.005, 0.007))).toBe('E09000002');
  });

  it('counts a point on an edge as inside the first feature in input order', () => {
    expect(code(index.locate(0.01, 0.002))).toBe('E09000001');
    expect(code(reversed.locate(0.01, 0.002))).toBe('E09000002');
    // The edge of Alpha's hole is Alpha's boundary too.
    expect(code(index.locate(0.004, 0.007))).toBe('E09000001');
    expect(code(reversed.locate(0.004, 0.007))).toBe('E09000002');
    expect(code(index.locate(0, 0))).toBe('E09000001');
  });

  it('returns null outside every polygon and for non-numbers', () => {
    expect(index.locate(0.03, 0.005)).toBeNull();
    expect(index.locate(Number.NaN, 0)).toBeNull();
    expect(createAreaIndex([]).locate(0, 0)).toBeNull();
  });
});

describe('nearest', () => {
  it("measures to the nearest edge: 0.005° east of Bravo's east side is 555.98 m", () => {
    expect(code(index.nearest(0.025, 0.005, 556))).toBe('E09000002');
    expect(index.nearest(0.025, 0.005, 555.9)).toBeNull();
  });

  it("measures to a corner: 0.001° off both axes of Bravo's NE corner is √2 × 111.195 = 157.25 m", () => {
    expect(code(index.nearest(0.021, 0.011, 157.3))).toBe('E09000002');
    expect(index.nearest(0.021, 0.011, 157.2)).toBeNull();
  });

  it('picks the closer feature: 111 m to Alpha, 567 m to Bravo', () => {
    expect(code(index.nearest(0.005, -0.001, 1000))).toBe('E09000001');
    expect(code(reversed.nearest(0.005, -0.001, 1000))).toBe('E09000001');
  });

  it('returns a containing feature at distance zero', () => {
    expect(code(index.nearest(0.002, 0.002, 0))).toBe('E09000001');
  });
});

describe('degenerate input', () => {
  it('skips polygons with no area to index', () => {
    const empty = { ...alpha, code: 'E09000099', geometry: { type: 'Polygon' as const, coordinates: [] } };
    expect(code(createAreaIndex([empty, alpha]).locate(0.002, 0.002))).toBe('E09000001');
  });
});
