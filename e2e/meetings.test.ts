import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/core/access/load-actor.ts';
import { createAction } from '../src/core/actions/actions.ts';
import { draftQuestion, sendQuestion } from '../src/core/questions/questions.ts';
import { hydrated, launchBrowser } from './support/browser.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';
const dayMs = 86_400_000;
const londonDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(ms));

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['chair@example.org', 'Chidi Chair', 'chair'],
  ['member@example.org', 'Mo Member', 'member'],
  ['youth@example.org', 'Yara Youth', 'member'],
  ['police@example.org', 'Inspector Pat Police', 'police']
];

/** The Hackney panel with its people, a question to the police sent two months ago (overdue) and an open action. */
const seed = (dataDir: string) =>
  seedPanel(dataDir, people, password, async ({ ctx, panelId, ids }) => {
    const id = async (email: string) => ids.get(email)!;
    const clerk = await loadActor(ctx.db.db, await id('clerk@example.org'));
    const then = { db: ctx.db, clock: { now: () => new Date(Date.now() - 60 * dayMs) } };
    const q = await draftQuestion(then, clerk, { panelId, title: 'Handcuffing of children', body: 'How many under-18s were handcuffed?' });
    await sendQuestion(then, clerk, { panelId, questionId: q.id, addresseeId: await id('police@example.org') });
    await createAction(ctx, clerk, { panelId, title: 'Write to the commander about the market', ownerId: await id('chair@example.org'), dueOn: londonDay(Date.now() + 10 * dayMs), rag: 'amber' });
  });

