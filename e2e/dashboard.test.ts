import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, overflowsHorizontally, screenshots, seriousAxeViolations } from './support/browser.ts';
import { dashboardDataSet } from './support/dashboard-data.ts';
import { startServer, type TestServer } from './support/server.ts';

/** The London map on `/` and the borough dashboard `/b/[borough]`, on the data of support/dashboard-data.ts. */
describe('London map and borough dashboard', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const files = dashboardDataSet();
    try {
      [server, browser] = await Promise.all([startServer({ importPaths: files }), launchBrowser()]);
    } finally {
      fs.rmSync(path.dirname(files[0]), { recursive: true, force: true });
    }
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page in a browser with JavaScript turned off. */
  async function withoutJs<T>(fn: (p: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      return await fn(await context.newPage());
    } finally {
      await context.close();
    }
  }

  describe('home page', () => {
    it('shows a map of the boroughs coloured by searches, each a link, with a legend and a table', async () => {
      await page.goto(server.url);
      await expect(page.locator('h1').textContent()).resolves.toBe('Stop and search in London');
      const links = page.locator('svg.map a');
      expect(await links.count()).toBe(2);
      expect(await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]))).toEqual([
        ['/b/hackney', 'Hackney: 111 searches'],
        ['/b/tower-hamlets', 'Tower Hamlets: 40 searches']
      ]);
      await expect(page.locator('#london-map').textContent()).resolves.toBe('Searches by borough, July 2023');
      expect(await page.locator('.legend li').count()).toBeGreaterThan(1);
      const rows = await page.locator('table', { hasText: 'Searches by borough' }).locator('tbody tr').allInnerTexts();
      expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
        ['Hackney', '111'],
        ['Tower Hamlets', '40']
      ]);
      expect(await page.locator('table', { hasText: 'Searches by borough' }).locator('a').first().getAttribute('href')).toBe('/b/hackney');
    });

    it('keeps what data is loaded', async () => {
      const main = await page.locator('main').innerText();
      expect(main).toContain('What data is loaded');
      expect(main).toContain('4 months of Metropolitan Police stop-and-search records, March 2023 to July 2023, with gaps: May 2023.');
      expect(main).toContain('Imported files');
    });

    it('colours the map by the figure chosen in a GET form, kept in the URL, without JavaScript', async () => {
      await withoutJs(async (p) => {
        await p.goto(server.url);
        await p.selectOption('#metric', 'rate_ratio');
        await Promise.all([p.waitForURL(/metric=rate_ratio/), p.getByRole('button', { name: 'Show' }).click()]);
        expect(new URL(p.url()).searchParams.get('metric')).toBe('rate_ratio');
        await expect(p.locator('#london-map').textContent()).resolves.toBe('Rate ratio, Black vs White residents by borough, July 2023');
        const rows = await p.locator('table', { hasText: 'Rate ratio' }).locator('tbody tr').allInnerTexts();
        expect(rows[0]).toMatch(/^Hackney\s+\d+\.\d\s+\d+\.\d to \d+\.\d\s+58$/);
        expect(rows[1]).toMatch(/^Tower Hamlets\s+too few to say\s+0$/);
        expect(await p.locator('.legend li', { hasText: 'Too few to say' }).count()).toBe(1);
        expect(await p.locator('svg.map a[href="/b/tower-hamlets"] path').getAttribute('fill')).toBe('url(#london-hatch)');
      });
    });

    it('chooses a borough from a list, without JavaScript', async () => {
      await withoutJs(async (p) => {
        await p.goto(server.url);
        await p.selectOption('#borough', 'tower-hamlets');
        await Promise.all([p.waitForURL(/\/b\/tower-hamlets$/), p.getByRole('button', { name: 'See its figures' }).click()]);
        await expect(p.locator('h1').textContent()).resolves.toBe('Stop and search in Tower Hamlets');
      });
    });

    it('reaches a borough on the map with the keyboard', async () => {
      await page.goto(server.url);
      let inMap = false;
      for (let i = 0; i < 40 && !inMap; i++) {
        await page.keyboard.press('Tab');
        inMap = await page.evaluate(() => document.activeElement?.closest('svg.map') !== null);
      }
      expect(inMap).toBe(true);
      await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe('/b/hackney');
      await Promise.all([page.waitForURL(/\/b\/hackney$/), page.keyboard.press('Enter')]);
    });

    it('has no serious accessibility problems and fits a 320 px screen', async () => {
      await page.goto(server.url);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshots(page, 'home-map');
      await page.goto(`${server.url}/?metric=rate_ratio`);
      await screenshots(page, 'home-map-rate-ratio');
    });
  });

  describe('borough dashboard', () => {
    const hackney = () => `${server.url}/b/hackney`;

    it('opens on the latest loaded month with headline sentences and their intervals', async () => {
      await page.goto(hackney());
      await expect(page.locator('h1').textContent()).resolves.toBe('Stop and search in Hackney');
      const main = await page.locator('main').innerText();
      expect(main).toContain('There were 111 searches in Hackney in July 2023.');
      expect(main).toMatch(/Black residents were searched \d+\.\d times as often as White residents \(95% interval \d+\.\d to \d+\.\d\)\./);
      expect(main).toContain('Residents of Mixed ethnicity compared with White residents: too few to say (fewer than 10 searches in one of the groups).');
      expect(main).toContain('Strip searches (removal of more than outer clothing): not recorded by the police before February 2024.');
      expect(main).toMatch(/There were 1\.\d times as many searches a day as in June 2023|Searches a day were \d+% higher than in June 2023/);
      expect(main).toContain('There is no comparison with July 2022: its police data is not loaded.');
      expect(main).toContain('1 would mean the same rate');
    });

    it('compares with London and the month before', async () => {
      const table = page.locator('table', { hasText: 'Key figures compared' });
      const head = await table.locator('thead th').allInnerTexts();
      expect(head).toEqual(['Figure', 'Hackney, July 2023', 'London, July 2023', 'Hackney, June 2023', 'Hackney, July 2022']);
      const searches = await table.locator('tbody tr').first().innerText();
      expect(searches.split('\t').map((c) => c.trim())).toEqual(['Searches', '111', '158', '76', 'no data loaded']);
    });

    it('draws every chart as an SVG image with a caption, a data table and downloads that answer', async () => {
      const charts = page.locator('.chart');
      expect(await charts.evaluateAll((cs) => cs.map((c) => c.id))).toEqual(['trend', 'rates', 'outcomes', 'powers', 'objects', 'age']);
      for (const chart of await charts.all()) {
        const svg = chart.locator('.chart-wide svg');
        await expect(svg.getAttribute('role')).resolves.toBe('img');
        expect((await svg.getAttribute('aria-label'))?.length).toBeGreaterThan(20);
        expect((await chart.locator('figcaption').innerText()).length).toBeGreaterThan(20);
        expect(await chart.locator('details table tbody tr').count()).toBeGreaterThan(0);
        for (const link of await chart.locator('.downloads a').all()) {
          const res = await fetch(new URL((await link.getAttribute('href')) as string, server.url));
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toMatch(/^(text\/csv|application\/json)/);
        }
      }
      await page.locator('#trend summary').click();
      const trend = await page.locator('#trend table').innerText();
      expect(trend).toMatch(/May 2023\s+no data loaded/);
      expect(trend).toMatch(/July 2023\s+111/);
      await expect(page.locator('#trend figcaption').innerText()).resolves.toContain('No police data is loaded for August 2021 to February 2023 and May 2023');
    });

    it('gives the data behind a chart as CSV with the figure columns, and as JSON', async () => {
      const csv = await (await fetch(`${hackney()}/data/rates.csv?from=2023-07`)).text();
      expect(csv.split('\n')[0]).toBe('metric,area_code,area_name,area_level,from,to,group_dimension,group_value,grouping,numerator,denominator,value,ci95_low,ci95_high,coverage_known,coverage_total,flags,difference_vs_white,difference_ci95_low,difference_ci95_high,method');
      expect(csv).toContain('rate_per_1000,E09000012,Hackney,borough,2023-07-01,2023-07-31,self_defined_ethnicity,black,census2021,58,');
      const trend = await (await fetch(`${hackney()}/data/trend.json?from=2023-07`)).json();
      expect(trend.rows.find((r: { month: string }) => r.month === '2023-05')).toEqual({ month: '2023-05', searches: null, in_period: false, data_loaded: false });
      const wards = await (await fetch(`${hackney()}/data/wards.csv?from=2023-07`)).text();
      expect(wards).toContain('E05009370,Dalston,58,');
      expect((await fetch(`${hackney()}/data/nothing.csv`)).status).toBe(404);
    });

    it('maps searches by ward with a legend and a table', async () => {
      const map = page.locator('#wards ~ * svg.map, section:has(#wards) svg.map');
      expect(await map.locator('path').count()).toBe(4);
      await expect(map.getAttribute('role')).resolves.toBe('img');
      const rows = await page.locator('table', { hasText: 'Searches by ward' }).locator('tbody tr').allInnerTexts();
      expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
        // Searches per 1,000 residents (made-up mid-2020 populations): 58 / 12,000, 30 / 15,000, 16 / 10,000, Garwood intervals
        ['Dalston', '58', '52.3%', '4.8\n3.7 to 6.2'],
        ['Hackney Central', '30', '27.0%', '2.0\n1.3 to 2.9'],
        ['Stoke Newington', '16', '14.4%', '1.6\n0.91 to 2.6'],
        ['Hackney Wick', '7', 'too few to say', 'too few to say']
      ]);
    });

    it('lists unusual days with their make-up and a link to their data', async () => {
      const day = page.locator('.unusual-days li', { hasText: 'Dalston ward' });
      await expect(day.locator('p').first().innerText()).resolves.toMatch(/^Friday 21 July 2023, Dalston ward: 17 searches, against a usual 1\.\d a day/);
      await day.locator('summary').click();
      await expect(day.locator('dd').first().innerText()).resolves.toContain('Misuse of Drugs Act s23');
      const href = await day.locator('a').getAttribute('href');
      const res = await (await fetch(new URL(href as string, server.url))).json();
      expect(res.days.map((d: { date: string; area: { name: string } }) => [d.date, d.area.name])).toContainEqual(['2023-07-21', 'Dalston']);
    });

    it('says what the figures rest on', async () => {
      const text = await page.locator('section:has(#coverage)').innerText();
      expect(text).toContain('158 records of the force in the period. 5 had no location and 2 were located outside every borough');
      expect(text).toContain('Ethnicity was recorded for 108 of 111 searches in Hackney');
      expect(text).toMatch(/data\.police\.uk metropolitan stop-and-search 2023-07 \(sha256 [0-9a-f]{12}…\)/);
      expect(text).toContain('ONS Census 2021 TS021');
      expect(text).toContain('Ward boundaries: wards.geojson');
    });

    it('changes period, grouping and ethnicity with a GET form, without JavaScript', async () => {
      await withoutJs(async (p) => {
        await p.goto(hackney());
        await p.fill('#from', '2023-06');
        await p.fill('#to', '2023-07');
        await p.selectOption('#grouping', 'black_incl_mixed_black');
        await Promise.all([p.waitForURL(/grouping=/), p.getByRole('button', { name: 'Show' }).click()]);
        const params = new URL(p.url()).searchParams;
        expect(Object.fromEntries(params)).toEqual({ from: '2023-06', to: '2023-07', grouping: 'black_incl_mixed_black', ethnicity: 'self' });
        const main = await p.locator('main').innerText();
        expect(main).toContain('There were 187 searches in Hackney in June to July 2023.');
        expect(main).toMatch(/Black residents \(including Mixed White and Black\) were searched \d+\.\d times as often/);
        await expect(p.locator('#from').inputValue()).resolves.toBe('2023-06');
        await p.selectOption('#ethnicity', 'officer');
        await Promise.all([p.waitForURL(/ethnicity=officer/), p.getByRole('button', { name: 'Show' }).click()]);
        expect(await p.locator('main').innerText()).toMatch(/People officers recorded as Black were searched/);
      });
    });

    it('finds a borough by code or name, says when there is none, and names a bad parameter', async () => {
      const byCode = await fetch(`${server.url}/b/E09000012?from=2023-07`);
      expect(byCode.status).toBe(200);
      expect(await byCode.text()).toContain('Stop and search in Hackney');
      const unknown = await fetch(`${server.url}/b/atlantis`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toMatch(/There is no borough called (&quot;|")atlantis(&quot;|")/);
      const bad = await fetch(`${hackney()}?from=2023-13`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/from: use a month written YYYY-MM, e\.g\. 2023-07 \(got (&quot;|")2023-13(&quot;|")\)\./);
      const backwards = await fetch(`${hackney()}?from=2023-07&to=2023-06`);
      expect(backwards.status).toBe(400);
      const grouping = await fetch(`${hackney()}?grouping=everyone`);
      expect(grouping.status).toBe(400);
      expect(await grouping.text()).toContain('grouping: choose one of census2021, black_incl_mixed_black');
      const noData = await fetch(`${hackney()}?from=2020-01`);
      expect(noData.status).toBe(404);
      expect(await noData.text()).toContain('No stop-and-search records are loaded for 2020-01-01 to 2020-01-31');
    });

    it('serves a repeated view from its cache, the same page with the same headers', async () => {
      const [first, second] = [await fetch(`${hackney()}?from=2023-06`), await fetch(`${hackney()}?from=2023-06`)];
      expect(await second.text()).toBe(await first.text());
      for (const header of ['content-security-policy', 'x-content-type-options', 'content-type'])
        expect(second.headers.get(header)).toBe(first.headers.get(header));
      expect(second.headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('is usable with the keyboard: filters, the data behind a chart, downloads', async () => {
      await page.goto(hackney());
      const tabTo = async (test: () => Promise<boolean>, what: string) => {
        for (let i = 0; i < 120; i++) {
          await page.keyboard.press('Tab');
          if (await test()) return;
        }
        throw new Error(`Tab never reached ${what}`);
      };
      const focused = (selector: string) => () => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
      // The skip link comes first and lands on the main content.
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
      await tabTo(focused('#grouping'), 'the grouping filter');
      await page.keyboard.press('ArrowDown'); // a closed <select> changes with the arrow keys
      await tabTo(focused('form.filters button'), 'the Show button');
      await Promise.all([page.waitForURL(/grouping=black_incl_mixed_black/), page.keyboard.press('Enter')]);
      // The data table behind the first chart opens with Enter on its summary.
      await tabTo(focused('#trend summary'), 'the data behind the trend chart');
      await page.keyboard.press('Enter');
      await expect(page.locator('#trend details').getAttribute('open')).resolves.toBe('');
      await tabTo(focused('#trend .downloads a'), 'the trend chart download');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toContain('/data/trend.');
    });

    it('works without JavaScript', async () => {
      await withoutJs(async (p) => {
        await p.goto(hackney());
        expect(await p.locator('.chart svg[role="img"]').count()).toBe(12);
        expect(await p.locator('main').innerText()).toContain('There were 111 searches in Hackney in July 2023.');
      });
    });

    it('has no serious accessibility problems, fits a 320 px screen and prints', async () => {
      await page.goto(hackney());
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 1280, height: 900 });
      await screenshots(page, 'dashboard-hackney');
      await page.goto(`${server.url}/b/tower-hamlets`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshots(page, 'dashboard-tower-hamlets');
      await page.goto(hackney());
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('form.filters').isVisible()).resolves.toBe(false);
      await screenshots(page, 'dashboard-hackney-print', [1280]);
      await page.emulateMedia({ media: 'screen' });
    });
  });
});
