import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPanel } from '../src/core/panels/panels.ts';
import { hydrated, launchBrowser, screenshotDir } from './support/browser.ts';
import { smallDataSet } from './support/fixtures.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { poppler } from './support/poppler.ts';
import { addPeople, seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['ada@example.org', 'Ada <i>Reviewer</i>', 'member'],
  ['ben@example.org', 'Ben Reviewer', 'member'],
  ['police@example.org', 'Inspector Pat Police', 'police']
];

/**
 * The Hackney panel with a clerk, two members who review, and a police respondent. July 2023 has six
 * Hackney records. Islington's panel has a member, who sees nothing of Hackney's samples.
 */
const seed = (dataDir: string) =>
  seedPanel(dataDir, people, password, async ({ ctx, cli }) => {
    const islington = await createPanel(ctx, cli, { boroughCode: 'E09000019' });
    await addPeople(ctx, cli, islington.id, [['isla@example.org', 'Isla Islington', 'member']], password);
  });

/** Each reviewer's answers for the four encounters: grounds, then the overall score. */
const scores = {
  'ada@example.org': [['yes', 'green'], ['no', 'amber'], ['yes', 'green'], ['no', 'red']],
  'ben@example.org': [['yes', 'green'], ['no', 'red'], ['yes', 'green'], ['yes', 'red']]
} as const;

