import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.ts';
import { hydrated, launchBrowser, overflowsHorizontally, screenshots, seriousAxeViolations } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';
const hostileName = '<script>window.pwned = 1</script> Islington';

/** `scrutineer admin invite` on the data folder before the server takes it: the first admin's link path. */
async function firstAdminLink(dataDir: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(projectRoot(), 'bin/scrutineer.js'), 'admin', 'invite', '--email', 'admin@example.org', '--json'], {
    env: { ...process.env, SCRUTINEER_DATA_DIR: dataDir, SCRUTINEER_LOG_LEVEL: 'warn', DATABASE_URL: '' }
  });
  return new URL(JSON.parse(stdout).link).pathname;
}

describe('panel workspace: admin, invitations, sign-in, access', () => {
  let server: TestServer;
  let browser: Browser;
  let adminPath = '';
  const links: Record<string, string> = {};
  const problems: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      // Many sign-ins from one address within a minute: the limit has its own test below.
      startServer({ prepare: async (dir) => void (adminPath = await firstAdminLink(dir)), env: { SCRUTINEER_SIGN_IN_ATTEMPTS: '1000' } }),
      launchBrowser()
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh browser profile (its own cookies), reporting console errors and dialogs. */
  async function person(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return { context, page };
  }

  async function acceptInvitation(page: Page, linkPath: string, name: string): Promise<void> {
    await page.goto(server.url + linkPath);
    // Wait for the scripts, so the click below is handled by the enhanced form (typing before is kept; see the test of that).
    await hydrated(page);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Choose a password').fill(password);
    await page.getByLabel('Type the password again').fill(password);
    await page.getByRole('button', { name: 'Create my account' }).click();
  }

  /** The link an inviting form showed. */
  const shownLink = async (page: Page) => new URL((await page.locator('.link-to-copy').textContent())!).pathname;

  it('the first admin accepts the link from the command line and creates the Hackney panel', async () => {
    const { page } = await person();
    await acceptInvitation(page, adminPath, 'Ada Admin');
    await page.waitForURL(`${server.url}/admin`);
    await hydrated(page);
    await page.getByLabel('Borough').selectOption({ label: 'Hackney' });
    await page.getByRole('button', { name: 'Create the panel' }).click();
    await page.getByRole('status').filter({ hasText: 'Hackney Community Scrutiny Panel has been created' }).waitFor();
    await page.getByLabel('Borough').selectOption({ label: 'Islington' });
    await page.getByLabel('Name of the panel').fill(hostileName);
    await page.getByRole('button', { name: 'Create the panel' }).click();
    await page.getByRole('status').filter({ hasText: 'Islington has been created' }).waitFor();

    await page.getByLabel('Panel', { exact: true }).selectOption({ label: 'Hackney Community Scrutiny Panel' });
    await page.getByLabel('Role').selectOption('clerk');
    await page.locator('#email').fill('clerk@example.org');
    await page.getByRole('button', { name: 'Make an invitation link' }).first().click();
    await page.getByRole('status').filter({ hasText: 'makes them a clerk of Hackney Community Scrutiny Panel' }).waitFor();
    links.clerk = await shownLink(page);

    await page.getByLabel('Panel', { exact: true }).selectOption({ label: hostileName });
    await page.getByLabel('Role').selectOption('member');
    await page.locator('#email').fill('islington@example.org');
    await page.getByRole('button', { name: 'Make an invitation link' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Send this link to islington@example.org' }).waitFor();
    links.islington = await shownLink(page);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'admin');
    await page.context().close();
  });

  it('keeps what was typed and says what is wrong when a form is refused', async () => {
    const { page, context } = await person();
    await page.goto(`${server.url}/auth/sign-in`);
    await hydrated(page);
    await page.getByLabel('Email address').fill('admin@example.org');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('That email address and password do not match an account.');
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe('admin@example.org');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it("keeps what a person typed before the page's scripts arrived", async () => {
    const { page, context } = await person();
    // Hold the page's scripts back, as a slow phone connection would, until the fields are typed into.
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
      await arrived;
      await route.continue();
    });
    await page.goto(`${server.url}/auth/sign-in`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Email address').fill('admin@example.org');
    await page.getByLabel('Password').fill(password);
    expect(await page.locator('body[data-hydrated]').count()).toBe(0);
    release();
    await hydrated(page);
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe('admin@example.org');
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe(password);
    // The form, now run by its script, sends what was kept.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/w`);
    await context.close();
  });

  it('the clerk accepts, signs in and sees the Hackney workspace', async () => {
    const { page, context } = await person();
    await page.goto(server.url + links.clerk);
    await hydrated(page);
    await expect(page.locator('main').innerText()).resolves.toContain('clerk of Hackney Community Scrutiny Panel');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'invitation');
    await acceptInvitation(page, links.clerk, 'Clara Clerk');
    await page.waitForURL(`${server.url}/w/hackney`);
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.waitForURL(/\/auth\/sign-in/);
    await hydrated(page);

    await page.getByLabel('Email address').fill('clerk@example.org');
    await page.getByLabel('Password').fill(password);
    await screenshots(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/w/hackney`);
    await hydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Hackney Community Scrutiny Panel');
    await expect(page.locator('main').innerText()).resolves.toContain('You are a clerk of this panel.');
    await expect(page.getByRole('table').first().innerText()).resolves.toContain('Clara Clerk');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'workspace');
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await context.close();
  });

  it('shows a panel name with markup as text, and gives a member of another panel 404 for Hackney', async () => {
    const { page, context } = await person();
    await acceptInvitation(page, links.islington, 'Ivy Islington');
    await page.waitForURL(`${server.url}/w/islington`);
    await hydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toBe(hostileName);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await expect(page.title()).resolves.toBe(`${hostileName} · Scrutineer`);

    const res = await page.goto(`${server.url}/w/hackney`);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    expect(await page.locator('main').innerText()).not.toContain('Hackney Community Scrutiny Panel');
    const missing = await page.goto(`${server.url}/w/no-such-panel`);
    expect(missing?.status()).toBe(404);
    await screenshots(page, 'workspace-not-found', [1280]);
    await context.close();
    // Apart from the 404s asked for above: no script errors, no dialog from the panel's name.
    expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
  });

  // ---- The same rules over plain HTTP, as an attacker would send them.

  /** Signs in over HTTP and returns the session cookie, as a browser would keep it. */
  async function sessionCookie(email: string): Promise<string> {
    const res = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...formPost, origin: server.url },
      body: new URLSearchParams({ email, password, next: '/w' })
    });
    expect(res.status).toBe(303);
    return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }

  /** What a browser sends with a form (without JavaScript): SvelteKit then answers with HTML and redirects. */
  const formPost = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
  const send = (pathname: string, cookie: string, init: RequestInit = {}) =>
    fetch(server.url + pathname, { redirect: 'manual', ...init, headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) } });
  const post = (pathname: string, cookie: string, form: Record<string, string>, origin = server.url) =>
    send(pathname, cookie, { method: 'POST', headers: { ...formPost, origin }, body: new URLSearchParams(form) });

  it('answers each route as the access rules say, for each role', async () => {
    const who: Record<string, string> = {
      anonymous: '',
      clerk: await sessionCookie('clerk@example.org'),
      otherPanel: await sessionCookie('islington@example.org'),
      admin: await sessionCookie('admin@example.org')
    };
    const expected: Array<[string, string, Record<string, number>]> = [
      ['GET', '/w/hackney', { anonymous: 303, clerk: 200, otherPanel: 404, admin: 404 }],
      ['GET', '/w/nowhere', { anonymous: 303, clerk: 404, otherPanel: 404, admin: 404 }],
      ['GET', '/w', { anonymous: 303, clerk: 303, otherPanel: 303, admin: 200 }],
      ['GET', '/admin', { anonymous: 303, clerk: 403, otherPanel: 403, admin: 200 }],
      // 400: allowed, and the (deliberately bad) input refused. The admin may invite, but the page
      // rendered after the action is a workspace they may not see: 404.
      ['POST', '/w/hackney?/invite', { anonymous: 303, clerk: 400, otherPanel: 404, admin: 404 }],
      ['POST', '/admin?/createPanel', { anonymous: 303, clerk: 403, otherPanel: 403, admin: 400 }],
      ['GET', '/auth/sign-in', { anonymous: 200, clerk: 303, otherPanel: 303, admin: 303 }]
    ];
    const actual: typeof expected = [];
    for (const [method, pathname, byRole] of expected) {
      const statuses: Record<string, number> = {};
      for (const role of Object.keys(byRole)) {
        const form = { email: 'x', role: 'member', boroughCode: 'none' };
        statuses[role] = (await (method === 'GET' ? send(pathname, who[role]) : post(pathname, who[role], form))).status;
      }
      actual.push([method, pathname, statuses]);
    }
    expect(actual).toEqual(expected);
    const toSignIn = await send('/w/hackney', '');
    expect(toSignIn.headers.get('location')).toBe('/auth/sign-in?next=%2Fw%2Fhackney');
  });

  it('refuses a form posted from another site (CSRF), signed in or not', async () => {
    const admin = await sessionCookie('admin@example.org');
    const forged = await post('/admin?/createPanel', admin, { boroughCode: 'E09000001' }, 'https://evil.example');
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Cross-site POST form submissions are forbidden');
    const noOrigin = await send('/admin?/createPanel', admin, {
      method: 'POST',
      headers: formPost,
      body: 'boroughCode=E09000001'
    });
    expect(noOrigin.status).toBe(403);
    const signIn = await post('/auth/sign-in', '', { email: 'admin@example.org', password }, 'https://evil.example');
    expect(signIn.status).toBe(403);
    expect(signIn.headers.getSetCookie()).toEqual([]);
    // Nothing was created: the City of London is still free.
    const page = await (await send('/admin', admin)).text();
    expect(page).toContain('<option value="E09000001">City of London</option>');
  });

  it('signs people out at sign-out, and the old cookie no longer works', async () => {
    const cookie = await sessionCookie('clerk@example.org');
    expect((await send('/w/hackney', cookie)).status).toBe(200);
    expect((await post('/auth/sign-out', cookie, {})).status).toBe(303);
    expect((await send('/w/hackney', cookie)).status).toBe(303);
  });

  it('limits sign-in attempts from one address (SCRUTINEER_SIGN_IN_ATTEMPTS)', async () => {
    const limited = await startServer({ env: { SCRUTINEER_SIGN_IN_ATTEMPTS: '3' } });
    try {
      const attempt = () =>
        fetch(`${limited.url}/auth/sign-in`, {
          method: 'POST',
          headers: { ...formPost, origin: limited.url },
          body: new URLSearchParams({ email: 'someone@example.org', password: 'a guess' })
        });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
      expect(statuses).toEqual([400, 400, 400, 429]);
      expect(await (await attempt()).text()).toContain('Too many sign-in attempts from your address');
    } finally {
      await limited.stop();
    }
  });
});
