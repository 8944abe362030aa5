export interface MapArea {
  code: string;
  name: string;
  /** SVG path data (projectShapes in src/lib/server/map/project.ts). */
  d: string;
  /** Fill colour; null: no value to show (too few to say, no data), drawn hatched. */
  fill: string | null;
  /** What the area shows, read by screen readers and shown on hover: "Hackney: 465 searches". */
  label: string;
  /** A link to the area's own page, if it has one. */
  href?: string;
  /** Drawn with a heavier outline (the borough the page is about). */
  current?: boolean;
}
