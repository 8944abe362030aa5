import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/core/access/actor.ts';
import { SignInRequired } from '../../src/core/access/require-access.ts';
import { auditLog } from '../../src/core/db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../src/core/errors.ts';
import { addNotice, boroughWards, extendAuthorisation, getAuthorisation, listAuthorisations, recordAuthorisation, type Section60Context } from '../../src/core/section60/register.ts';
import type { AuthorisationInput } from '../../src/core/section60/input.ts';
import { publishedRegister, publishRegister } from '../../src/core/section60/publish.ts';
import { databaseTargets } from '../support/databases.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { cast, openWorkspace, type TestWorkspace } from '../support/workspace.ts';
import { section60Warehouse, WARDS } from './support.ts';

let warehouse: Awaited<ReturnType<typeof section60Warehouse>>;
beforeAll(async () => {
  warehouse = await section60Warehouse();
});
afterAll(async () => warehouse?.close());

/** Dalston and Hackney Central, 21 July 2023 18:00 to 22 July 06:00 London time (BST). */
const authorisation = (over: Partial<AuthorisationInput> = {}): AuthorisationInput => ({
  reference: 'CE-2023-041',
  officer: 'Insp. 123 Smith',
  rank: 'inspector',
  startDay: '2023-07-21',
  startTime: '18:00',
  endDay: '2023-07-22',
  endTime: '06:00',
  wards: [WARDS.dalston.code, WARDS.central.code],
  groundsKind: 'violence_anticipated',
  grounds: 'Intelligence of a planned fight between two groups near Ridley Road.',
  ...over
});

