/** Pure statistics for Scrutineer's figures (see METRICS.md). No I/O; plain numbers in and out. */
export type { Estimate, Interval } from './types.ts';
export { poissonExactCI, rateCI } from './poisson-ci.ts';
export { poissonUpperTail } from './poisson-tail.ts';
export { katzRateRatio, type RateRatio } from './katz.ts';
export { wilsonCI } from './wilson.ts';
export { newcombeDifference } from './newcombe.ts';
export { poissonRateRatioExact } from './rate-ratio-exact.ts';
export { cohensKappa, type CohensKappa } from './cohen-kappa.ts';
export { fleissKappa, ratingCounts, type FleissKappa } from './fleiss-kappa.ts';
export { twoSidedZ } from './z.ts';
