/** Props shared by the chart and map components (plain data, so server code can build them). */

export interface TableColumn {
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

/** A cell: text, or text with a link and/or a smaller note under it (e.g. an interval). */
export type TableCell = string | number | { text: string; href?: string; note?: string };

/** A data table: the text alternative of a chart or map, and what its downloads contain. */
export interface DataTableProps {
  caption: string;
  columns: TableColumn[];
  /** Cells as they should read (a link where a cell has `href`); the first cell of each row is its header. */
  rows: Array<Array<TableCell>>;
}

export interface LegendItem {
  label: string;
  /** A fill colour; null draws the hatching used for "no value". */
  fill: string | null;
  /** How the item is drawn: a box (maps, bars), a dot, a short line or a tick. */
  shape?: 'box' | 'dot' | 'line' | 'tick';
}

export interface Downloads {
  csv: string;
  json: string;
}
