import { describe, expect, it } from 'vitest';
import { detectFields, vintageOf } from './properties.ts';

describe('vintageOf', () => {
  it('reads the two-digit year of ONS property names', () => {
    expect(vintageOf('WD22CD', 'x.geojson')).toBe(2022);
    expect(vintageOf('lsoa21cd', 'x.geojson')).toBe(2021);
    expect(vintageOf('LAD22CD', 'x.geojson')).toBe(2022);
  });

  it('falls back to a four-digit year in the file name, ignoring longer digit runs', () => {
    expect(vintageOf('GSS_CODE', 'london_wards_2018_gla.geojson.gz')).toBe(2018);
    expect(vintageOf('GSS_CODE', '/data/2020/wards_1999.geojson')).toBe(1999);
    expect(vintageOf('GSS_CODE', 'lad_8941445649355329203.topojson')).toBeNull();
    expect(vintageOf('GSS_CODE', 'london_boroughs.geojson')).toBeNull();
  });
});

describe('detectFields', () => {
  it('in a one-feature file, where every code is unique, takes the finest level as the code', () => {
    const rows = [{ RGNCD: 'E12000007', LAD22CD: 'E09000012', WD22CD: 'E05009370', WD22NM: 'Dalston' }];
    expect(detectFields(rows, 'one.geojson')).toEqual({
      codeProperty: 'WD22CD',
      nameProperty: 'WD22NM',
      parentProperty: 'LAD22CD',
      vintage: 2022
    });
  });

  it('prefers LAD22CD over other LA-code columns as the parent', () => {
    const rows = [
      { UTLACD: 'E09000001', LADCD_ACTIVE: 'E09000001', LAD22CD: 'E09000001', WD22CD: 'E05000001' },
      { UTLACD: 'E09000001', LADCD_ACTIVE: 'E09000001', LAD22CD: 'E09000001', WD22CD: 'E05000002' }
    ];
    expect(detectFields(rows, 'w.geojson').parentProperty).toBe('LAD22CD');
  });

  it('prefers a GSS_CODE or ...CD name when two columns hold the same unique codes', () => {
    const rows = [
      { ons_id: 'E09000001', GSS_CODE: 'E09000001' },
      { ons_id: 'E09000002', GSS_CODE: 'E09000002' }
    ];
    expect(detectFields(rows, 'b.geojson').codeProperty).toBe('GSS_CODE');
  });

  it('falls back to no name property, and ignores codes that are not all GSS', () => {
    const rows = [
      { id: 'E09000001', code: 'E09000001' },
      { id: 'x', code: 'E09000002' }
    ];
    expect(detectFields(rows, 'b.geojson')).toMatchObject({ codeProperty: 'code', nameProperty: null });
  });
});
