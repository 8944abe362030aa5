import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.ts';
import { hydrated, launchBrowser, screenshots } from './support/browser.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';
const fixtures = path.join(projectRoot(), 'e2e', 'fixtures');

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['member@example.org', 'Mo Member', 'member'],
  ['police@example.org', 'Pat Police', 'police']
];
const seed = (dataDir: string) => seedPanel(dataDir, people, password);

const policeText = 'Officers carried out a planned operation at Ridley Road Market to disrupt drug dealing. Two men were arrested. No force was used during the operation.';
const witnessText = 'I run a stall on Ridley Road. Four officers pinned a young man against my stall and held him down for several minutes. He was crying and asking what he had done.';
const newsText = 'Footage seen by the Gazette shows an officer pushing a man to the ground beside a fruit stall on Ridley Road, while others look on.';

describe('case files: a case from three sources with conflicting claims', () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];
  let casePath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ prepare: seed, importPaths: ['boroughs.geojson', 'dashboard/wards.geojson', '2023-07-metropolitan-stop-and-search.csv'].map((f) => path.join(fixtures, f)) }),
      launchBrowser()
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, problems), server.url, email, password);

  const check = checkPage;

  /** Submits one form of the record page (a full page load) and waits for the new page to settle. */
  async function submit(page: Page, form: Locator, button: string, expect: 'status' | 'alert' = 'status') {
    await form.getByRole('button', { name: button }).click();
    await page.getByRole(expect).first().waitFor();
    await hydrated(page);
  }

  const form = (page: Page, action: string) => page.locator(`form[action="?/${action}"]`);

  it('the clerk opens a case file and is told what is missing', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney`);
    await page.getByRole('link', { name: 'Case files' }).click();
    await page.waitForURL(/\/cases$/);
    await hydrated(page);
    await page.getByRole('button', { name: 'Open the case file' }).click();
    await page.getByRole('alert').waitFor();
    await hydrated(page);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter a title.');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Choose at least one kind of incident.');
    await page.getByLabel('Title').fill('Ridley Road Market operation <script>window.pwned = 1</script>');
    await page.getByLabel('Began on').fill('2023-07-21');
    await page.getByLabel('At (optional)').first().fill('11:00');
    await page.getByLabel('operation', { exact: true }).check();
    await page.getByLabel('use of force').check();
    await check(page, 'cases-new-refused');
    await page.getByRole('button', { name: 'Open the case file' }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    casePath = new URL(page.url()).pathname;
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ridley Road Market operation <script>window.pwned = 1</script>');
  });

  it('adds a place, three sources, conflicting claims, decisions, an event and a referral', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(server.url + casePath);
    await page.getByRole('link', { name: 'Add to this case file' }).click();
    await page.waitForURL(/\/record$/);
    await hydrated(page);

    const place = form(page, 'place');
    await place.getByLabel('Place').fill('Ridley Road Market');
    await place.getByLabel('Latitude (optional)').fill('51.5486');
    await place.getByLabel('Longitude (optional)').fill('-0.0755');
    await submit(page, place, 'Add the place');

    const addSource = async (kind: string, title: string, fields: Record<string, string>, outcome: 'status' | 'alert' = 'status') => {
      const f = form(page, 'source');
      await f.getByLabel('Kind').selectOption(kind);
      await f.getByLabel('Title').fill(title);
      for (const [label, value] of Object.entries(fields)) await f.getByLabel(label).fill(value);
      await submit(page, f, 'Add the source', outcome);
    };
    await addSource('police statement', 'Met statement on the Ridley Road operation', { 'Publisher (optional)': 'Metropolitan Police', Text: policeText, 'Published on (optional)': '2023-07-21' });
    await addSource('witness account', 'Account of a stallholder', { 'Author or witness (optional)': 'Ada Witness', Text: witnessText });
    // A link into the local network is refused, and what was typed is kept.
    await addSource('news article', 'Footage shows officer pushing man', { 'Publisher (optional)': 'Hackney Gazette', 'Web address (optional)': 'http://127.0.0.1:8080/admin', Text: newsText }, 'alert');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('private or local network');
    await expect(form(page, 'source').getByLabel('Text').inputValue()).resolves.toBe(newsText);
    await screenshots(page, 'case-source-refused');
    const news = form(page, 'source');
    await news.getByLabel('Web address (optional)').fill('https://www.hackneygazette.co.uk/news/ridley-road-footage');
    await news.getByLabel('Or upload a copy (optional, at most 10 MB)').setInputFiles({ name: 'gazette.html', mimeType: 'text/html', buffer: Buffer.from(`<!doctype html><p>${newsText}</p>`) });
    await submit(page, news, 'Add the source');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Source added: Footage shows officer pushing man.');

    const addClaim = async (source: RegExp, claimant: string, text: string, quote: string, outcome: 'status' | 'alert' = 'status') => {
      const f = form(page, 'claim');
      await f.getByLabel('Source').selectOption({ label: (await f.getByLabel('Source').locator('option').allTextContents()).find((o) => source.test(o))! });
      await f.getByLabel('Who claims it').fill(claimant);
      await f.getByLabel('The claim').fill(text);
      await f.getByLabel('Quoted words (optional)').fill(quote);
      await submit(page, f, 'Add the claim', outcome);
    };
    await addClaim(/^Met statement/, 'Metropolitan Police', 'No force was used during the operation.', 'No force was used during the operation.');
    await addClaim(/^Account of a stallholder/, 'A stallholder', 'Officers held a young man down against a stall for several minutes.', 'He was held down for hours.', 'alert');
    await expect(page.getByRole('alert').textContent()).resolves.toContain("Those words are not in the source's text");
    await form(page, 'claim').getByLabel('Quoted words (optional)').fill('held him down for several minutes');
    await submit(page, form(page, 'claim'), 'Add the claim');
    await addClaim(/^Footage shows/, 'Hackney Gazette', 'Footage shows an officer pushing a man to the ground.', 'an officer pushing a man to the ground');

    const relate = async (from: string, kind: string, to: string) => {
      const f = form(page, 'relate');
      await f.getByLabel('Claim', { exact: true }).selectOption({ label: (await f.getByLabel('Claim', { exact: true }).locator('option').allTextContents()).find((o) => o.startsWith(from))! });
      await f.getByLabel('Relation').selectOption(kind);
      await f.getByLabel('Other claim').selectOption({ label: (await f.getByLabel('Other claim').locator('option').allTextContents()).find((o) => o.startsWith(to))! });
      await submit(page, f, 'Relate the claims');
    };
    await relate('Claim 2', 'contradicts', 'Claim 1');
    await relate('Claim 3', 'contradicts', 'Claim 1');
    await relate('Claim 3', 'supports', 'Claim 2');

    const decide = form(page, 'decide');
    await decide.getByLabel('Claim').selectOption({ label: (await decide.getByLabel('Claim').locator('option').allTextContents()).find((o) => o.startsWith('Claim 1'))! });
    await decide.getByLabel('Status').selectOption('disputed');
    await decide.getByLabel('Why').fill('A stallholder and the Gazette footage both describe force being used.');
    await submit(page, decide, 'Record the decision');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Claim 1 is now disputed.');

    const event = form(page, 'event');
    await event.getByLabel('Date').fill('2023-07-21');
    await event.getByLabel('Time (optional)').fill('11:20');
    await event.getByLabel('What happened').fill('A young man is held down against a fruit stall.');
    await event.getByLabel('Account of a stallholder').check();
    await event.getByLabel('Footage shows officer pushing man').check();
    await submit(page, event, 'Add the event');

    const referral = form(page, 'referral');
    await referral.getByLabel('To').selectOption('iopc');
    await referral.getByLabel('Reference (optional)').fill('IOPC 2023/012345');
    await referral.getByLabel('Referred on').fill('2023-07-24');
    await referral.getByLabel('Handled by (optional)').selectOption('directed');
    await referral.getByLabel('Status').selectOption('under investigation');
    await submit(page, referral, 'Record the referral');
    await check(page, 'case-record');
  });

  it('shows the accounts side by side, with statuses and relations', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(server.url + casePath);
    await hydrated(page);
    const accounts = page.locator('.account-column');
    await expect(accounts.count()).resolves.toBe(3);
    await expect(accounts.nth(0).textContent()).resolves.toContain('disputed');
    await expect(accounts.nth(0).textContent()).resolves.toContain('Contradicted by claim 2');
    await expect(accounts.nth(1).textContent()).resolves.toContain('Ada Witness');
    await expect(accounts.nth(2).textContent()).resolves.toContain('Supports claim 2');
    const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(main).toContain('Dalston');
    expect(main).toContain('Hackney');
    expect(main).toContain('IOPC 2023/012345');
    // Two of the fixture's records were made at Ridley Road that morning (e2e/fixtures/README.md).
    expect(main).toContain('2 searches were recorded within 500 m of the place from 20 July 2023 to 22 July 2023');
    await expect(page.locator('#nearby-caption').textContent()).resolves.toContain('The searches near the incident');
    // Side by side on a wide screen: the three accounts share one row.
    const tops = await accounts.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await check(page, 'case');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it("a member reads the case without the witness's name, and raises a question from it", async () => {
    const page = await signedIn('member@example.org');
    await page.goto(server.url + casePath);
    await hydrated(page);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('witness identity withheld');
    expect(main).not.toContain('Ada Witness');
    expect(await page.content()).not.toContain('Ada Witness');
    await expect(page.getByRole('link', { name: 'Add to this case file' }).count()).resolves.toBe(0);
    expect((await page.goto(`${server.url}${casePath}/record`))?.status()).toBe(403);

    await page.goto(server.url + casePath);
    await page.getByRole('link', { name: 'Raise a question to the police about this incident' }).click();
    await page.waitForURL(/\/questions\?case=\d+$/);
    await hydrated(page);
    await expect(page.getByLabel('Title').inputValue()).resolves.toContain('Ridley Road Market operation');
    await expect(page.getByLabel('Question', { exact: true }).inputValue()).resolves.toContain('Ridley Road Market (Dalston ward)');
    await page.getByLabel('Question', { exact: true }).fill('About the Ridley Road operation of 21 July 2023: was any use of force recorded, and is body-worn footage kept?');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(/\/questions\/\d+$/);
    await expect(page.locator('main .origins').getByRole('link', { name: 'Ridley Road Market operation' }).getAttribute('href')).resolves.toBe(casePath);
    await page.goto(server.url + casePath);
    await expect(page.locator('#questions + ul').textContent()).resolves.toContain('Ridley Road Market operation');
  });

  it('a police respondent and another panel see nothing of it', async () => {
    const page = await signedIn('police@example.org');
    expect((await page.goto(server.url + casePath))?.status()).toBe(403);
    expect((await page.goto(`${server.url}/w/hackney/cases`))?.status()).toBe(403);
    expect((await page.goto(`${server.url}/w/islington/cases`))?.status()).toBe(404);
    expect(problems).toEqual([]);
  });
});
