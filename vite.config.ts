import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB and PGlite are heavy; two workers match the two cores of CI.
    maxWorkers: 2,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      {
        extends: true,
        // End-to-end: the built app in Chromium. The build happens once, before any e2e file runs.
        // It runs after the unit project, so browsers and servers do not compete with the real-data imports.
        test: { name: 'e2e', include: ['e2e/**/*.test.ts'], globalSetup: ['e2e/support/global-setup.ts'], sequence: { groupOrder: 1 } }
      }
    ]
  }
});
