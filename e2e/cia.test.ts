import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.ts';
import { hydrated, launchBrowser } from './support/browser.ts';
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

const ciaText = [
  'Community impact assessment: Operation at Ridley Road Market, Friday 21 July 2023.',
  'Purpose: to execute warrants under the Misuse of Drugs Act 1971 at premises around the market.',
  'Community consultation: the market manager was told on the morning of the operation.',
  'Risks: tension with traders and shoppers; the Dalston incident of May 2022 is recent.',
  'Mitigations: neighbourhood officers present; no stop and search without grounds.'
].join('\n');

describe('community impact assessments: recorded, reviewed, and a question raised from the review', () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];
  let ciaPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ prepare: seed, importPaths: ['boroughs.geojson', '2023-07-metropolitan-stop-and-search.csv'].map((f) => path.join(fixtures, f)) }),
      launchBrowser()
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, problems), server.url, email, password);

  it('the clerk records a CIA by pasting its text, linked to the day of the operation', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney`);
    await page.getByRole('link', { name: 'Community impact assessments' }).click();
    await page.waitForURL(/\/cia$/);
    await hydrated(page);
    await page.getByRole('button', { name: 'Record the assessment' }).click();
    await page.getByRole('alert').waitFor();
    await hydrated(page);
    const alert = (await page.getByRole('alert').textContent()) ?? '';
    expect(alert).toContain('Enter a title.');
    expect(alert).toContain('Say whether the assessment was written before or after the operation.');
    await page.getByLabel('Title').fill('Ridley Road Market operation: community impact assessment');
    await page.getByLabel('Operation', { exact: true }).fill('Drugs warrants at Ridley Road Market, 21 July 2023');
    await page.getByLabel('Date of the document (optional)').fill('2023-07-14');
    await page.getByLabel('Before the operation').check();
    await page.getByLabel('Text of the assessment').fill(ciaText);
    await page.getByLabel('Unusual day').fill('2023-07-21');
    await checkPage(page, 'cia-list-refused');
    await page.getByRole('button', { name: 'Record the assessment' }).click();
    await page.waitForURL(/\/cia\/\d+$/);
    ciaPath = new URL(page.url()).pathname;
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ridley Road Market operation: community impact assessment');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Before the operation');
    expect(main).toContain('14 July 2023');
    expect(main).toContain('21 July 2023 in Hackney: not an unusual day in the loaded data (2 searches).');
    expect(main).toContain('the market manager was told on the morning of the operation');
    await page.goto(`${server.url}/w/hackney/cia`);
    await hydrated(page);
    await checkPage(page, 'cia-list');
  });

  it('the clerk records another as an uploaded PDF, which downloads as it was', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney/cia`);
    await hydrated(page);
    await page.getByLabel('Title').fill('Ridley Road Market operation: debrief');
    await page.getByLabel('Operation', { exact: true }).fill('Drugs warrants at Ridley Road Market, 21 July 2023');
    await page.getByLabel('After the operation').check();
    const pdf = Buffer.from('%PDF-1.4\n% the debrief, as the police sent it\n%%EOF\n');
    await page.getByLabel('Or upload it (optional)').setInputFiles({ name: 'ridley-road-debrief.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Record the assessment' }).click();
    await page.waitForURL(/\/cia\/\d+$/);
    await hydrated(page);
    const link = page.getByRole('link', { name: 'Download the uploaded copy' });
    const res = await page.request.get(server.url + (await link.getAttribute('href')));
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain('attachment; filename="ridley-road-debrief.pdf"');
    expect(Buffer.from(await res.body()).equals(pdf)).toBe(true);
  });

  it('a member scores the rubric, is told what is missing, submits, and raises a question from an item', async () => {
    const page = await signedIn('member@example.org');
    await page.goto(server.url + ciaPath);
    await hydrated(page);
    await page.getByRole('link', { name: 'Review this assessment' }).click();
    await page.waitForURL(/\/review$/);
    await hydrated(page);
    const score = (item: string, value: 0 | 1 | 2) => page.locator(`fieldset#${item}Score`).getByLabel(['0: absent or inadequate', '1: partly addressed', '2: fully addressed'][value]).check();
    await score('purpose', 2);
    await score('consultation', 0);
    await page.getByLabel('Comment on community consultation (optional)').fill('Only the market manager was told, on the morning itself: no traders, residents or the panel were consulted.');
    await page.getByRole('button', { name: 'Submit the review' }).click();
    await page.getByRole('alert').waitFor();
    await hydrated(page);
    expect(await page.getByRole('alert').textContent()).toContain('Risks to community confidence: give a score of 0, 1 or 2 before submitting.');
    await expect(page.getByLabel('Comment on community consultation (optional)').inputValue()).resolves.toContain('Only the market manager');
    await checkPage(page, 'cia-review-refused');
    await score('confidence', 1);
    await score('disproportionality', 0);
    await score('mitigations', 1);
    await score('communication', 1);
    await score('debrief', 0);
    await page.locator('fieldset#rag').getByLabel('Amber').check();
    await page.getByLabel('Summary (optional)').fill('A plain statement of purpose, but no consultation and no thought for disproportionality.');
    await page.getByRole('button', { name: 'Submit the review' }).click();
    await page.waitForURL(new RegExp(`${ciaPath}(#.*)?$`));
    await hydrated(page);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('You have submitted your review.');
    expect(main).toContain('Scores of the 1 submitted review');
    await checkPage(page, 'cia-page');

    await page.getByRole('link', { name: 'Raise a question on community consultation' }).click();
    await page.waitForURL(/\/question\?review=\d+&item=consultation$/);
    await hydrated(page);
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Ridley Road Market operation: community impact assessment: community consultation');
    await expect(page.getByLabel('Question', { exact: true }).inputValue()).resolves.toContain('Only the market manager was told');
    await page.getByLabel('Question', { exact: true }).fill(
      'About the community impact assessment for the Ridley Road Market operation of 21 July 2023: only the market manager was told, on the morning itself. Who in the community was consulted before the operation, and when?'
    );
    await checkPage(page, 'cia-question');
    await page.getByRole('button', { name: 'Save the draft question' }).click();
    await page.waitForURL(/\/questions\/\d+$/);
    const questionPath = new URL(page.url()).pathname;
    await hydrated(page);
    const origin = page.locator('main .origins');
    await expect(origin.textContent()).resolves.toContain('on “Community consultation”');
    await expect(origin.getByRole('link').getAttribute('href')).resolves.toBe(ciaPath);

    await page.goto(`${server.url}/w/hackney/questions`);
    await hydrated(page);
    const row = page.locator('tbody tr', { hasText: 'community consultation' });
    await expect(row.getByRole('link', { name: 'Ridley Road Market operation: community impact assessment', exact: true }).getAttribute('href')).resolves.toBe(ciaPath);
    await expect(row.getByRole('link').first().getAttribute('href')).resolves.toBe(questionPath);
    await expect(row.textContent()).resolves.toContain('draft');
    await checkPage(page, 'cia-question-register');

    await page.goto(server.url + ciaPath);
    await hydrated(page);
    const questions = page.locator('table', { has: page.getByRole('columnheader', { name: 'Raised on' }) });
    await expect(questions.textContent()).resolves.toContain('Community consultation');
    await expect(questions.textContent()).resolves.toContain('draft');
  });

  let publicPath = '';

  it('the clerk publishes a summary: counts and the panel\'s statement, no names or comments', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(server.url + ciaPath);
    await hydrated(page);
    await page.getByRole('button', { name: 'Publish the summary' }).click();
    await page.getByRole('alert').waitFor();
    await hydrated(page);
    expect(await page.getByRole('alert').textContent()).toContain('Enter a statement for the public.');
    await page.getByLabel("The panel's view, for the public").fill('The assessment stated its purpose and legal basis, but shows no consultation with traders or residents before the operation.');
    await page.getByRole('button', { name: 'Publish the summary' }).click();
    await page.getByRole('status').waitFor();
    await hydrated(page);
    await page.getByRole('link', { name: 'Version 1' }).click();
    await page.waitForURL(/\/b\/hackney\/cia\/\d+$/);
    publicPath = new URL(page.url()).pathname;
    await hydrated(page);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('shows no consultation with traders or residents');
    expect(main).toContain('1 question was raised from these reviews.');
    expect(main).not.toContain('Mo Member');
    expect(main).not.toContain('Only the market manager was told');
    await checkPage(page, 'cia-public');
  });

  it('a police respondent sees none of it in the workspace, but reads the published summary; another panel is not found', async () => {
    const page = await signedIn('police@example.org');
    expect((await page.goto(server.url + publicPath))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ridley Road Market operation: community impact assessment');
    expect((await page.goto(`${server.url}/w/hackney/cia`))?.status()).toBe(403);
    expect((await page.goto(server.url + ciaPath))?.status()).toBe(403);
    expect((await page.goto(`${server.url}${ciaPath}/review`))?.status()).toBe(403);
    expect((await page.goto(`${server.url}/w/islington/cia`))?.status()).toBe(404);
    expect(problems).toEqual([]);
  });
});
