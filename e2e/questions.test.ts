import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launchBrowser, screenshots, seriousAxeViolations } from './support/browser.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['police@example.org', 'Inspector <b>Pat</b> Police', 'police'],
  ['police2@example.org', 'Sergeant Other', 'police']
];

/** Before the server takes the data folder: the Hackney panel with a clerk, a chair and a police respondent. */
const seed = (dataDir: string) => seedPanel(dataDir, people, password);

describe('questions to the police: from a figure to the public tracker', () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];
  let questionPath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ prepare: seed }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, problems), server.url, email, password);

  const check = checkPage;

  it('the clerk drafts a question from a figure, is told what is missing, and sends it', async () => {
    const page = await signedIn('clerk@example.org');
    const figure = new URLSearchParams({ metric: 'Searches of Black people per 1,000, against White people', area: 'Hackney', period: 'April 2025', value: '3.4 times (95% CI 2.9 to 4.0)' });
    await page.goto(`${server.url}/w/hackney/questions?${figure}`);
    await hydrated(page);
    await expect(page.getByLabel('Figure', { exact: true }).inputValue()).resolves.toBe('Searches of Black people per 1,000, against White people');
    await page.getByLabel('Question', { exact: true }).fill('Why did the ratio rise in April, and what were the grounds recorded?');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter a short title.');
    await expect(page.getByLabel('Question', { exact: true }).inputValue()).resolves.toContain('Why did the ratio rise');
    await check(page, 'questions-draft-refused');
    await page.getByLabel('Title').fill('Disproportionality in April <script>window.pwned = 1</script>');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(/\/w\/hackney\/questions\/\d+$/);
    questionPath = new URL(page.url()).pathname;
    await hydrated(page);
    await page.getByLabel('Police respondent').selectOption({ label: 'Inspector <b>Pat</b> Police' });
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: sent' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('waiting for an answer');
    await check(page, 'question-sent');
    await page.goto(`${server.url}/w/hackney/questions`);
    await check(page, 'questions-list');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('only the addressed respondent sees it; they answer in their inbox', async () => {
    const other = await signedIn('police2@example.org');
    await other.goto(`${server.url}/police`);
    await expect(other.locator('main').textContent()).resolves.toContain('No panel has addressed a question to you.');
    const id = questionPath.split('/').pop();
    expect((await other.goto(`${server.url}/police/${id}`))?.status()).toBe(404);

    const page = await signedIn('police@example.org');
    expect((await page.goto(server.url + questionPath))?.status()).toBe(404);
    await page.goto(`${server.url}/police`);
    await check(page, 'police-inbox');
    await page.getByRole('link', { name: /Disproportionality in April/ }).click();
    await hydrated(page);
    await page.getByRole('button', { name: 'Acknowledge receipt' }).click();
    await page.getByRole('status').filter({ hasText: 'acknowledged' }).waitFor();
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter the answer.');
    await page.getByLabel('Your answer').fill('The rise follows a planned operation in Dalston. Grounds were mostly drugs.');
    await page.getByRole('button', { name: 'Send the answer' }).click();
    await page.getByRole('status').filter({ hasText: 'answered' }).waitFor();
    await check(page, 'police-answered');
  });

  it('the clerk assesses and publishes it, and the public tracker shows it', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(server.url + questionPath);
    await hydrated(page);
    await expect(page.locator('main').textContent()).resolves.toContain('answered on time');
    await page.getByLabel('partly').check();
    await page.getByLabel('Note (optional)').fill('No breakdown by age was given.');
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await page.getByRole('status').filter({ hasText: 'assessed' }).waitFor();
    await page.getByRole('button', { name: 'Publish to the tracker' }).click();
    await page.getByRole('status').filter({ hasText: 'published' }).waitFor();
    await check(page, 'question-assessed');

    const pub = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await pub.goto(`${server.url}/b/hackney/tracker`);
    const text = await pub.locator('main').textContent();
    expect(text).toContain('Disproportionality in April <script>window.pwned = 1</script>');
    expect(text).toContain('The rise follows a planned operation in Dalston.');
    expect(text).toContain('Partly satisfactory');
    expect(text).not.toContain('Inspector');
    await check(pub, 'tracker');
    expect(problems).toEqual([]);
  });
});

describe('actions', () => {
  it('the clerk records an action linked to a question, and changes its status', async () => {
    const server = await startServer({ prepare: seed });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}/auth/sign-in`);
      await hydrated(page);
      await page.getByLabel('Email address').fill('clerk@example.org');
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/w/);
      await page.goto(`${server.url}/w/hackney/actions`);
      await hydrated(page);
      await page.getByRole('button', { name: 'Record the action' }).click();
      await page.getByRole('alert').waitFor();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Say what is to be done.');
      await screenshots(page, 'actions-refused');
      await page.getByLabel('What is to be done').fill('Ask the police for the April search records');
      await page.getByLabel('Owner').selectOption({ label: 'Clara Clerk' });
      await page.getByLabel('Due date').fill('2030-01-15');
      await page.getByLabel('Amber: at risk').check();
      await page.getByRole('button', { name: 'Record the action' }).click();
      await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
      await page.getByRole('link', { name: 'Ask the police for the April search records' }).click();
      // A client-side navigation: body[data-hydrated] is already set, so wait for the new page itself.
      await page.waitForURL(/\/w\/hackney\/actions\/[^/]+$/);
      await page.getByRole('heading', { level: 1, name: 'Ask the police for the April search records' }).waitFor();
      await hydrated(page);
      // On a loaded machine a click can land while the page is still settling: make sure it took.
      const red = page.getByLabel('Red: late or blocked');
      await red.check();
      await expect.poll(() => red.isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Save the changes' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      await page.goto(`${server.url}/w/hackney/actions`);
      await expect(page.locator('table').textContent()).resolves.toContain('red');
      await screenshots(page, 'actions');
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
