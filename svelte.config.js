import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';

/**
 * SvelteKit's route announcer (a visually hidden live region in its generated root component) is
 * the one inline style attribute on our pages. Only that exact style is allowed, by its hash; if kit
 * changes it, the end-to-end tests see the CSP report in the console.
 */
const announcerStyle =
  'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerHash = `sha256-${createHash('sha256').update(announcerStyle).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    alias: { $core: 'src/core' },
    // Kit adds a per-response nonce for its hydration script ('auto': nonces for rendered pages,
    // hashes for prerendered ones), so no inline script or style is ever allowed by name.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        'style-src-attr': ['unsafe-hashes', /** @type {`sha256-${string}`} */ (announcerHash)],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none']
      }
    }
  }
};