describe('reviews of sampled encounters: draw, score, agree, publish', () => {
  let server: TestServer;
  let browser: Browser;
  const problems: string[] = [];
  let samplePath = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ importPaths: smallDataSet, prepare: seed }), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, problems), server.url, email, password);

  const check = checkPage;

  it('the clerk draws a sample, is told when it is too large, assigns two reviewers and sends it to the police', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}/w/hackney/reviews`);
    await hydrated(page);
    await page.getByLabel('Month').fill('2023-07');
    await page.getByLabel('Size').fill('9');
    await page.getByLabel('Seed (optional)').fill('2023');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Hackney has 6 records in July 2023: a sample of 9 is larger than that.');
    await expect(page.getByLabel('Seed (optional)').inputValue()).resolves.toBe('2023');
    await check(page, 'reviews-draw-refused');
    await page.getByLabel('Size').fill('4');
    await page.getByRole('button', { name: 'Draw the sample' }).click();
    await page.waitForURL(/\/w\/hackney\/reviews\/\d+$/);
    samplePath = new URL(page.url()).pathname;
    await hydrated(page);
    await expect(page.locator('main').textContent()).resolves.toContain('4 of 6 searches, drawn at random with seed 2023');
    await page.getByLabel('Ada <i>Reviewer</i>').check();
    await page.getByLabel('Ben Reviewer').check();
    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByRole('status').filter({ hasText: '2 reviewers assigned' }).waitFor();
    await hydrated(page);
    await page.getByLabel('Police respondent').selectOption({ label: 'Inspector Pat Police' });
    await page.getByRole('button', { name: 'Send the references' }).click();
    await page.getByRole('status').filter({ hasText: 'Sent' }).waitFor();
    await check(page, 'reviews-sample');
    const csv = await page.request.get(`${server.url}${samplePath}/references.csv`);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toContain('reference,record_id,datetime_utc,london_date,london_time,latitude,longitude,street,legislation,object_of_search,outcome');
    expect(lines).toHaveLength(5);
    await page.goto(`${server.url}${samplePath}/print`);
    await check(page, 'reviews-print');
  });

  it('the clerk downloads the references as a PDF printed on the server; another panel gets 404', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}${samplePath}/print`);
    const first = page.locator('tbody tr').first().locator('td');
    const [date, time] = [(await first.nth(0).textContent())?.trim() ?? '', (await first.nth(1).textContent())?.trim() ?? ''];
    expect(date).toMatch(/2023/);
    await page.goto(server.url + samplePath);
    const download = await page.request.get(server.url + (await page.getByRole('link', { name: 'Download as PDF' }).getAttribute('href')));
    expect(download.status(), server.output()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    const sampleId = samplePath.split('/').pop();
    expect(download.headers()['content-disposition']).toBe(`attachment; filename="sample-${sampleId}-references.pdf"`);
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, 'reviews-references.pdf');
    fs.writeFileSync(file, await download.body());
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = poppler('pdftotext', ['-layout', file, '-']);
    expect(text.replace(/\s+/g, ' ')).toContain('Encounters for review: Hackney, July 2023');
    expect(text).toMatch(new RegExp(`^\\s*1\\s+${date}\\s+${time}\\s`, 'm')); // the first row: number, date, time
    expect(text).toContain('Page 1 of');
    expect(text).toContain('Hackney Community Scrutiny Panel · Sample of July 2023 · references');
    expect(text).not.toContain("Use your browser's Print");
    for (const old of fs.readdirSync(screenshotDir).filter((f) => f.startsWith('reviews-references-page'))) fs.rmSync(path.join(screenshotDir, old));
    poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(screenshotDir, 'reviews-references-page')]);

    const outsider = await signedIn('isla@example.org');
    expect((await outsider.request.get(`${server.url}${samplePath}/references.pdf`)).status()).toBe(404);
    expect((await outsider.request.get(`${server.url}${samplePath}/print`)).status()).toBe(404);
    // Only a plain number names a sample: "1e0" or "0x1" is not sample 1.
    const id = samplePath.split('/').at(-1)!;
    for (const odd of [`${id}e0`, `0x${Number(id).toString(16)}`, ` ${id}`]) expect((await page.request.get(`${server.url}/w/hackney/reviews/${encodeURIComponent(odd)}/print`)).status()).toBe(404);
  });

  it('two reviewers score every encounter; a missing answer is refused and what was typed kept', async () => {
    for (const [email, answers] of Object.entries(scores)) {
      const page = await signedIn(email);
      for (let i = 0; i < answers.length; i++) {
        await page.goto(server.url + samplePath);
        await hydrated(page);
        await page.getByRole('link', { name: `Review encounter ${i + 1}`, exact: true }).click();
        await page.waitForURL(/\/reviews\/\d+\/\d+$/);
        await hydrated(page);
        const [grounds, rag] = answers[i];
        const form = page.locator('form');
        await form.locator(`input[name="grounds"][value="${grounds}"]`).check();
        for (const item of ['object', 'warrantCard', 'identity', 'station', 'entitlement', 'legalPower', 'detained'])
          await form.locator(`input[name="${item}"][value="${item === 'warrantCard' ? 'not_applicable' : 'yes'}"]`).check();
        await form.locator('input[name="groundsQuality"][value="adequate"]').check();
        await form.locator('input[name="conduct"][value="good"]').check();
        await form.locator('input[name="forceUsed"][value="none"]').check();
        await page.getByLabel('Comments (optional)').fill(`Seen by ${email} <script>window.pwned = 1</script>`);
        await page.getByLabel(/I viewed the footage on police premises/).check();
        if (i === 0 && email.startsWith('ada')) {
          await page.getByRole('button', { name: 'Submit the review' }).click();
          await page.getByRole('alert').waitFor();
          await expect(page.getByRole('alert').textContent()).resolves.toContain('Choose red, amber or green.');
          await expect(page.getByLabel('Comments (optional)').inputValue()).resolves.toContain('Seen by ada@example.org');
          await check(page, 'review-form-refused');
          await hydrated(page);
        }
        await form.locator(`input[name="rag"][value="${rag}"]`).check();
        await page.getByRole('button', { name: 'Submit the review' }).click();
        await page.waitForURL(/\/reviews\/\d+\?submitted=/);
      }
      await hydrated(page);
      await expect(page.locator('main').textContent()).resolves.toContain('Submitted');
      if (email.startsWith('ben')) await check(page, 'reviews-sample-reviewer');
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    }
  });

  it('the results page shows the shares and the agreement; the clerk publishes an anonymised summary', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}${samplePath}/results`);
    await hydrated(page);
    const main = (await page.locator('main').textContent()) ?? '';
    // Grounds: ada yes, no, yes, no; ben yes, no, yes, yes: po = 3/4, pe = (2·3 + 2·1)/16 = 0.5, kappa 0.5.
    const groundsRow = page.getByRole('table', { name: 'Kappa per item' }).getByRole('row', { name: /Grounds for the search given/ });
    await expect(groundsRow.textContent()).resolves.toMatch(/0\.50.*moderate.*Cohen's.*4/);
    expect(main).toContain('4 of 4 sampled encounters reviewed (8 submitted reviews by 2 reviewers');
    await check(page, 'reviews-results');
    await page.getByRole('button', { name: 'Publish the summary' }).click();
    await page.getByRole('status').filter({ hasText: 'Published as version 1' }).waitFor();
    await page.getByRole('link', { name: 'the public summary' }).click();
    await page.waitForURL(/\/b\/hackney\/reviews\/\d+$/);
    const published = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['Reviewer', 'example.org', 'metropolitan:', 'Seen by', 'seed']) expect(published).not.toContain(secret);
    expect(published).toContain('too few to say');
    await check(page, 'reviews-public');
    await page.goto(`${server.url}/b/hackney/reviews`);
    await check(page, 'reviews-public-list');
  });

  it('the police respondent sees the sample sent to them and responds; another member cannot see results they may not', async () => {
    const page = await signedIn('police@example.org');
    await page.goto(`${server.url}/w/hackney/reviews`);
    await hydrated(page);
    await page.getByRole('link', { name: /2023-07/ }).click();
    await page.waitForURL(/\/w\/hackney\/reviews\/\d+$/);
    await hydrated(page);
    await page.getByLabel(/Response on encounter 2/).fill('The officer has been spoken to about explaining the grounds.');
    await page.getByRole('button', { name: 'Save the response on encounter 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Response recorded' }).waitFor();
    await check(page, 'reviews-police');
    const pdf = await page.request.get(`${server.url}${samplePath}/references.pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await page.goto(`${server.url}${samplePath}/results`))?.status()).toBe(403);
    expect(problems).toEqual([]);
  });
});
