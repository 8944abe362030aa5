/** Boundary files, point location and nested area assignment. */
export { BoundaryError, parseBoundaries, toD3Rings } from './boundaries.ts';
export type { AreaGeometry, AreaLevel, BoundaryFeature, BoundarySet } from './types.ts';
export { loadBoundaryFile } from './load.ts';
export { createAreaIndex, type AreaIndex } from './spatial-index.ts';
export { createAssigner, WARD_SNAP_METRES, type Assigner, type AssignerBoundaries, type Assignment } from './assign.ts';
