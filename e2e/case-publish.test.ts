import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/core/access/load-actor.ts';
import { addClaim, addSource, createIncident, relateClaims } from '../src/core/cases/cases.ts';
import { nowhere } from '../src/core/cases/places.ts';
import { createFileStore } from '../src/core/files/store.ts';
import { hydrated, launchBrowser } from './support/browser.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';
// Written for this scenario (fictional).
const policeText = 'Officers searched stalls at Ridley Road Market on Friday.\nEight people were charged with drug offences, the Metropolitan Police said.\nNo force was used during the operation.';
const witnessText = 'My name is Ada Witness. I saw four officers hold a young man against my stall for several minutes.';
let caseId = 0;

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['member@example.org', 'Mo Member', 'member']
];

const seed = (dataDir: string) =>
  seedPanel(dataDir, people, password, async ({ ctx, panelId, ids }) => {
    const clerk = await loadActor(ctx.db.db, ids.get('clerk@example.org')!);
    const cctx = { ...ctx, files: createFileStore(ctx.filesDir), areas: async () => nowhere };
    const inc = await createIncident(cctx, clerk, { panelId, title: 'Ridley Road Market operation', summary: 'Internal notes: Sergeant Kell Brandt led the team.', startsOn: '2023-07-21', kinds: ['operation'] });
    const ref = { panelId, incidentId: inc.id };
    caseId = inc.id;
    const police = await addSource(cctx, clerk, { ...ref, kind: 'police statement', title: 'Met statement', publisher: 'Metropolitan Police', publishedOn: '2023-07-24', text: policeText });
    const witness = await addSource(cctx, clerk, { ...ref, kind: 'witness account', title: 'Account of a stallholder', author: 'Ada Witness', text: witnessText });
    const noForce = await addClaim(cctx, clerk, { ...ref, sourceId: police.id, claimant: 'Metropolitan Police', text: 'No force was used.', quote: 'No force was used during the operation.' });
    const held = await addClaim(cctx, clerk, { ...ref, sourceId: witness.id, claimant: 'Ada Witness', text: 'Four officers held a young man against a stall; Kell Brandt watched.', quote: 'I saw four officers hold a young man against my stall for several minutes.' });
    await relateClaims(cctx, clerk, { ...ref, fromClaimId: held.id, toClaimId: noForce.id, kind: 'contradicts' });
  });

