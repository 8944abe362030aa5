/**
 * Page data needed only while the page is rendered on the server. SvelteKit serialises every
 * page's data into the HTML for hydration, even on pages without client-side rendering
 * (`csr = false`), and serialising the dashboard's SVG charts costs more than drawing the page.
 * The `transport` hook in src/hooks.ts sends this wrapper as an empty marker, so use it only on
 * pages with `export const csr = false`.
 */
export class ServerOnly<T> {
  constructor(readonly value: T) {}
}
