import type { LegendItem } from '$lib/components/charts/types.ts';
import { classOf, colourClasses, type ScaleKind } from '$lib/components/map/scale.ts';
import type { MapArea } from '$lib/components/map/types.ts';
import type { ProjectedMap } from './project.ts';

export interface AreaValue {
  /** null: nothing to show (too few to say, no data): hatched. */
  value: number | null;
  /** "Hackney: 465 searches". */
  label: string;
  href?: string;
  current?: boolean;
}

export interface ChoroplethProps {
  width: number;
  height: number;
  areas: MapArea[];
  legend: { title: string; items: LegendItem[] };
}

/**
 * Props for ChoroplethMap.svelte: each projected area gets its colour class, label and link.
 * Areas are listed by name, so keyboard users move through them in alphabetical order.
 */
export function choropleth(
  map: ProjectedMap,
  values: Map<string, AreaValue>,
  opts: { kind: ScaleKind; legendTitle: string; noValueLabel: string }
): ChoroplethProps {
  const shown = [...values.values()].map((v) => v.value).filter((v): v is number => v !== null);
  const classes = colourClasses(shown, opts.kind);
  const areas = map.areas
    .map((a): MapArea => {
      const v = values.get(a.code);
      return {
        code: a.code,
        name: a.name,
        d: a.d,
        fill: v && v.value !== null ? classOf(classes, v.value).fill : null,
        label: v?.label ?? `${a.name}: no data`,
        href: v?.href,
        current: v?.current
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const items: LegendItem[] = classes.map((c) => ({ label: c.label, fill: c.fill }));
  if (areas.some((a) => a.fill === null)) items.push({ label: opts.noValueLabel, fill: null });
  return { width: map.width, height: map.height, areas, legend: { title: opts.legendTitle, items } };
}
