import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { hydrated, overflowsHorizontally, screenshots, seriousAxeViolations } from './browser.ts';

/**
 * A fresh browser profile (its own cookies) at a desktop width. Script errors and errors logged to
 * the console go to `problems`, except the browser's own "Failed to load resource" for the refused
 * pages and forms (400, 403, 404, 409) that the scenarios ask for on purpose.
 */
export async function freshPage(browser: Browser, problems: string[], contexts?: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts?.push(context);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return page;
}

/** Signs in through the sign-in page, as a person would, and waits to land in /w or /admin. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<Page> {
  await page.goto(`${baseUrl}/auth/sign-in`);
  await hydrated(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/(w|admin)(\/|$)/);
  return page;
}

/** Screenshots at 1280 and 320 px, no serious accessibility problem, and no sideways scroll at 320 px (naming what sticks out). */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshots(page, name);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 900 });
  const wide = await page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName}.${e.className}`)
      .slice(0, 5)
  );
  expect(await overflowsHorizontally(page), `${name}: ${wide.join(', ')}`).toBe(false);
  await page.setViewportSize({ width: 1280, height: 900 });
}
