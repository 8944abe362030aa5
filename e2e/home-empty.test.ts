import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launchBrowser, overflowsHorizontally, screenshots, seriousAxeViolations } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

const commands = [
  'npx scrutineer import ../shared/data',
  'npx scrutineer import PATH…',
  'npx scrutineer sync --force metropolitan --from 2024-09 --to 2025-04',
  'npx scrutineer serve'
];

describe('home page of an empty installation', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says what to do next, with the exact commands', async () => {
    const res = await page.goto(server.url);
    expect(res?.status()).toBe(200);
    await hydrated(page);
    await expect(page.title()).resolves.toBe('No data loaded yet · Scrutineer');
    await expect(page.locator('h1').textContent()).resolves.toBe('No data loaded yet');
    expect(await page.locator('pre code').allTextContents()).toEqual(commands);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Stop the server');
    expect(main).toContain('Only one Scrutineer process can use the data folder at a time');
    const footer = await page.locator('footer').innerText();
    for (const source of ['data.police.uk', 'Office for National Statistics (ONS)', 'Open Government Licence v3.0']) expect(footer).toContain(source);
    expect(problems).toEqual([]); // e.g. a script blocked by the Content-Security-Policy
  });

  it('sends the security headers, with a nonce for the hydration script', async () => {
    const res = await fetch(server.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('has no serious accessibility problems, and a working skip link', async () => {
    await page.goto(server.url);
    await hydrated(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    await screenshots(page, 'skip-link-focused', [1280]);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });

  it('fits a 320 px wide screen', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(server.url);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshots(page, 'home-empty');
  });

  it('works with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(server.url);
    await expect(plain.locator('h1').textContent()).resolves.toBe('No data loaded yet');
    expect(await plain.locator('pre code').allTextContents()).toEqual(commands);
    expect(await plain.locator('body[data-hydrated]').count()).toBe(0);
    await context.close();
  });

  it('answers an unknown page with 404 and a plain message', async () => {
    const res = await page.goto(`${server.url}/no-such-page`);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'not-found', [320]);
  });
});
