import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/core/access/load-actor.ts';
import { draftQuestion, sendQuestion } from '../src/core/questions/questions.ts';
import { startSmtp, type LocalSmtp } from '../tests/support/smtp-server.ts';
import { hydrated, launchBrowser, screenshots, seriousAxeViolations } from './support/browser.ts';
import { freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

/**
 * The overdue path of issue #5: questions the police have not answered in time show as overdue and
 * very overdue to the clerk, in the police inbox and on the public tracker; the server's own round
 * of notifications emails the overdue notices through a real SMTP server; a late answer is counted
 * as late.
 */
const password = 'correct horse battery staple';
const dayMs = 86_400_000;

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['police@example.org', 'Inspector Pat Police', 'police']
];

/** Hackney with a clerk and a police respondent; two questions sent 35 and 75 days ago, unanswered. */
const seed = (dataDir: string) =>
  seedPanel(dataDir, people, password, async ({ ctx, panelId, ids }) => {
    const id = async (email: string) => ids.get(email)!;
    const clerk = await loadActor(ctx.db.db, await id('clerk@example.org'));
    const police = await id('police@example.org');
    // 20 working days to answer: 35 calendar days ago is past the due date; 75 is past twice the time allowed.
    for (const [daysAgo, title] of [
      [35, 'Searches at Dalston Junction'],
      [75, 'Handcuffing of children']
    ] as const) {
      const then = { db: ctx.db, clock: { now: () => new Date(Date.now() - daysAgo * dayMs) } };
      const q = await draftQuestion(then, clerk, { panelId, title, body: `What happened? (${title})` });
      await sendQuestion(then, clerk, { panelId, questionId: q.id, addresseeId: police });
    }
  });

describe('the overdue path: late questions are shown, emailed and counted', () => {
  let server: TestServer;
  let browser: Browser;
  let smtp: LocalSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([
      startServer({ prepare: seed, env: { SCRUTINEER_SMTP_URL: smtp.url, SCRUTINEER_NOTIFY_INTERVAL_SECONDS: '1' } }),
      launchBrowser()
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, []), server.url, email, password);

  const subjectsTo = (to: string, kind: string) =>
    smtp.received
      .filter((m) => m.to.includes(to) && m.subject.startsWith(kind))
      .map((m) => m.subject)
      .sort();

  it('emails the overdue notices to the police respondent and the clerk, once each', async () => {
    const expected = ['Overdue: Handcuffing of children', 'Overdue: Searches at Dalston Junction'];
    await expect.poll(() => subjectsTo('police@example.org', 'Overdue:'), { timeout: 30_000 }).toEqual(expected);
    await expect.poll(() => subjectsTo('clerk@example.org', 'Overdue:'), { timeout: 30_000 }).toEqual(expected);
    // The questions were sent while SMTP was not yet configured: those notices go out now too.
    expect(subjectsTo('police@example.org', 'Question from')).toHaveLength(2);
    // The server sweeps every second: the notices are not sent again.
    await new Promise((r) => setTimeout(r, 3000));
    expect(subjectsTo('police@example.org', 'Overdue:')).toEqual(expected);
    const notice = smtp.received.find((m) => m.to.includes('police@example.org') && m.subject.includes('Dalston'))!;
    expect(notice.text).toContain(`${server.url}/police/`);
  });

  it('shows the clerk which questions are overdue and very overdue', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney/questions`);
    await hydrated(page);
    const rowOf = (title: string) => page.getByRole('row').filter({ hasText: title });
    await expect(rowOf('Searches at Dalston Junction').innerText()).resolves.toMatch(/\boverdue\b/);
    await expect(rowOf('Searches at Dalston Junction').innerText()).resolves.not.toMatch(/very overdue/);
    await expect(rowOf('Handcuffing of children').innerText()).resolves.toMatch(/very overdue/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'questions-overdue', [1280]);
  });

  it('counts them on the public tracker, and a late answer as late', async () => {
    const page = await (await browser.newContext()).newPage();
    const record = async () => {
      await page.goto(`${server.url}/b/hackney/tracker`);
      const rows = await page.locator('table.record tr').allInnerTexts();
      return Object.fromEntries(rows.map((r) => r.split('\t').map((c) => c.trim())));
    };
    expect(await record()).toMatchObject({ 'On time': '0', Late: '0', 'Not yet answered': '2', '… of which overdue': '2', '… of which very overdue (past twice the time allowed)': '1' });
    const nav = page.getByRole('navigation', { name: 'Public pages of Hackney Community Scrutiny Panel' });
    await expect(nav.locator('[aria-current="page"]').innerText()).resolves.toBe('You said, we did');
    expect(await nav.getByRole('link').evaluateAll((links) => links.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname]))).toEqual([
      ['Stop and search figures', '/b/hackney'],
      ['Minutes of meetings', '/b/hackney/meetings'],
      ['Incidents of community concern', '/b/hackney/cases'],
      ['Reviews of searches', '/b/hackney/reviews'],
      ['Community impact assessments', '/b/hackney/cia'],
      ['Section 60 register', '/b/hackney/section60']
    ]);

    const police = await signedIn('police@example.org');
    await police.goto(`${server.url}/police`);
    await hydrated(police);
    await expect(police.locator('main').innerText()).resolves.toMatch(/very overdue/);
    await screenshots(police, 'police-inbox-overdue', [1280]);
    await police.getByRole('link', { name: /Searches at Dalston Junction/ }).click();
    await hydrated(police);
    await police.getByLabel('Your answer').fill('Forty searches, mostly for drugs; body-worn video was on for all of them.');
    await police.getByRole('button', { name: 'Send the answer' }).click();
    await police.getByRole('status').filter({ hasText: 'answered' }).waitFor();

    expect(await record()).toMatchObject({ 'On time': '0', Late: '1', 'Not yet answered': '1', '… of which overdue': '1', '… of which very overdue (past twice the time allowed)': '1' });
    await expect.poll(() => subjectsTo('clerk@example.org', 'Answer received:'), { timeout: 30_000 }).toEqual(['Answer received: Searches at Dalston Junction']);
  });
});