describe.each(databaseTargets())('the section 60 register on $name', (target) => {
  let ws: TestWorkspace;
  let ctx: Section60Context;
  let c: Awaited<ReturnType<typeof cast>>;
  let firstId: number;
  const auditCount = async () => (await ws.db.db.select().from(auditLog)).length;
  const refused = (over: Partial<AuthorisationInput>) => recordAuthorisation(ctx, c.clerk, { panelId: c.hackney.id, ...authorisation(over) }).catch((e) => e);

  beforeAll(async () => {
    ws = await openWorkspace(target);
    c = await cast(ws);
    ws.clock = fakeClock(Date.UTC(2023, 7, 10, 9));
    ctx = { db: ws.db, clock: ws.clock, warehouse: warehouse.wh };
  });
  afterAll(async () => ws?.dispose());

  it('lets clerks and chairs record, everyone in the panel read (police included), and nobody else in', async () => {
    const before = await auditCount();
    const input = { panelId: c.hackney.id, ...authorisation() };
    await expect(recordAuthorisation(ctx, anonymous, input)).rejects.toBeInstanceOf(SignInRequired);
    await expect(recordAuthorisation(ctx, c.otherMember, input)).rejects.toBeInstanceOf(NotFound);
    await expect(recordAuthorisation(ctx, c.member, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(recordAuthorisation(ctx, c.police, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(listAuthorisations(ctx, c.otherMember, c.hackney.id)).rejects.toBeInstanceOf(NotFound);
    await expect(listAuthorisations(ctx, c.police, c.hackney.id)).resolves.toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('offers the wards of the panel borough only', async () => {
    expect(await boroughWards(ctx, c.member, c.hackney.id)).toEqual([
      { code: 'E05009370', name: 'Dalston' },
      { code: 'E05009372', name: 'Hackney Central' },
      { code: 'E05009373', name: 'Hackney Wick' },
      { code: 'E05009385', name: 'Stoke Newington' }
    ]);
  });

  it('refuses bad authorisations with clear messages, writing nothing', async () => {
    const before = await auditCount();
    expect(await refused({ endDay: '2023-07-21', endTime: '17:00' })).toMatchObject({ message: 'The end must be after the start.', details: { field: 'endDay' } });
    expect(await refused({ endDay: '2023-07-21', endTime: '18:00' })).toMatchObject({ message: 'The end must be after the start.' });
    expect((await refused({ endDay: '2023-07-23', endTime: '00:00' })).message).toBe(
      'An authorisation lasts at most 24 hours (CJPOA 1994 s60(1)); this one would last 30 hours. Record the end first authorised, then the extension, if there was one, below.'
    );
    expect(await refused({ rank: 'sergeant' })).toMatchObject({
      message: 'Only an inspector or above may authorise section 60 searches (CJPOA 1994 s60(1)): a sergeant may not.',
      details: { field: 'rank' }
    });
    expect(await refused({ wards: [] })).toMatchObject({ message: 'Choose at least one ward, or paste an area: the area the authorisation covers.', details: { field: 'wards' } });
    expect(await refused({ wards: [WARDS.dalston.code, WARDS.whitechapel.code] })).toMatchObject({ message: 'Choose wards of Hackney: E05009334 is not one.', details: { field: 'wards' } });
    expect(await refused({ wards: ['<script>'] })).toBeInstanceOf(Invalid);
    const many = await refused({ reference: ' ', rank: 'general' as never, startDay: '21/07/2023', grounds: '' });
    expect(Object.keys(many.details.fields).sort()).toEqual(['grounds', 'rank', 'reference', 'startDay']);
    expect(await auditCount()).toBe(before);
  });

  it('records an authorisation (24 hours exactly is allowed), audited, and refuses the same reference twice', async () => {
    const a = await recordAuthorisation(ctx, c.clerk, { panelId: c.hackney.id, ...authorisation() });
    firstId = a.id;
    expect(a).toMatchObject({ reference: 'CE-2023-041', rank: 'inspector', startsAt: new Date('2023-07-21T17:00:00Z'), endsAt: new Date('2023-07-22T05:00:00Z') });
    expect(a.wards).toEqual([{ code: 'E05009370', name: 'Dalston' }, { code: 'E05009372', name: 'Hackney Central' }]);
    const [entry] = await ws.db.db.select().from(auditLog).where(eq(auditLog.entityType, 'section60_authorisation'));
    expect(entry).toMatchObject({ action: 'section60.record', entityId: String(a.id), panelId: c.hackney.id });
    expect(await refused({})).toMatchObject({ message: 'The register already has an authorisation with the reference "CE-2023-041".' });
    const full = await recordAuthorisation(ctx, c.chair, { panelId: c.hackney.id, ...authorisation({ reference: 'CE-24H', endDay: '2023-07-22', endTime: '18:00' }) });
    expect(full.endsAt.getTime() - full.startsAt.getTime()).toBe(24 * 3_600_000);
  });

  it('finds the section 60 searches of its area and time, and counts those outside, by hand', async () => {
    const view = await getAuthorisation(ctx, c.police, { panelId: c.hackney.id, authorisationId: firstId });
    expect(view.data.months).toEqual([{ month: '2023-07', loaded: true }]);
    expect(view.data.searches.map((s) => s.datetime)).toEqual(['2023-07-21T17:30:00Z', '2023-07-21T20:00:00Z', '2023-07-22T04:59:00Z', '2023-07-22T05:00:00Z']);
    expect(view.data.searches[0]).toMatchObject({ ward: 'E05009370', outcome: 'no_further_action', found: false, ethnicGroup: 'black', age: '18_24', object: 'offensive_weapons' });
    const f = view.data.figures;
    expect(f.searches).toBe(4);
    expect(Object.fromEntries(f.byEthnicity.map((g) => [g.group, g.searches]))).toEqual({ asian: 0, black: 3, mixed: 0, white: 1, other: 0, unknown: 0 });
    // Every share's numerator is below 10: counts shown, shares "too few to say".
    expect(f.byEthnicity.find((g) => g.group === 'black')!.share).toMatchObject({ count: 3, known: 4, share: null, ci95: null, flags: ['suppressed', 'low_count'] });
    expect(f.noFurtherAction).toMatchObject({ count: 3, known: 4, share: null });
    expect(f.arrest).toMatchObject({ count: 1, known: 4 });
    expect(f.find).toMatchObject({ count: 1, known: 3 });
    expect(f.outside).toEqual({ total: 3, outsideArea: 1, outsideTime: 1, both: 1, days: { from: '2023-07-21', to: '2023-07-22' } });
  });

  it('refuses bad extensions: rank, more than 24 hours, not later, a second one', async () => {
    const ext = (over: object) => extendAuthorisation(ws, c.clerk, { panelId: c.hackney.id, authorisationId: firstId, rank: 'superintendent', newEndDay: '2023-07-23', newEndTime: '06:00', reason: 'Further intelligence.', ...over }).catch((e) => e);
    const before = await auditCount();
    expect(await ext({ rank: 'chief_inspector' })).toMatchObject({
      message: 'Only a superintendent or above may extend an authorisation (CJPOA 1994 s60(3)): a chief inspector may not.',
      details: { field: 'rank' }
    });
    expect((await ext({ newEndDay: '2023-07-23', newEndTime: '08:00' })).message).toBe(
      'An extension adds at most 24 hours (CJPOA 1994 s60(3)); this one adds 26 hours, so the authorisation would last 38 hours in all, more than the 48 hours the law allows.'
    );
    expect(await ext({ newEndDay: '2023-07-22', newEndTime: '06:00' })).toMatchObject({ message: 'The new end must be after the current end.' });
    expect(await ext({ reason: '' })).toMatchObject({ details: { field: 'reason' } });
    await expect(extendAuthorisation(ws, c.member, { panelId: c.hackney.id, authorisationId: firstId })).rejects.toBeInstanceOf(Forbidden);
    await expect(extendAuthorisation(ws, c.clerk, { panelId: c.hackney.id, authorisationId: 999_999, rank: 'superintendent', newEndDay: '2023-07-23', newEndTime: '06:00', reason: 'x' })).rejects.toBeInstanceOf(NotFound);
    expect(await auditCount()).toBe(before);
  });

  it('an extension moves the effective end: the searches follow it', async () => {
    const b = await recordAuthorisation(ctx, c.clerk, { panelId: c.hackney.id, ...authorisation({ reference: 'CE-2023-042', startDay: '2023-07-22', startTime: '10:00', endDay: '2023-07-22', endTime: '22:00', wards: [WARDS.dalston.code] }) });
    expect((await getAuthorisation(ctx, c.member, { panelId: c.hackney.id, authorisationId: b.id })).data.searches).toHaveLength(0);
    const e = await extendAuthorisation(ws, c.chair, { panelId: c.hackney.id, authorisationId: b.id, officer: 'Supt. Jones', rank: 'superintendent', newEndDay: '2023-07-23', newEndTime: '20:00', reason: 'A second fight was threatened.' });
    expect(e.newEndsAt).toEqual(new Date('2023-07-23T19:00:00Z'));
    const view = await getAuthorisation(ctx, c.member, { panelId: c.hackney.id, authorisationId: b.id });
    expect(view.hours).toBe(34);
    expect(view.data.searches.map((s) => s.datetime)).toEqual(['2023-07-23T12:00:00Z']);
    const again = await extendAuthorisation(ws, c.chair, { panelId: c.hackney.id, authorisationId: b.id, rank: 'commander', newEndDay: '2023-07-23', newEndTime: '21:00', reason: 'More.' }).catch((x) => x);
    expect(again.message).toBe('This authorisation has already been extended once: the law allows one extension of up to 24 hours (CJPOA 1994 s60(3)).');
    const list = await listAuthorisations(ctx, c.member, c.hackney.id);
    expect(list.map((a) => [a.reference, a.searches, a.extension !== null, a.hours])).toEqual([
      ['CE-2023-042', 1, true, 34],
      ['CE-24H', 4, false, 24],
      ['CE-2023-041', 4, false, 12]
    ]);
  });

  it('records public notices, refusing a link into a private network', async () => {
    const note = (over: object) => addNotice(ws, c.clerk, { panelId: c.hackney.id, authorisationId: firstId, medium: 'social_media', noticeDay: '2023-07-21', noticeTime: '17:45', place: 'X (Twitter), @MPSHackney', ...over });
    expect(await note({ url: 'http://192.168.1.10/notice' }).catch((e) => e)).toMatchObject({
      message: 'That address points into a private or local network; link to a public web page instead.',
      details: { field: 'url' }
    });
    expect(await note({ url: 'http://localhost:3000/x' }).catch((e) => e)).toBeInstanceOf(Invalid);
    expect(await note({ medium: 'carrier pigeon' }).catch((e) => e)).toMatchObject({ details: { field: 'medium' } });
    const n = await note({ url: 'https://x.com/MPSHackney/status/1' });
    expect(n).toMatchObject({ medium: 'social_media', noticeAt: new Date('2023-07-21T16:45:00Z'), url: 'https://x.com/MPSHackney/status/1' });
    await note({ medium: 'leaflets', place: 'Dalston Junction station', url: '' });
    const view = await getAuthorisation(ctx, c.member, { panelId: c.hackney.id, authorisationId: firstId });
    expect(view.notices.map((x) => [x.medium, x.url])).toEqual([['social_media', 'https://x.com/MPSHackney/status/1'], ['leaflets', null]]);
    await expect(addNotice(ws, c.police, { panelId: c.hackney.id, authorisationId: firstId })).rejects.toBeInstanceOf(Forbidden);
    const audited = await ws.db.db.select().from(auditLog).where(eq(auditLog.action, 'section60.record'));
    expect(audited.map((e) => e.entityType).sort()).toEqual([
      'section60_authorisation', 'section60_authorisation', 'section60_authorisation', 'section60_extension', 'section60_notice', 'section60_notice'
    ]);
  });

  it('says when the warehouse has no data for the month, and keeps another panel out', async () => {
    const aug = await recordAuthorisation(ctx, c.clerk, { panelId: c.hackney.id, ...authorisation({ reference: 'CE-AUG', startDay: '2023-08-05', endDay: '2023-08-06' }) });
    const view = await getAuthorisation(ctx, c.member, { panelId: c.hackney.id, authorisationId: aug.id });
    expect(view.data.months).toEqual([{ month: '2023-08', loaded: false }]);
    expect(view.data.searches).toEqual([]);
    expect((await listAuthorisations(ctx, c.member, c.hackney.id)).find((a) => a.id === aug.id)!.searches).toBeNull();
    await expect(getAuthorisation(ctx, c.otherMember, { panelId: c.islington.id, authorisationId: aug.id })).rejects.toBeInstanceOf(NotFound);
    await expect(getAuthorisation(ctx, c.member, { panelId: c.hackney.id, authorisationId: Number('abc') })).rejects.toBeInstanceOf(NotFound);
  });

  it('publishes versions of the register: aggregates only, no names, no grounds, no single searches', async () => {
    await expect(publishRegister(ctx, c.member, c.hackney.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(publishRegister(ctx, c.police, c.hackney.id)).rejects.toBeInstanceOf(Forbidden);
    expect((await publishedRegister(ws, anonymous, { borough: 'hackney' })).current).toBeNull();
    const v1 = await publishRegister(ctx, c.clerk, c.hackney.id);
    const v2 = await publishRegister(ctx, c.chair, c.hackney.id);
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const pub = await publishedRegister(ws, anonymous, { borough: 'hackney' });
    expect(pub.versions.map((v) => v.version)).toEqual([2, 1]);
    const first = pub.current!.register.authorisations.find((a) => a.reference === 'CE-2023-041')!;
    expect(first).toMatchObject({ rank: 'inspector', wards: ['Dalston', 'Hackney Central'], extended: false, groundsKind: 'violence_anticipated' });
    expect(first.figures).toMatchObject({ searches: 4, outside: { total: 3 } });
    expect(pub.current!.register.authorisations.find((a) => a.reference === 'CE-AUG')!.figures).toBeNull();
    const text = JSON.stringify(pub.current!.register);
    for (const secret of ['Smith', 'Ridley Road', 'metropolitan:2023-07', 'Jones']) expect(text).not.toContain(secret);
    expect((await publishedRegister(ws, anonymous, { borough: 'hackney', version: 1 })).current!.version).toBe(1);
    await expect(publishedRegister(ws, anonymous, { borough: 'hackney', version: 3 })).rejects.toBeInstanceOf(NotFound);
    const entries = await ws.db.db.select().from(auditLog).where(eq(auditLog.action, 'section60.publish'));
    expect(entries).toHaveLength(2);
  });

  it('takes a pasted polygon instead of wards, and places the searches in it by point in polygon', async () => {
    const square = { type: 'Polygon', coordinates: [[[-0.085, 51.565], [-0.075, 51.565], [-0.075, 51.575], [-0.085, 51.575], [-0.085, 51.565]]] };
    const bad = async (polygon: string) => (await refused({ reference: 'CE-POLY', wards: [], polygon })).details.fields.polygon;
    expect(await bad('not json')).toBe('The pasted area is not GeoJSON: paste a Polygon, for example from geojson.io.');
    expect(await bad(JSON.stringify({ type: 'Point', coordinates: [-0.08, 51.57] }))).toMatch(/must be one Polygon or MultiPolygon/);
    expect(await bad(JSON.stringify({ type: 'Polygon', coordinates: [[[530000, 180000], [531000, 180000], [531000, 181000], [530000, 180000]]] }))).toMatch(/longitude and latitude/);
    const feature = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square }] });
    const p = await recordAuthorisation(ctx, c.clerk, { panelId: c.hackney.id, ...authorisation({ reference: 'CE-POLY', wards: [], polygon: feature }) });
    expect(p.polygon).toEqual(square);
    const view = await getAuthorisation(ctx, c.member, { panelId: c.hackney.id, authorisationId: p.id });
    // Row 5 (Stoke Newington, 21 July 21:00 UTC) is inside the square and the time; row 6 is the next morning.
    expect(view.data.searches.map((s) => s.datetime)).toEqual(['2023-07-21T21:00:00Z']);
    expect(view.data.figures.outside).toMatchObject({ outsideArea: 4, outsideTime: 1, both: 1 });
    expect((await listAuthorisations(ctx, c.member, c.hackney.id)).find((a) => a.id === p.id)!.searches).toBe(1);
  });
});