describe('case files: saving suggestions and publishing a redacted summary', () => {
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
  const casePath = () => `/w/hackney/cases/${caseId}`;

  async function click(page: Page, button: string, role: 'status' | 'alert' | 'region' = 'status') {
    await page.getByRole('button', { name: button }).click();
    if (role !== 'region') await page.getByRole(role).first().waitFor();
    await page.waitForLoadState('load');
    await hydrated(page);
  }

  it('the clerk extracts from a source of the case and saves what is kept into it', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(server.url + casePath());
    await hydrated(page);
    await page.getByRole('link', { name: 'Extract from this source' }).first().click();
    await page.waitForURL(/\/extract\?case=\d+&source=\d+$/);
    await hydrated(page);
    await expect(page.getByLabel('Text of the source').inputValue()).resolves.toContain('Eight people were charged');
    await page.getByRole('button', { name: 'Suggest' }).click();
    await page.locator('#marked').waitFor();
    await hydrated(page);
    await page.getByRole('button', { name: 'Review the suggestions' }).click();
    await page.locator('#save-title').waitFor();
    await hydrated(page);
    await expect(page.getByLabel('Case', { exact: true }).inputValue()).resolves.toBe(String(caseId));
    await page.getByLabel('Latitude (optional)').fill('51.5477');
    await page.getByLabel('Longitude (optional)').fill('-0.074');
    await checkPage(page, 'extract-save');
    await page.getByRole('button', { name: 'Save into the case' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved into the case' }).waitFor();
    const saved = (await page.getByRole('status').filter({ hasText: 'Saved into the case' }).textContent()) ?? '';
    expect(saved.replace(/\s+/g, ' ')).toContain('1 timeline event, 1 place and 1 arrest, charge or conviction');
    await page.getByRole('link', { name: 'Open the case' }).click();
    await page.waitForURL(new RegExp(`${casePath()}$`));
    const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(main).toContain('Eight people were charged with drug offences, the Metropolitan Police said.');
    expect(main).toContain('Ridley Road Market');
    expect(main).toContain('51.5477, -0.074');
    // "Friday" in a statement published on Monday 24 July 2023 is the 21st; the event keeps its sentence.
    expect(main).toMatch(/21 July 2023\s*Officers searched stalls at Ridley Road Market on Friday\./);
  });

  it('the clerk previews and publishes version 1; a member cannot publish', async () => {
    const member = await signedIn('member@example.org');
    const refused = await member.goto(`${server.url}${casePath()}/publish`);
    expect(refused?.status()).toBe(403);

    const page = await signedIn('clerk@example.org');
    await page.goto(server.url + casePath());
    await hydrated(page);
    await page.getByRole('link', { name: 'Publish a public summary' }).click();
    await page.waitForURL(/\/publish$/);
    await hydrated(page);
    await page.getByLabel('Public summary').fill('A planned operation at Ridley Road Market, led by Kell Brandt. Accounts differ about force. <script>window.pwned = 1</script>');
    await page.getByLabel('Names and words to redact').fill('Kell Brandt');
    // A witness account ticked without its public text is refused, with what was chosen kept.
    await page.getByLabel(/Account of a stallholder \(witness account/).check();
    await click(page, 'Preview', 'alert');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Write the public text of the witness account');
    await expect(page.getByLabel('Names and words to redact').inputValue()).resolves.toBe('Kell Brandt');
    await page.getByLabel('Public text of “Account of a stallholder”').fill('A stallholder saw officers hold a young man against a stall.');
    await click(page, 'Preview', 'region');
    await page.locator('#preview-title').waitFor();
    const preview = ((await page.locator('.preview').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(preview).toContain('led by [redacted]');
    expect(preview).toContain('A witness:');
    expect(preview).not.toContain('Ada Witness');
    expect(preview).not.toContain('Brandt');
    await checkPage(page, 'case-publish-preview');
    await click(page, 'Publish as version 1');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Version 1 is public');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('the public reads it without JavaScript: version 1, escaped, redacted', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/b/hackney/meetings`);
    await page.getByRole('link', { name: 'Incidents of community concern' }).click();
    await page.waitForURL(/\/b\/hackney\/cases$/);
    await page.getByRole('link', { name: 'Ridley Road Market operation' }).click();
    await page.waitForURL(/\/b\/hackney\/cases\/\d+$/);
    const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(main).toMatch(/Version 1, published \d+ \w+ \d{4}/);
    expect(main).toContain('<script>window.pwned = 1</script>');
    expect(main).toContain('A stallholder saw officers hold a young man against a stall.');
    expect(main).toContain('Contradicts claim');
    for (const secret of ['Ada Witness', 'Brandt', 'Internal notes', witnessText]) expect(main).not.toContain(secret);
    await context.close();
  });

  it('a change becomes version 2; version 1 stays readable', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}${casePath()}/publish`);
    await hydrated(page);
    // The form starts from what was published last.
    await expect(page.getByLabel('Names and words to redact').inputValue()).resolves.toBe('Kell Brandt');
    await page.getByLabel('Public summary').fill('Updated: a planned operation at Ridley Road Market. Eight people were charged.');
    await click(page, 'Publish as version 2');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Version 2 is public');

    const pub = await freshPage(browser, problems);
    await pub.goto(`${server.url}/b/hackney/cases/${caseId}`);
    await hydrated(pub);
    const main = ((await pub.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(main).toContain('Version 2, published');
    expect(main).toContain('Updated: a planned operation');
    await checkPage(pub, 'case-public');
    await pub.getByRole('link', { name: /^Version 1, published/ }).click();
    await pub.waitForURL(/\?version=1$/);
    await hydrated(pub);
    const first = ((await pub.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(first).toContain('This is an earlier version.');
    expect(first).toContain('led by [redacted]');
    await checkPage(pub, 'case-public-v1');
    await pub.goto(`${server.url}/b/hackney/cases`);
    await hydrated(pub);
    await checkPage(pub, 'case-public-list');
    expect(problems).toEqual([]);
  });
});
