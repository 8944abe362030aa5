import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Observable Plot rendered on the server: linkedom stands in for the browser's DOM, and the result
 * is SVG markup to place in a page with {@html}. One document serves every chart (Plot only
 * creates detached elements in it).
 */
let doc: Document | null = null;

function serverDocument(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

/** A chart drawn at two widths: the page shows the narrow one on phones (see ChartFigure.svelte). */
export interface ChartSvg {
  wide: string;
  narrow: string;
}

export const WIDE = 640;
export const NARROW = 320;

/**
 * Renders Plot options to an SVG string with `role="img"` and the given accessible name. Plot's
 * own <style> element is removed: the Content-Security-Policy forbids inline styles, and
 * ChartFigure.svelte carries the same rules for the class "plot".
 */
export function renderPlot(options: Plot.PlotOptions, label: string): string {
  const node = Plot.plot({ ...options, document: serverDocument(), className: 'plot' }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('Plot returned no SVG');
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  for (const el of Array.from(svg.querySelectorAll('[style]'))) el.removeAttribute('style');
  // Plot names its layers with aria-label; inside role="img" they are not read, and axe rejects the attribute on <g>.
  for (const el of Array.from(svg.querySelectorAll('[aria-label], [aria-description]'))) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.removeAttribute('style');
  return compact(svg.outerHTML);
}

/** Plot writes coordinates to 15 decimal places; a tenth of a pixel is plenty, and pages get much smaller. */
function compact(markup: string): string {
  return markup.replace(/ ([\w:-]+)="([^"]*)"/g, (attr, name: string, value: string) =>
    name.startsWith('aria-') || !/\d\.\d{2}/.test(value) ? attr : ` ${name}="${value.replace(/(\d\.\d)\d+/g, '$1')}"`
  );
}

/** The same chart at both widths. */
export function renderBoth(spec: (width: number) => Plot.PlotOptions, label: string): ChartSvg {
  return { wide: renderPlot(spec(WIDE), label), narrow: renderPlot(spec(NARROW), label) };
}
