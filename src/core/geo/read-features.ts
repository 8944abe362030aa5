import { feature } from 'topojson-client';
import type { Feature, FeatureCollection } from 'geojson';
import { BoundaryError } from './boundary-error.ts';
import type { Properties } from './properties.ts';

type Topology = Parameters<typeof feature>[0];

/** A feature as found in the file, before any checks. */
export interface RawFeature {
  properties: Properties;
  geometry: unknown;
}

/** The features of a GeoJSON FeatureCollection, or of every object in a TopoJSON Topology. */
export function readFeatures(doc: unknown, fileName: string): RawFeature[] {
  const type = (doc as { type?: unknown } | null)?.type;
  if (type === 'FeatureCollection') return fromCollection(doc as FeatureCollection, fileName);
  if (type === 'Topology') return fromTopology(doc as Topology, fileName);
  throw new BoundaryError(fileName, `is not a GeoJSON FeatureCollection or a TopoJSON Topology (type: ${String(type)})`);
}

function fromCollection(collection: FeatureCollection, fileName: string): RawFeature[] {
  if (!Array.isArray(collection.features)) throw new BoundaryError(fileName, 'has no "features" array');
  return collection.features.map(toRaw);
}

/** topojson-client's feature() decodes the arcs and applies the quantisation transform. */
function fromTopology(topology: Topology, fileName: string): RawFeature[] {
  if (!topology.objects || typeof topology.objects !== 'object') throw new BoundaryError(fileName, 'has no "objects"');
  return Object.keys(topology.objects).flatMap((name) => {
    const decoded = feature(topology, name) as unknown as Feature | FeatureCollection;
    return decoded.type === 'FeatureCollection' ? decoded.features.map(toRaw) : [toRaw(decoded)];
  });
}

function toRaw(f: Feature | null): RawFeature {
  const properties = f?.properties && typeof f.properties === 'object' ? (f.properties as Properties) : {};
  return { properties, geometry: f?.geometry ?? null };
}
