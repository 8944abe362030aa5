import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launchBrowser } from './support/browser.ts';
import { dashboardDataSet } from './support/dashboard-data.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['police@example.org', 'Inspector Pat Police', 'police']
];

const seed = (dataDir: string) => seedPanel(dataDir, people, password);

/**
 * The dashboard's data set (support/dashboard-data.ts): Hackney, July 2023, has six section 60
 * searches in Stoke Newington at noon UTC (13:00 in London) on 1, 2, 3, 4, 27 and 28 July.
 */
describe('the section 60 register: record an authorisation, see its searches and figures', () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];
  let authorisationPath = '';

  beforeAll(async () => {
    const files = dashboardDataSet();
    try {
      [server, browser] = await Promise.all([startServer({ importPaths: files, prepare: seed }), launchBrowser()]);
    } finally {
      fs.rmSync(path.dirname(files[0]), { recursive: true, force: true });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, problems), server.url, email, password);

  it('the clerk is told what is wrong, then records an authorisation choosing wards', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney/section60`);
    await hydrated(page);
    await expect(page.locator('main').textContent()).resolves.toContain('No authorisations recorded yet.');
    await page.getByLabel('Reference').fill('CE-2023-07-01');
    await page.getByLabel('Authorising officer').fill('Insp. 4021 Okafor');
    await page.getByLabel('Rank').selectOption('sergeant');
    await page.getByLabel('Starts on').fill('2023-07-01');
    await page.getByLabel('Start time').fill('13:00');
    await page.getByLabel('Ends on').fill('2023-07-02');
    await page.getByLabel('End time').fill('14:00');
    await page.getByLabel('Grounds stated').fill('Two stabbings in Stoke Newington overnight; intelligence of reprisals.');
    await page.getByRole('button', { name: 'Record the authorisation' }).click();
    await page.getByRole('alert').waitFor();
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('Only an inspector or above may authorise section 60 searches (CJPOA 1994 s60(1)): a sergeant may not.');
    expect(alert).toContain('Choose at least one ward, or paste an area: the area the authorisation covers.');
    await checkPage(page, 'section60-refused');
    await hydrated(page);
    await page.getByLabel('Rank').selectOption('inspector');
    await page.getByLabel('Stoke Newington').check();
    await page.getByRole('button', { name: 'Record the authorisation' }).click();
    await page.getByRole('alert').filter({ hasText: 'at most 24 hours' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('this one would last 25 hours');
    await expect(page.getByLabel('Stoke Newington').isChecked()).resolves.toBe(true);
    await hydrated(page);
    await page.getByLabel('End time').fill('12:00');
    await page.getByRole('button', { name: 'Record the authorisation' }).click();
    await page.waitForURL(/\/w\/hackney\/section60\/\d+$/);
    authorisationPath = new URL(page.url()).pathname;
    const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(main).toContain('Section 60 authorisation CE-2023-07-01');
    expect(main).toContain('Insp. 4021 Okafor, Inspector');
    expect(main).toContain('23 hours');
    // 1 July 13:00 is in; 2 July 13:00 is an hour after the end.
    expect(main).toContain('Records under section 60 placed in Stoke Newington from Saturday 1 July 2023, 13:00 to Sunday 2 July 2023, 12:00 (both included): 1.');
    expect(main).toContain("Recorded as s60 but outside the register's area/time: 1 other section 60 search in Hackney");
    expect(main).toContain('0 in the time but outside the area, 1 in the area but outside the time, 0 outside both');
    const rows = page.getByRole('region', { name: /Section 60 searches/ }).locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(/2023-07-01.*13:00.*Stoke Newington.*Offensive weapons.*No further action.*18 to 24.*Mixed/);
    await checkPage(page, 'section60-authorisation');
  });

  it('records the extension (refusing a chief inspector) and a notice (refusing a private address); the searches follow', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}${authorisationPath}`);
    await hydrated(page);
    await page.getByText('Record an extension').click();
    await page.getByLabel('Rank').selectOption('chief_inspector');
    await page.getByLabel('New end date').fill('2023-07-03');
    await page.getByLabel('New end time').fill('12:00');
    await page.getByLabel('Reason').fill('Further reprisals threatened.');
    await page.getByRole('button', { name: 'Record the extension' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Only a superintendent or above may extend');
    await hydrated(page);
    await page.getByLabel('Rank').selectOption('superintendent');
    await page.getByRole('button', { name: 'Record the extension' }).click();
    await page.getByRole('status').filter({ hasText: 'The extension is recorded.' }).waitFor();
    await hydrated(page);
    await page.getByText('Record a public notice').click();
    await page.getByLabel('How', { exact: true }).selectOption('social_media');
    await page.getByLabel('Date', { exact: true }).fill('2023-07-01');
    await page.getByLabel('Time', { exact: true }).fill('13:30');
    await page.getByLabel('Where', { exact: true }).fill('@MPSHackney on X');
    await page.getByLabel('Web address').fill('http://10.0.0.5/notice');
    await page.getByRole('button', { name: 'Record the notice' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('That address points into a private or local network');
    await hydrated(page);
    await page.getByLabel('Web address').fill('https://x.com/MPSHackney/status/1675000000000000000');
    await page.getByRole('button', { name: 'Record the notice' }).click();
    await page.getByRole('status').filter({ hasText: 'The public notice is recorded.' }).waitFor();
    const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(main).toContain('Extended by a superintendent, to Monday 3 July 2023, 12:00.');
    expect(main).toContain('Social media, Saturday 1 July 2023, 13:30: @MPSHackney on X');
    expect(main).toContain('(both included): 2.');
    const ask = page.getByRole('link', { name: 'Ask the police about this authorisation' });
    expect(new URL((await ask.getAttribute('href')) ?? '', server.url).searchParams.get('metric')).toBe('Section 60 searches under authorisation CE-2023-07-01');
    const csv = await page.request.get(`${server.url}${authorisationPath}/searches.csv`);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('2023-07-01T12:00:00Z,2023-07-01,13:00');
    await checkPage(page, 'section60-extended');
    await page.goto(`${server.url}/w/hackney/section60`);
    await expect(page.getByRole('region', { name: /Authorisations/ }).locator('tbody tr').first().textContent()).resolves.toMatch(/CE-2023-07-01.*47 hours.*Yes.*Stoke Newington.*2/);
    await page.getByRole('button', { name: 'Publish the register' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 1 of the register is published.' }).waitFor();
    await checkPage(page, 'section60-register');
    await page.goto(`${server.url}/b/hackney/section60`);
    const pub = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(pub).toContain('CE-2023-07-01');
    expect(pub).toContain('2 under section 60 in the area and time');
    expect(pub).not.toContain('Okafor');
    expect(pub).not.toContain('reprisals');
    await checkPage(page, 'section60-public');
  });

  it('the police respondent reads the register but cannot record; another address is not found', async () => {
    const page = await signedIn('police@example.org');
    await page.goto(`${server.url}/w/hackney/section60`);
    await expect(page.locator('main').textContent()).resolves.toContain('CE-2023-07-01');
    await expect(page.getByRole('button', { name: 'Record the authorisation' }).count()).resolves.toBe(0);
    await page.goto(`${server.url}${authorisationPath}`);
    await expect(page.locator('main').textContent()).resolves.toContain('Extended by a superintendent');
    await expect(page.getByText('Record an extension').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Ask the police about this authorisation' }).count()).resolves.toBe(0);
    const post = await page.request.post(`${server.url}/w/hackney/section60?/record`, { form: { reference: 'X' }, headers: { origin: server.url } });
    expect(post.status()).toBe(403);
    expect((await page.goto(`${server.url}/w/hackney/section60/99999`))?.status()).toBe(404);
    expect(problems).toEqual([]);
  });
});
