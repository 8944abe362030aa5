import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/core/paths.ts';

/** Debian's Chromium; SCRUTINEER_CHROMIUM points elsewhere (e.g. a developer's own Chrome). */
const executablePath = process.env.SCRUTINEER_CHROMIUM ?? '/usr/bin/chromium';

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(executablePath))
    throw new Error(`No Chromium at ${executablePath}: install it (apt-get install -y chromium) or set SCRUTINEER_CHROMIUM.`);
  return chromium.launch({ executablePath, headless: true, args });
}

/** Waits until the root layout has hydrated (it sets body[data-hydrated] in onMount). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 15_000 });
}

/** Where screenshots (and PDFs, and their pages as PNGs) are kept for a person to look at. */
export const screenshotDir = path.join(projectRoot(), 'test-results', 'screenshots');

/** Whole-page screenshots at a desktop and the narrowest phone width, for a person to look at. */
export async function screenshots(page: Page, name: string, widths = [1280, 320]): Promise<string[]> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const files: string[] = [];
  const original = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const file = path.join(screenshotDir, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}

/** True when the page is wider than the window: content that cannot reflow (WCAG 1.4.10). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core against WCAG 2.2 A/AA rules and returns the serious and critical violations.
 * The source is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
