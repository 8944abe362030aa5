import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure, FigureSet } from '../src/core/figures/types.ts';
import { hydrated, launchBrowser, overflowsHorizontally, screenshotDir, screenshots, seriousAxeViolations } from './support/browser.ts';
import { PACK_BOROUGH, PACK_MONTH, writePackFixture } from './pack-fixture.ts';
import { poppler } from './support/poppler.ts';
import { startServer, type TestServer } from './support/server.ts';

const packPath = `/b/${PACK_BOROUGH}/pack/${PACK_MONTH}`;
/**
 * Looked at page by page (test-results/screenshots/pack-page-*.png): title and summary; questions (two
 * pages); comparison; groups and outcomes; powers; unusual days; appendix (three pages).
 */
const EXPECTED_PAGES = 10;
/** Each section starts a page, in this order. */
const SECTION_STARTS = [
  'Monthly data pack for the community scrutiny panel',
  'Suggested questions',
  'This month against earlier months and Testforce Police area',
  'Who was searched, and what happened',
  'Powers, objects and ages',
  'Unusual days',
  'Appendix: methods and sources'
];

describe('monthly data pack', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let fixtureDir: string;

  beforeAll(async () => {
    const fixture = writePackFixture();
    fixtureDir = fixture.dir;
    [server, browser] = await Promise.all([startServer({ importPaths: fixture.paths }), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (fixtureDir) fs.rmSync(fixtureDir, { recursive: true, force: true });
  });

  const api = async (query: string): Promise<FigureSet> => {
    const res = await fetch(`${server.url}/api/v1/figures?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as FigureSet;
  };
  const one = (set: FigureSet, metric: Figure['metric'], group: string | null = null) => {
    const found = set.figures.filter((f) => f.metric === metric && (f.group?.value ?? null) === group && (group === null || f.group?.dimension !== 'officer_defined_ethnicity'));
    expect(found, `${metric} ${group}`).toHaveLength(1);
    return found[0];
  };

  it('shows the pack with JavaScript on', async () => {
    await page.goto(server.url + packPath);
    await hydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Stop and search in Northbank: March 2024');
    const questions = await page.locator('#questions ol.questions > li .question').allInnerTexts();
    expect(questions).toContain('What explains Black residents in Northbank being searched 9.6 times as often as White residents in March 2024?');
    expect(questions).toContain('Was there a planned operation in Northbank Hill on 21 March 2024? Please share its community impact assessment.');
    const header = await page.locator('table.comparison thead th').allInnerTexts();
    expect(header.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      'Figure', 'Mar 2024 this month', 'Testforce Police area same month', 'Feb 2024', 'Jan 2024', 'Dec 2023', 'Mar 2023 a year before'
    ]);
    // December 2023 is not loaded: its column says so, never zero.
    const searchesRow = await page.locator('table.comparison tbody tr', { hasText: /^Searches/ }).first().locator('td').allInnerTexts();
    expect(searchesRow.map((c) => c.trim())).toEqual(['241', '281', '80', '70', 'not loaded', '60']);
    await screenshots(page, 'pack');
  });

  it('works with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(server.url + packPath);
    await expect(plain.locator('h1').textContent()).resolves.toBe('Stop and search in Northbank: March 2024');
    expect(await plain.locator('#questions ol.questions > li').count()).toBe(8);
    expect(await plain.locator('#unusual h3').allInnerTexts()).toEqual(['21 March 2024: Northbank (whole borough)', '21 March 2024: Northbank Hill']);
    // The options form is a plain GET form.
    await plain.selectOption('#pack-ethnicity', 'officer');
    await plain.click('.pack-tools button[type=submit]');
    await plain.waitForURL(/ethnicity=officer/);
    await expect(plain.locator('.pack-meta').nth(1).innerText()).resolves.toContain('as the officer recorded it');
    await context.close();
  });

  it('has no serious accessibility problems and fits a 320 px screen', async () => {
    await page.goto(server.url + packPath);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('prints without navigation, site header or tools', async () => {
    await page.goto(server.url + packPath);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.pack-tools', 'nav.pack-contents'])
      await expect(page.locator(hidden).isVisible(), hidden).resolves.toBe(false);
    const breaks = await page.locator('section.pack-section').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
    expect(breaks).toEqual(['auto', 'page', 'page', 'page', 'page', 'page', 'page']);
    // Nothing cut off at the width of an A4 page inside its 14 mm margins (182 mm = 688 CSS px):
    // no element reaches past the right edge, and no scrolling or clipping box hides part of its content.
    await page.setViewportSize({ width: 688, height: 1000 });
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *'))
        .filter((el) => {
          const style = getComputedStyle(el);
          if (style.display === 'none' || style.visibility === 'hidden' || el.closest('.visually-hidden')) return false; // hidden on purpose
          const clips = ['auto', 'hidden', 'scroll', 'clip'].includes(style.overflowX);
          return el.getBoundingClientRect().right > window.innerWidth + 1 || (clips && el.scrollWidth > el.clientWidth + 1);
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`)
    );
    expect(cut).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
  });

  it('answers 404 pages that say why for an unknown borough, a month not loaded and a bad month', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/b/atlantis/pack/2024-03', /There is no borough called "atlantis"/],
      [`/b/${PACK_BOROUGH}/pack/2023-12`, /There is no data pack for Northbank for December 2023: no stop-and-search records are loaded for that month/],
      [`/b/${PACK_BOROUGH}/pack/2024-13`, /"2024-13" is not a month/],
      [`/b/${PACK_BOROUGH}/pack/2023-12.pdf`, /There is no data pack for Northbank for December 2023/]
    ];
    for (const [url, message] of cases) {
      const res = await page.goto(server.url + url);
      expect(res?.status(), url).toBe(404);
      expect(res?.headers()['content-type']).toContain('text/html');
      await expect(page.locator('main').innerText()).resolves.toMatch(message);
    }
  });

  it('goes to the PDF from ?format=pdf and to the slug from a GSS code', async () => {
    const pdf = await fetch(`${server.url}${packPath}?format=pdf&ethnicity=officer`, { redirect: 'manual' });
    expect(pdf.status).toBe(303);
    expect(pdf.headers.get('location')).toBe(`${packPath}.pdf?ethnicity=officer`);
    const code = await fetch(`${server.url}/b/E09000098/pack/${PACK_MONTH}`, { redirect: 'manual' });
    expect(code.status).toBe(308);
    expect(code.headers.get('location')).toBe(packPath);
    const latest = await fetch(`${server.url}/b/${PACK_BOROUGH}/pack`, { redirect: 'manual' });
    expect(latest.headers.get('location')).toBe(packPath);
  });

  describe('the PDF', () => {
    let file: string;
    let pages: string[];

    beforeAll(async () => {
      const res = await fetch(`${server.url}${packPath}.pdf`);
      expect(res.status, server.output()).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="scrutineer-${PACK_BOROUGH}-${PACK_MONTH}.pdf"`);
      fs.mkdirSync(screenshotDir, { recursive: true });
      file = path.join(screenshotDir, 'pack.pdf');
      fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const count = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);
      pages = Array.from({ length: count }, (_, i) => poppler('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-']));
    }, 120_000);

    it('is an A4 PDF with the expected pages, each numbered "Page N of M" with the borough and month', () => {
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      expect(poppler('pdfinfo', [file])).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
      expect(pages).toHaveLength(EXPECTED_PAGES);
      pages.forEach((text, i) => {
        expect(text).toContain(`Page ${i + 1} of ${EXPECTED_PAGES}`);
        expect(text).toContain('Northbank · Stop and search data pack · March 2024');
      });
    });

    it('starts each section on a new page', () => {
      const starts = SECTION_STARTS.map((title) => pages.findIndex((p) => firstLine(p).includes(title)));
      expect(starts[0]).toBe(0);
      starts.forEach((page, i) => {
        expect(page, SECTION_STARTS[i]).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(page, SECTION_STARTS[i]).toBeGreaterThan(starts[i - 1]);
      });
    });

    it('has the same figures as /api/v1/figures', async () => {
      const [march, feb, jan, year, force] = await Promise.all([
        api(`area=${PACK_BOROUGH}&from=2024-03`),
        api(`area=${PACK_BOROUGH}&from=2024-02`),
        api(`area=${PACK_BOROUGH}&from=2024-01`),
        api(`area=${PACK_BOROUGH}&from=2023-03`),
        api('area=testforce&from=2024-03')
      ]);
      const text = pages.join('\n');
      const flat = text.replace(/\s+/g, ' ');

      // The comparison table's searches row: this month, the force area, two months before, one not loaded, a year before.
      const row = /^\s*Searches\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)\s+not loaded\s+([\d,]+)\s*$/m.exec(text);
      expect(row, 'searches row').not.toBeNull();
      expect(row?.slice(1).map((n) => Number(n.replace(/,/g, '')))).toEqual([march, force, feb, jan, year].map((s) => one(s, 'searches').numerator));

      const ratio = one(march, 'rate_ratio_vs_white', 'black');
      const [low, high] = ratio.ci95 as [number, number];
      expect(flat).toContain(`What explains Black residents in Northbank being searched ${(ratio.value as number).toFixed(1)} times as often as White residents in March 2024?`);
      expect(flat).toContain(`Rate ratio ${(ratio.value as number).toFixed(1)}, 95% interval ${low.toFixed(2)} to ${high.toFixed(2)}.`);

      const blackArrests = one(march, 'arrest_rate', 'black');
      const whiteArrests = one(march, 'arrest_rate', 'white');
      const pct = (f: Figure) => `${((f.value as number) * 100).toFixed(1)}%`;
      expect(flat).toContain(`(${pct(blackArrests)} against ${pct(whiteArrests)})`);
      expect(flat).toContain(`Section 60 was used for ${one(march, 's60_count').numerator} searches in Northbank in March 2024.`);
      expect(flat).toContain(`Please explain the ${one(march, 'strip_search_share').numerator} searches in Northbank in March 2024`);
      const { unlocated, forceRecords } = march.context.placement;
      expect(flat).toContain(`${unlocated} of the Testforce Police's ${forceRecords} searches in March 2024`);
    });

    it('is drawn to look at: every page as a PNG in test-results/screenshots', () => {
      for (const old of fs.readdirSync(screenshotDir).filter((f) => f.startsWith('pack-page-'))) fs.rmSync(path.join(screenshotDir, old));
      poppler('pdftoppm', ['-png', '-r', '60', file, path.join(screenshotDir, 'pack-page')]);
      expect(fs.readdirSync(screenshotDir).filter((f) => f.startsWith('pack-page-'))).toHaveLength(EXPECTED_PAGES);
    });
  });
});

const firstLine = (text: string) => text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
