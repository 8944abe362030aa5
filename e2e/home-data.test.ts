import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launchBrowser, overflowsHorizontally, screenshots, seriousAxeViolations } from './support/browser.ts';
import { smallDataSet } from './support/fixtures.ts';
import { startServer, type TestServer } from './support/server.ts';

describe('home page with data loaded', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ importPaths: smallDataSet }), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the force, the month and the record count in plain English', async () => {
    await page.goto(server.url);
    await hydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Stop and search in London');
    await expect(page.locator('h2', { hasText: 'What data is loaded' }).count()).resolves.toBe(1);
    const main = await page.locator('main').innerText();
    expect(main).toContain('1 month of Metropolitan Police stop-and-search records, July 2023.');
    expect(main).toContain('10 records');
    expect(main).toContain('9 (90%) have a location');
    expect(main).toContain('8 (80%) were placed in a London borough');
    expect(main).toContain('1 row could not be loaded');
    expect(main).toMatch(/Last import: \d{1,2} \w+ \d{4} at \d\d:\d\d/);
  });

  it('shows the areas and the imported files', async () => {
    const areas = await page.locator('table', { hasText: 'Boundaries used' }).innerText();
    expect(areas).toMatch(/London boroughs\s+2\s+boroughs\.geojson/);
    const files = page.locator('table', { hasText: 'imported files' });
    const rows = await files.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^2023-07-metropolitan-stop-and-search\.csv\s+Stop and search \(archive CSV\), Metropolitan Police, July 2023\. Imported .+\.\s+10\s+1$/);
    expect(rows[1]).toMatch(/^boroughs\.geojson\s+Boundaries\. Imported .+\.\s+2\s+0$/);
  });

  it('has no serious accessibility problems', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('fits a 320 px wide screen', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(server.url);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshots(page, 'home-data');
  });

  it('prints without the coloured header or the skip link', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.skip-link').isVisible()).resolves.toBe(false);
    const header = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).toBe('rgba(0, 0, 0, 0)');
    await screenshots(page, 'home-data-print', [1280]);
    await page.emulateMedia({ media: 'screen' });
  });

  it('works with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(server.url);
    const main = await plain.locator('main').innerText();
    expect(main).toContain('1 month of Metropolitan Police stop-and-search records, July 2023.');
    expect(main).toContain('10 records');
    expect(await plain.locator('table', { hasText: 'imported files' }).locator('tbody tr').count()).toBe(2);
    await context.close();
  });
});
