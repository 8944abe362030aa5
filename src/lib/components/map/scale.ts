/**
 * Colour classes for choropleth maps: a few steps of one colour-blind-safe blue (ColorBrewer
 * Blues), with "nice" bounds a person can read in the legend. Areas without a value (too few to
 * say, no data) are hatched instead: see ChoroplethMap.svelte.
 */
export const blues = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];

export interface ColourClass {
  /** Inclusive lower bound, exclusive upper bound (the last class includes its upper bound). */
  min: number;
  max: number;
  fill: string;
  label: string;
}

export type ScaleKind = 'count' | 'percent' | 'ratio';

function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Up to five classes covering the values: equal "nice" steps from 0; for ratios, fixed steps around 1. */
export function colourClasses(values: number[], kind: ScaleKind): ColourClass[] {
  if (kind === 'ratio') {
    const bounds = [0, 1, 2, 3, 5, Infinity];
    const labels = ['below 1', '1 to under 2', '2 to under 3', '3 to under 5', '5 or more'];
    return labels.map((label, i) => ({ min: bounds[i], max: bounds[i + 1], fill: blues[i], label }));
  }
  const max = Math.max(0, ...values);
  const step = niceStep(Math.max(max, kind === 'count' ? 5 : 0.05) / blues.length);
  const classes: ColourClass[] = [];
  for (let i = 0; i < blues.length && (i === 0 || i * step <= max); i++) {
    const min = i * step;
    const upper = (i + 1) * step;
    const label =
      kind === 'count'
        ? `${Math.ceil(min).toLocaleString('en-GB')} to ${(Math.ceil(upper) - 1).toLocaleString('en-GB')}`
        : `${pct(min)} to under ${pct(upper)}`;
    classes.push({ min, max: upper, fill: blues[i], label });
  }
  // Fewer classes than colours: spread them over the palette, so the top class is always the darkest.
  classes.forEach((c, i) => (c.fill = blues[classes.length === 1 ? 0 : Math.round((i * (blues.length - 1)) / (classes.length - 1))]));
  const last = classes[classes.length - 1];
  if (kind === 'count') last.label = `${Math.ceil(last.min).toLocaleString('en-GB')} or more`;
  else last.label = `${pct(last.min)} or more`;
  last.max = Infinity;
  return classes;
}

/** The class a value falls in (values beyond the last bound go in the last class). */
export function classOf(classes: ColourClass[], value: number): ColourClass {
  return classes.find((c) => value >= c.min && value < c.max) ?? classes[classes.length - 1];
}
