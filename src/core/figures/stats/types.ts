/** A two-sided confidence interval, lower bound first. */
export type Interval = readonly [lower: number, upper: number];

/** A point estimate with its confidence interval. */
export interface Estimate {
  value: number;
  ci: Interval;
}
