import type { PolygonSet } from './polygons.ts';
import type { MonthFacts } from './source-facts.ts';

/** Which LSOAs, and so which boroughs, may rightly claim a point. */
export interface Claim {
  /** LSOAs holding the point or with it on their edge. */
  lsoas: string[];
  boroughs: string[];
  inside: boolean;
  onEdge: boolean;
  /** On one LSOA's edge and inside none: London's outer edge, so outside is right too. */
  possiblyOutside: boolean;
}

export type ClaimAt = (lon: number, lat: number) => Claim;

/** Claims, remembered per point: the police snap locations to a few tens of thousands of points. */
export function claimsOf(lsoas: PolygonSet): ClaimAt {
  const seen = new Map<string, Claim>();
  return (lon, lat) => {
    const key = `${lon} ${lat}`;
    let claim = seen.get(key);
    if (!claim) {
      const { inside, onEdge } = lsoas.claimants(lon, lat);
      const all = [...inside, ...onEdge];
      claim = {
        lsoas: all.map((a) => a.code),
        boroughs: [...new Set(all.map((a) => a.parent!))].sort(),
        inside: inside.length > 0,
        onEdge: onEdge.length > 0,
        possiblyOutside: inside.length === 0 && onEdge.length === 1
      };
      seen.set(key, claim);
    }
    return claim;
  };
}

/**
 * Borough totals of one police file placed independently, as bounds: a point on an edge between
 * boroughs may rightly go to either side, and one on London's outer edge may rightly stay outside.
 */
export interface Placement {
  /** Records whose borough is certain. */
  certain: Map<string, number>;
  /** Records on an edge this borough shares with another borough (or with the outside). */
  possible: Map<string, number>;
  outside: number;
  possiblyOutside: number;
}

export function placeByLsoa(facts: Iterable<MonthFacts>, claimAt: ClaimAt): Map<string, Placement> {
  const out = new Map<string, Placement>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const f of facts) {
    const p: Placement = { certain: new Map(), possible: new Map(), outside: 0, possiblyOutside: 0 };
    for (const [key, n] of f.points) {
      const [lat, lon] = key.split(' ').map(Number);
      const claim = claimAt(lon, lat);
      if (claim.boroughs.length === 0) p.outside += n;
      else if (claim.boroughs.length === 1 && !claim.possiblyOutside) add(p.certain, claim.boroughs[0], n);
      else {
        for (const b of claim.boroughs) add(p.possible, b, n);
        if (claim.possiblyOutside) p.possiblyOutside += n;
      }
    }
    out.set(f.origin, p);
  }
  return out;
}
