import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptWithNewAccount, inviteAdmin } from '../src/core/panels/invitations.ts';
import { hydrated, launchBrowser, screenshots, seriousAxeViolations } from './support/browser.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { startSmtp, type LocalSmtp } from '../tests/support/smtp-server.ts';

const password = 'correct horse battery staple';
const newPassword = 'a new and longer passphrase';

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['police@example.org', 'Inspector Pat Police', 'police']
];

/** Before the server takes the data folder: an admin, and the Hackney panel with a clerk and a police respondent. */
const seed = (dataDir: string) =>
  seedPanel(dataDir, people, password, async ({ ctx, cli }) => {
    const admin = await inviteAdmin(ctx, cli, { email: 'admin@example.org' });
    await acceptWithNewAccount(ctx, { kind: 'anonymous' }, { token: admin.token, name: 'Ada Admin', password, confirm: password });
  });

describe('notifications without SMTP: the development mail view, and a password reset through it', () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ prepare: seed, env: { SCRUTINEER_SIGN_IN_ATTEMPTS: '1000' } }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const fresh = () => freshPage(browser, problems, contexts);
  const signedIn = async (email: string, pass = password) => signIn(await fresh(), server.url, email, pass);
  const check = checkPage;

  it('the clerk edits a draft, sends it, and the admin reads the notice in the mail view; nobody else can', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney/questions`);
    await hydrated(page);
    await page.getByLabel('Title').fill('Stops in Dalston');
    await page.getByLabel('Question', { exact: true }).fill('Why did stops rise?');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(/\/w\/hackney\/questions\/\d+$/);
    const id = page.url().split('/').pop();
    await hydrated(page);
    await page.locator('#edit-title').fill('Stops in Dalston <b>in April</b>');
    await page.locator('#edit-body').fill('Why did stops rise in April, and on what grounds?');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: draft edited' }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Stops in Dalston <b>in April</b>');
    await expect(page.locator('.history').textContent()).resolves.toContain('draft edited, by clerk@example.org');
    await check(page, 'question-draft-edited');
    await page.getByLabel('Police respondent').selectOption({ label: 'Inspector Pat Police' });
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: sent' }).waitFor();
    // Sent: the draft can no longer be edited.
    expect(await page.locator('#edit-title').count()).toBe(0);
    expect((await page.goto(`${server.url}/admin/mail`))?.status()).toBe(403);

    const admin = await signedIn('admin@example.org');
    await admin.goto(`${server.url}/admin`);
    await admin.getByRole('link', { name: 'Mail' }).click();
    await admin.waitForURL(`${server.url}/admin/mail`);
    const message = admin.locator('.message').filter({ hasText: 'police@example.org' });
    await expect(message.getByRole('heading').textContent()).resolves.toBe('Question from Hackney Community Scrutiny Panel: Stops in Dalston <b>in April</b>');
    const text = await message.locator('pre').textContent();
    expect(text).toContain('Why did stops rise in April, and on what grounds?');
    expect(text).toContain(`Open it: ${server.url}/police/${id}`);
    await expect(message.textContent()).resolves.toContain('waiting');
    expect(await admin.locator('.message b').count()).toBe(0); // the title is text, not markup
    await expect(admin.locator('main').textContent()).resolves.toContain('No SMTP server is configured');
    await check(admin, 'admin-mail');

    const police = await signedIn('police@example.org');
    expect((await police.goto(`${server.url}/admin/mail`))?.status()).toBe(403);
    const anonymous = await fresh();
    await anonymous.goto(`${server.url}/admin/mail`);
    expect(new URL(anonymous.url()).pathname).toBe('/auth/sign-in');
  });

  it('a forgotten password: the request, the link from the mail view, a new password; the old session ends', async () => {
    const before = await signedIn('police@example.org');
    await before.goto(`${server.url}/police`);
    expect(new URL(before.url()).pathname).toBe('/police');

    const page = await fresh();
    await page.goto(`${server.url}/auth/sign-in`);
    await hydrated(page);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.waitForURL(`${server.url}/auth/forgotten`);
    await page.getByRole('heading', { level: 1, name: 'Forgotten your password?' }).waitFor();
    await hydrated(page);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Enter an email address');
    await page.getByLabel('Email address').fill('police@example.org');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('status').waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toContain('If there is an account for police@example.org, we have sent it an email');
    await check(page, 'password-forgotten');

    // An unknown address gets the same answer (and no mail).
    const unknown = await fresh();
    await unknown.goto(`${server.url}/auth/forgotten`);
    await hydrated(unknown);
    await unknown.getByLabel('Email address').fill('nobody@example.org');
    await unknown.getByRole('button', { name: 'Email me a link' }).click();
    await expect(unknown.getByRole('status').textContent()).resolves.toContain('If there is an account for nobody@example.org, we have sent it an email');

    const admin = await signedIn('admin@example.org');
    await admin.goto(`${server.url}/admin/mail`);
    const resets = admin.locator('.message').filter({ hasText: 'Reset your Scrutineer password' });
    expect(await resets.count()).toBe(1);
    await expect(resets.textContent()).resolves.toContain('police@example.org');
    const link = /Open it: (\S+\/auth\/reset\/\S+)/.exec((await resets.locator('pre').textContent()) ?? '')?.[1];
    expect(link).toBeTruthy();

    await page.goto(link!);
    await hydrated(page);
    await expect(page.locator('main').textContent()).resolves.toContain('For the account police@example.org');
    await page.getByLabel('New password', { exact: true }).fill('too short');
    await page.getByLabel('The new password again').fill('too short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('at least 12 characters');
    await check(page, 'password-reset-refused');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('The new password again').fill(newPassword);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL(/\/auth\/sign-in\?reset/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Your new password is saved');
    await check(page, 'password-reset-done');

    // The link is used up; the session from before the reset has ended; the new password works.
    expect((await page.goto(link!))?.status()).toBe(404);
    await before.goto(`${server.url}/police`);
    expect(new URL(before.url()).pathname).toBe('/auth/sign-in');
    const after = await signedIn('police@example.org', newPassword);
    await after.goto(`${server.url}/police`);
    await expect(after.locator('main').textContent()).resolves.toContain('Stops in Dalston');
    expect(problems).toEqual([]);
  });
});

describe('notifications with SMTP: the server sends them by itself', () => {
  let smtp: LocalSmtp;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([
      startServer({ prepare: seed, env: { SCRUTINEER_SMTP_URL: smtp.url, SCRUTINEER_MAIL_FROM: 'Hackney Scrutiny <scrutiny@example.org>', SCRUTINEER_NOTIFY_INTERVAL_SECONDS: '1' } }),
      launchBrowser()
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  const arrived = async (to: string) => {
    await expect.poll(() => smtp.received.filter((m) => m.to[0] === to).length, { timeout: 20_000 }).toBeGreaterThan(0);
    return smtp.received.filter((m) => m.to[0] === to);
  };

  it('emails an invitation (still showing the link) and a question sent, and the mail view shows them sent', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/auth/sign-in`);
    await hydrated(page);
    await page.getByLabel('Email address').fill('clerk@example.org');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/w/);
    await page.goto(`${server.url}/w/hackney`);
    await hydrated(page);
    await page.getByLabel('Email address').fill('newcomer@example.org');
    await page.getByRole('button', { name: 'Make an invitation link' }).click();
    const status = page.getByRole('status').filter({ hasText: 'It has been emailed to newcomer@example.org' });
    await status.waitFor();
    const link = (await page.locator('.link-to-copy').textContent())!.trim();
    expect(link).toMatch(/\/auth\/invitation\/[A-Za-z0-9_-]{43}$/);
    const [invitation] = await arrived('newcomer@example.org');
    expect(invitation.from).toBe('scrutiny@example.org');
    expect(invitation.subject).toBe('You are invited to Scrutineer as member of Hackney Community Scrutiny Panel');
    expect(invitation.text).toContain(`Open it: ${link}\n`);

    await page.goto(`${server.url}/w/hackney/questions`);
    await hydrated(page);
    await page.getByLabel('Title').fill('Searches at Dalston Junction');
    await page.getByLabel('Question', { exact: true }).fill('How many searches found nothing?');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(/\/w\/hackney\/questions\/\d+$/);
    const id = page.url().split('/').pop();
    await hydrated(page);
    await page.getByLabel('Police respondent').selectOption({ label: 'Inspector Pat Police' });
    await page.getByRole('button', { name: 'Send the question' }).click();
    await page.getByRole('status').filter({ hasText: 'Done: sent' }).waitFor();
    const [question] = await arrived('police@example.org');
    expect(question.subject).toBe('Question from Hackney Community Scrutiny Panel: Searches at Dalston Junction');
    expect(question.text).toContain(`Open it: ${server.url}/police/${id}\n`);

    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await admin.goto(`${server.url}/auth/sign-in`);
    await hydrated(admin);
    await admin.getByLabel('Email address').fill('admin@example.org');
    await admin.getByLabel('Password').fill(password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/w/);
    await admin.goto(`${server.url}/admin/mail`);
    const main = (await admin.locator('main').textContent())!;
    expect(main).toContain('Notifications are sent by SMTP from Hackney Scrutiny <scrutiny@example.org>');
    expect(main).not.toContain(link.split('/').pop()!); // the invitation's secret is not kept once sent
    expect(main).toContain('the link was removed once the message was sent');
    expect(await admin.locator('.message').filter({ hasText: 'police@example.org' }).textContent()).toContain('sent');
    await screenshots(admin, 'admin-mail-smtp');
    expect(await seriousAxeViolations(admin)).toEqual([]);
    expect(smtp.received).toHaveLength(2);
    expect(server.output()).not.toContain('"level":"error"');
  });
});
