import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../src/core/access/load-actor.ts';
import type { Manifest } from '../src/core/cases/bundle.ts';
import { addClaim, addPlace, addSource, createIncident, relateClaims } from '../src/core/cases/cases.ts';
import { warehouseAreaFinder } from '../src/core/cases/places.ts';
import { createFileStore } from '../src/core/files/store.ts';
import { projectRoot } from '../src/core/paths.ts';
import { photoWithExif, unzip } from '../tests/support/evidence-files.ts';
import { hydrated, launchBrowser } from './support/browser.ts';
import { checkPage, freshPage, signIn } from './support/people.ts';
import { seedPanel, type Person } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';

const password = 'correct horse battery staple';
const fixtures = path.join(projectRoot(), 'e2e', 'fixtures');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let caseId = 0;

const people: Person[] = [
  ['clerk@example.org', 'Clara Clerk', 'clerk'],
  ['member@example.org', 'Mo Member', 'member'],
  ['police@example.org', 'Pat Police', 'police']
];

/**
 * The panel and a case built from three sources with conflicting claims, as the clerk builds it in
 * e2e/cases.test.ts (there through the forms; here through the same use cases, to reach the evidence).
 */
const seed = (dataDir: string) =>
  seedPanel(dataDir, people, password, async ({ ctx, panelId, ids }) => {
    const clerk = await loadActor(ctx.db.db, ids.get('clerk@example.org')!);
    const cc = { ...ctx, files: createFileStore(ctx.filesDir), areas: warehouseAreaFinder(ctx.warehouse) };
    const inc = await createIncident(cc, clerk, { panelId, title: 'Ridley Road Market operation', startsOn: '2023-07-21', startsAt: '11:00', kinds: ['operation', 'use of force'] });
    caseId = inc.id;
    const ref = { panelId, incidentId: inc.id };
    await addPlace(cc, clerk, { ...ref, name: 'Ridley Road Market', latitude: '51.5486', longitude: '-0.0755' });
    const police = await addSource(cc, clerk, { ...ref, kind: 'police statement', title: 'Met statement', publisher: 'Metropolitan Police', text: 'Two men were arrested. No force was used during the operation.' });
    const witness = await addSource(cc, clerk, { ...ref, kind: 'witness account', title: 'Account of a stallholder', author: 'Ada Witness', text: 'Four officers held him down for several minutes.' });
    const news = await addSource(cc, clerk, { ...ref, kind: 'news article', title: 'Footage shows officer pushing man', publisher: 'Hackney Gazette', text: 'Footage shows an officer pushing a man to the ground.' });
    const noForce = await addClaim(cc, clerk, { ...ref, sourceId: police.id, claimant: 'Metropolitan Police', text: 'No force was used.', quote: 'No force was used during the operation.' });
    const heldDown = await addClaim(cc, clerk, { ...ref, sourceId: witness.id, claimant: 'A stallholder', text: 'Officers held a man down.', quote: 'held him down for several minutes' });
    const pushed = await addClaim(cc, clerk, { ...ref, sourceId: news.id, claimant: 'Hackney Gazette', text: 'An officer pushed a man to the ground.', quote: 'an officer pushing a man to the ground' });
    await relateClaims(cc, clerk, { ...ref, fromClaimId: heldDown.id, toClaimId: noForce.id, kind: 'contradicts' });
    await relateClaims(cc, clerk, { ...ref, fromClaimId: pushed.id, toClaimId: noForce.id, kind: 'contradicts' });
  });

