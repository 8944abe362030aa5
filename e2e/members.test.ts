import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/core/access/load-actor.ts';
import { draftQuestion, sendQuestion } from '../src/core/questions/questions.ts';
import { hydrated, launchBrowser } from './support/browser.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';

/** The body of the panel page's table of members. */
const members = (page: Page) => page.locator('#members ~ .table-scroll tbody').first();
const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['member@example.org', 'Mo Member', 'member'],
  ['police@example.org', 'Pat Police', 'police'],
  ['police2@example.org', 'Pip Police', 'police']
];

/** Hackney's panel, and a question to Pat Police still waiting for an answer. */
const seed = (dataDir: string) =>
  seedPanel(dataDir, people, password, async ({ ctx, panelId, ids }) => {
    const clerk = await loadActor(ctx.db.db, ids.get('clerk@example.org')!);
    const q = await draftQuestion(ctx, clerk, { panelId, title: 'Searches at the market', body: 'How many searches were made at the market last month?' });
    await sendQuestion(ctx, clerk, { panelId, questionId: q.id, addresseeId: ids.get('police@example.org') });
  });

describe("members: a clerk changes someone's role and takes a police respondent off the panel", () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ prepare: seed }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, problems), server.url, email, password);

  it('the clerk makes a member the chair', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney`);
    await hydrated(page);
    // Not for one's own place.
    await expect(page.getByRole('link', { name: /Change role or remove Clara Clerk/ }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Change role or remove Mo Member' }).click();
    await page.waitForURL(/\/w\/hackney\/members\/\d+$/);
    await hydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Mo Member');
    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'chair' });
    await page.getByRole('button', { name: 'Change the role' }).click();
    await page.getByRole('status').waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Mo Member is now a chair of this panel.');
    await page.goto(`${server.url}/w/hackney`);
    await expect(members(page).locator('tr', { hasText: 'Mo Member' }).textContent()).resolves.toContain('chair');
  });

  it('the clerk must choose who answers the waiting question before taking the respondent off', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney`);
    await page.getByRole('link', { name: 'Change role or remove Pat Police' }).click();
    await page.waitForURL(/\/members\/\d+$/);
    await hydrated(page);
    // A police respondent stays one: no role to choose.
    await expect(page.getByRole('combobox', { name: 'Role' }).count()).resolves.toBe(0);
    await expect(page.locator('main').innerText()).resolves.toContain('Pat Police has one question waiting for an answer');
    await page.getByRole('button', { name: 'Take Pat Police off the panel' }).click();
    await page.getByRole('alert').waitFor();
    await hydrated(page);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('choose who takes it on');
    await checkPage(page, 'member-remove');
    await page.getByLabel('Who takes them on').selectOption({ label: 'Pip Police' });
    await page.getByRole('button', { name: 'Take Pat Police off the panel' }).click();
    await page.waitForURL(/\/w\/hackney\?removed/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('taken off the panel');
    await expect(members(page).textContent()).resolves.not.toContain('Pat Police');
    await checkPage(page, 'members-after-removal');
  });

  it('the one who left sees nothing of the panel; the successor has the question, with its history', async () => {
    const gone = await signedIn('police@example.org');
    expect((await gone.goto(`${server.url}/w/hackney`))?.status()).toBe(404);
    await gone.goto(`${server.url}/police`);
    await expect(gone.locator('main').innerText()).resolves.not.toContain('Searches at the market');

    const successor = await signedIn('police2@example.org');
    await successor.goto(`${server.url}/police`);
    await successor.getByRole('link', { name: 'Searches at the market' }).click();
    await successor.waitForURL(/\/police\/\d+$/);
    await expect(successor.locator('main').innerText()).resolves.toContain('passed to another police respondent, the first having left the panel');
    expect(problems).toEqual([]);
  });
});