describe('meetings: from scheduling to published minutes', () => {
  let server: TestServer;
  let browser: Browser;
  let clerk: Page;
  let meetingPath = '';
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ prepare: seed }), launchBrowser()]);
    clerk = await signedIn('clerk@example.org');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, problems), server.url, email, password);

  const check = checkPage;

  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  async function schedule(page: Page, title: string, day: string, time: string, place: string) {
    await page.goto(`${server.url}/w/hackney/meetings`);
    await hydrated(page);
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Date').fill(day);
    await page.getByLabel('Time (London)').fill(time);
    await page.getByLabel('Place').fill(place);
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.waitForURL(/\/w\/hackney\/meetings\/\d+$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await hydrated(page);
  }

  it('the clerk schedules a meeting, and is told what is missing first', async () => {
    const page = clerk;
    await page.goto(`${server.url}/w/hackney`);
    await page.getByRole('link', { name: 'Meetings' }).click();
    await page.waitForURL(/\/w\/hackney\/meetings$/);
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await hydrated(page);
    await page.getByLabel('Title').fill('Panel meeting <script>window.pwned = 1</script>');
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.getByRole('alert').waitFor();
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('Enter a date, like 2025-06-30.');
    expect(alert).toContain('Say where it is held: a place, an online link, or both.');
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Panel meeting <script>window.pwned = 1</script>');
    await check(page, 'meetings-schedule-refused');
    await schedule(page, 'Panel meeting <script>window.pwned = 1</script>', londonDay(Date.now() - 7 * dayMs), '18:30', 'Hackney Town Hall, Committee Room 1');
    meetingPath = new URL(page.url()).pathname;
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('builds the agenda: matters arising appear, with a public and a confidential item', async () => {
    const page = clerk;
    await page.getByRole('button', { name: 'Fill in the matters arising' }).click();
    await status(page, 'The matters arising are up to date.');
    const main = (await page.locator('#main').textContent())!;
    expect(main).toContain('Overdue question: Handcuffing of children');
    expect(main).toMatch(/working days overdue/);
    expect(main).toContain('Open action: Write to the commander about the market');

    const add = page.locator('form[action="?/addItem"]');
    await add.getByLabel('Title').fill('Stop and search data pack');
    await add.getByLabel('Description (optional)').fill('The April figures.');
    await page.getByRole('button', { name: 'Add to the agenda' }).click();
    await status(page, 'The item is on the agenda.');
    await add.getByLabel('Title').fill('Case: a complaint about a named young person');
    await add.getByRole('checkbox', { name: /Confidential:/ }).check();
    await page.getByRole('button', { name: 'Add to the agenda' }).click();
    await status(page, 'The item is on the agenda.');
    await page.getByRole('heading', { level: 3, name: /Case: a complaint/ }).waitFor();
  });

  it('records attendance, shows the quorum, and records a declaration of interest', async () => {
    const page = clerk;
    await expect(page.locator('.quorum').textContent()).resolves.toContain('Not quorate');
    for (const name of ['Chidi Chair', 'Mo Member', 'Yara Youth', 'Clara Clerk']) await page.getByLabel(`${name}: Present`).check();
    await page.getByLabel('Inspector Pat Police: Apologies').check();
    await page.getByRole('button', { name: 'Save the attendance' }).click();
    await status(page, 'Attendance is recorded.');
    await expect(page.locator('.quorum').textContent()).resolves.toContain('Quorate: 3 of 3 voting members present; 3 needed.');
    await page.getByLabel('Agenda item').selectOption({ label: '4. Case: a complaint about a named young person' });
    await page.getByLabel('Who').selectOption({ label: 'Yara Youth' });
    await page.getByLabel('The interest').fill('Knows the family.');
    await page.getByRole('button', { name: 'Record the declaration' }).click();
    await status(page, 'The declaration is recorded.');
    await check(page, 'meeting');
  });

  it('drafts and amends the minutes, keeping every version', async () => {
    const page = clerk;
    await page.getByRole('link', { name: 'Write the minutes' }).click();
    await page.getByRole('heading', { level: 1, name: /^Minutes:/ }).waitFor();
    await hydrated(page);
    const item = (title: string) => page.locator('fieldset', { hasText: title });
    await item('Stop and search data pack').getByLabel('Public minutes').fill('The panel discussed the April figures.');
    await item('Stop and search data pack').getByLabel('Confidential minutes').fill('The inspector named the officers involved.');
    await expect(item('Case: a complaint').getByLabel('Public minutes').count()).resolves.toBe(0);
    await item('Case: a complaint').getByLabel('Confidential minutes').fill('The panel heard the details of the complaint.');
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await status(page, 'saved as a new version');
    await page.getByRole('heading', { name: /this saves version 2/ }).waitFor();
    await item('Stop and search data pack').getByLabel('Public minutes').fill('The panel discussed the April figures and will ask about the rise.');
    await page.getByLabel('What this version changes (optional)').fill('Added what the panel will ask.');
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await page.getByRole('heading', { name: /this saves version 3/ }).waitFor();
    await expect(page.locator('table').textContent()).resolves.toContain('Added what the panel will ask.');
    await expect(page.locator('#main').textContent()).resolves.toContain('No later meeting has taken place yet.');
    await check(page, 'minutes-draft');
  });

  it('approves them at the next meeting, publishes them, and the public sees the public part only', async () => {
    const page = clerk;
    await schedule(page, 'Next panel meeting', londonDay(Date.now() - dayMs), '10:00', 'Hackney Town Hall, Committee Room 2');
    await page.goto(`${server.url}${meetingPath}/minutes`);
    await hydrated(page);
    // Only a later meeting that has taken place is offered: the next one.
    await expect(page.getByLabel('Approved at').locator('option').allTextContents()).resolves.toEqual([expect.stringMatching(/^Next panel meeting, /)]);
    await page.getByRole('button', { name: 'Record the approval' }).click();
    await status(page, 'The approval is recorded.');
    await page.getByRole('button', { name: 'Publish the public part' }).click();
    await status(page, 'published');
    await check(page, 'minutes-published');
    await page.goto(`${server.url}/w/hackney/meetings`);
    await expect(page.locator('#main').textContent()).resolves.toContain('Next panel meeting');
    await check(page, 'meetings-list');

    const pub = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await pub.goto(`${server.url}/b/hackney/tracker`);
    await pub.getByRole('link', { name: 'Minutes of meetings' }).click();
    await pub.waitForURL(/\/b\/hackney\/meetings$/);
    await check(pub, 'public-minutes-list');
    await pub.getByRole('link', { name: /Panel meeting <script>/ }).click();
    await pub.waitForURL(/\/b\/hackney\/meetings\/\d+$/);
    const text = (await pub.locator('#main').textContent())!;
    expect(text).toContain('The panel discussed the April figures and will ask about the rise.');
    expect(text).toContain('Approved at Next panel meeting');
    expect(text).toContain('The panel also took 3 confidential items');
    for (const hidden of ['named young person', 'Knows the family', 'named the officers', 'details of the complaint', 'Handcuffing', 'Yara', 'Clara', 'Inspector'])
      expect(text, hidden).not.toContain(hidden);
    await check(pub, 'public-minutes');
  });

  it('works without JavaScript: a refused form says why and keeps what was typed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await clerk.context().storageState() });
    const page = await context.newPage();
    await page.goto(`${server.url}/w/hackney/meetings`);
    await page.getByLabel('Title').fill('Extra meeting');
    await page.getByLabel('Date').fill(londonDay(Date.now() + 30 * dayMs));
    await page.getByLabel('Time (London)').fill('18:00');
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Say where it is held');
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe('Extra meeting');
    await page.getByLabel('Online link (optional)').fill('https://meet.example.org/hackney-panel');
    await page.getByRole('button', { name: 'Schedule the meeting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Extra meeting' }).waitFor();
    await expect(page.locator('#main').textContent()).resolves.toContain('Online: https://meet.example.org/hackney-panel');
    await context.close();
  });

  it('a member reads the meeting but is offered nothing to change', async () => {
    const member = await signedIn('member@example.org');
    await member.goto(server.url + meetingPath);
    const text = (await member.locator('#main').textContent())!;
    expect(text).toContain('Case: a complaint about a named young person');
    expect(text).toContain('Quorate');
    expect(await member.getByRole('button').count()).toBe(1); // only "Sign out", in the header
    await check(member, 'meeting-member');
  });

  it('keeps meetings from police respondents, and another borough’s or unpublished minutes are not found', async () => {
    const police = await signedIn('police@example.org');
    expect((await police.goto(`${server.url}/w/hackney/meetings`))?.status()).toBe(403);
    expect((await police.goto(server.url + meetingPath))?.status()).toBe(403);
    const id = meetingPath.split('/').pop();
    const anon = await browser.newPage();
    expect((await anon.goto(`${server.url}/b/islington/meetings/${id}`))?.status()).toBe(404);
    expect((await anon.goto(`${server.url}/b/hackney/meetings/${Number(id) + 1}`))?.status()).toBe(404);
    expect(problems).toEqual([]);
  });
});