describe('evidence: upload, redact, custody log and an export bundle whose hashes verify', () => {
  let server: TestServer;
  let browser: Browser;
  let photo: Uint8Array;
  const problems: string[] = [];
  let evidencePath = '';

  beforeAll(async () => {
    [server, browser, photo] = await Promise.all([
      startServer({ prepare: seed, importPaths: ['boroughs.geojson', 'dashboard/wards.geojson'].map((f) => path.join(fixtures, f)) }),
      launchBrowser(),
      photoWithExif()
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const signedIn = async (email: string) => signIn(await freshPage(browser, problems), server.url, email, password);
  const casePath = () => `/w/hackney/cases/${caseId}`;

  /** The bytes of the download a click starts. */
  async function download(page: Page, click: () => Promise<void>): Promise<{ bytes: Buffer; name: string }> {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    return { bytes: fs.readFileSync((await d.path())!), name: d.suggestedFilename() };
  }

  it('the clerk uploads a photo: a misnamed file is refused by its contents, the photo is hashed with its capture time and place', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(server.url + casePath());
    await hydrated(page);
    await expect(page.locator('.account-column').count()).resolves.toBe(3);
    await page.getByRole('link', { name: 'No evidence files yet' }).click();
    await page.waitForURL(/\/evidence$/);
    await hydrated(page);

    const upload = page.locator('form[action="?/upload"]');
    await upload.getByLabel('File').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') });
    await upload.getByLabel('Description (optional)').fill('Photo a stallholder took of the arrest');
    await upload.getByRole('button', { name: 'Upload the evidence' }).click();
    await page.getByRole('alert').waitFor();
    await hydrated(page);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The file is a GIF image (image/gif), judged from its contents');
    await expect(upload.getByLabel('Description (optional)').inputValue()).resolves.toBe('Photo a stallholder took of the arrest');

    await upload.getByLabel('File').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) });
    await upload.getByLabel('Kind').selectOption('photo');
    await upload.getByLabel('personal data').check();
    await upload.getByRole('button', { name: 'Upload the evidence' }).click();
    await page.getByRole('status').waitFor();
    await hydrated(page);
    await expect(page.getByRole('status').textContent()).resolves.toContain(`Evidence kept: IMG_0001.jpg, SHA-256 ${sha(photo)}.`);
    const row = ((await page.locator('tbody tr').first().textContent()) ?? '').replace(/\s+/g, ' ');
    expect(row).toContain('21 July 2023, 11:05:30 (UTC+01:00)');
    expect(row).toContain('Dalston, Hackney');
    expect(row).toContain('personal data');
    await checkPage(page, 'evidence-list');
    evidencePath = new URL((await page.getByRole('link', { name: 'Evidence 1: photo' }).getAttribute('href'))!, server.url).pathname;
  });

  it('the clerk redacts the photo and downloads the untouched original; the custody log shows each step', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(server.url + evidencePath);
    await hydrated(page);
    const facts = ((await page.locator('dl.facts').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(facts).toContain('51.5486, -0.0755: Dalston ward, Hackney');
    expect(facts).toContain(sha(photo));

    const redact = page.locator('form[action="?/redact"]');
    // With JavaScript, dragging across the original's preview adds a rectangle in pixels of the image.
    const draw = redact.locator('.draw');
    await draw.scrollIntoViewIfNeeded();
    const at = (await draw.boundingBox())!;
    await page.mouse.move(at.x + at.width * 0.25, at.y + at.height * 0.25);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width * 0.5, at.y + at.height * 0.5, { steps: 4 });
    await page.mouse.up();
    await expect(redact.getByLabel('Rectangles to black out').inputValue()).resolves.toMatch(/^(29|30), (19|20), (30|31), (20|21)$/);
    await redact.getByLabel('Rectangles to black out').fill('10, 10, 20, 20\n500, 0, 10, 10');
    await redact.getByLabel('Why').fill('The face of a bystander');
    await redact.getByRole('button', { name: 'Make the redacted copy' }).click();
    await page.getByRole('alert').waitFor();
    await hydrated(page);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Rectangle 2 ("500, 0, 10, 10") lies outside the image (120 × 80 pixels)');
    await redact.getByLabel('Rectangles to black out').fill('10, 10, 20, 20');
    await redact.getByRole('button', { name: 'Make the redacted copy' }).click();
    await page.getByRole('status').waitFor();
    await hydrated(page);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Redacted copy made (1 rectangle blacked out, metadata removed)');

    const original = await download(page, () => page.getByRole('link', { name: 'Download the original' }).click());
    expect(sha(original.bytes)).toBe(sha(photo));
    expect(original.name).toBe('IMG_0001.jpg');
    await page.reload();
    await hydrated(page);
    const log = ((await page.locator('#custody-caption').locator('xpath=..').textContent()) ?? '').replace(/\s+/g, ' ');
    for (const words of ['Uploaded', 'Viewed: the original', 'Redacted copy made: copy 1: The face of a bystander', 'Downloaded: the original']) expect(log).toContain(words);
    await checkPage(page, 'evidence-item');
  });

  it('a member sees the tags and the redacted copy, never the original', async () => {
    const page = await signedIn('member@example.org');
    await page.goto(`${server.url}${casePath()}/evidence`);
    await hydrated(page);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toContain('IMG_0001.jpg');
    await expect(page.getByRole('button', { name: 'Download the bundle' }).count()).resolves.toBe(0);
    await expect(page.locator('form[action="?/upload"]').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Evidence 1: photo' }).click();
    await page.waitForURL(/\/evidence\/\d+$/);
    await hydrated(page);
    await expect(page.getByRole('link', { name: 'Download the original' }).count()).resolves.toBe(0);
    expect(await page.content()).not.toContain('51.5486');
    const copy = await download(page, () => page.getByRole('link', { name: 'Download redacted copy 1' }).click());
    expect(sha(copy.bytes)).not.toBe(sha(photo));
    expect(copy.name).toBe('evidence-1-redacted-1.jpg');
    await expect(page.locator('#custody-caption').locator('xpath=..').textContent()).resolves.toContain('Viewed: redacted copy 1');
    await checkPage(page, 'evidence-item-member');
    const refused = await page.request.get(`${server.url}${evidencePath}/original`);
    expect(refused.status()).toBe(403);
    const exportRefused = await page.request.post(`${server.url}${casePath()}/evidence/export`, { form: { evidenceIds: '1' }, headers: { origin: server.url } });
    expect(exportRefused.status()).toBe(403);
  });

  it('the clerk exports a bundle: every hash in its manifest matches the bytes in the zip, and the export is logged', async () => {
    const page = await signedIn('clerk@example.org');
    await page.goto(`${server.url}${casePath()}/evidence`);
    await hydrated(page);
    await page.getByRole('button', { name: 'Download the bundle' }).click();
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Choose at least one');
    await hydrated(page);
    await page.getByLabel('Export evidence 1').check();
    const bundle = await download(page, () => page.getByRole('button', { name: 'Download the bundle' }).click());
    expect(bundle.name).toMatch(/^case-\d+-evidence-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = await unzip(bundle.bytes);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.case.title).toBe('Ridley Road Market operation');
    expect(manifest.files.map((f) => f.role)).toEqual(['original', 'redacted']);
    for (const f of manifest.files) expect(sha(entries.get(f.path)!)).toBe(f.sha256);
    expect(manifest.files[0].sha256).toBe(sha(photo));
    expect(entries.get('MANIFEST.txt')!.toString('utf8')).toContain(`SHA-256: ${sha(photo)}`);

    await page.goto(server.url + evidencePath);
    await hydrated(page);
    const log = (await page.locator('#custody-caption').locator('xpath=..').textContent()) ?? '';
    expect(log).toContain(`in bundle ${sha(bundle.bytes).slice(0, 12)}`);
    expect(problems).toEqual([]);
  });
});
