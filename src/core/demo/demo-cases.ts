import type { Actor } from '../access/actor.ts';
import { addClaim, addEvent, addJusticeOutcome, addPlace, addReferral, addSource, createIncident, decideClaim, relateClaims, type CaseContext } from '../cases/cases.ts';
import { publishCase } from '../cases/publish.ts';
import { DomainError } from '../errors.ts';
import { findUnusualDays } from '../figures/unusual.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** Hackney, where the demonstration incident took place, and its day. */
const HACKNEY = 'E09000012';
const DAY = '2023-07-21';

/**
 * What the demonstration case says about the police data: the unusual day it overlaps when the
 * warehouse has Hackney's records for July 2023, or that the data is not loaded.
 */
export type DataLink =
  | { loaded: true; unusual: { date: string; area: string; level: string; count: number; baseline: number; ratio: number | null } | null; records: number }
  | { loaded: false; reason: string };

/** Looks up Hackney's unusual days around 21 July 2023 in the warehouse, if its data is loaded. */
export async function ridleyRoadDataLink(wh: Warehouse | null | undefined): Promise<DataLink> {
  if (!wh) return { loaded: false, reason: 'No warehouse is open.' };
  try {
    const [row] = await wh.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM stop_search WHERE borough = $b AND local_date BETWEEN DATE '2023-07-01' AND DATE '2023-07-31'`, { b: HACKNEY });
    const records = Number(row?.n ?? 0);
    if (records === 0) return { loaded: false, reason: 'No stop-and-search records for Hackney in July 2023 are loaded.' };
    const { days } = await findUnusualDays(wh, { area: HACKNEY, from: DAY, to: DAY });
    // The borough's own figure first; else the busiest ward's.
    const day = days.find((d) => d.date === DAY && d.area.level === 'borough') ?? days.find((d) => d.date === DAY) ?? null;
    return { loaded: true, records, unusual: day && { date: day.date, area: day.area.name, level: day.area.level, count: day.count, baseline: day.baseline, ratio: day.ratio } };
  } catch (err) {
    if (err instanceof DomainError) return { loaded: false, reason: err.message };
    throw err;
  }
}

/** The link in words, as the case's summary and the demo's output give it. */
export function dataLinkWords(link: DataLink): string {
  if (!link.loaded) return 'The police data for Hackney in July 2023 is not loaded in this installation; once it is, the case page shows the stop-and-search records near the market and the unusual days the operation overlaps.';
  if (!link.unusual) return `The police data for Hackney in July 2023 is loaded (${link.records.toLocaleString('en-GB')} records); 21 July 2023 is not an unusual day in it.`;
  const u = link.unusual;
  const about = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return `In the police data, 21 July 2023 is an unusual day in ${u.area}${u.level === 'ward' ? ' ward' : ''}: ${u.count} searches against about ${about(u.baseline)} on a usual day${u.ratio ? ` (${about(u.ratio)} times)` : ''}.`;
}

// The sources below are written for the demonstration in the project's own words. The incident is
// modelled on a real operation at Ridley Road Market on 21 July 2023, but every statement, article,
// letter, witness and name here is fictional, and each is marked so.

const policeText = `DEMONSTRATION MATERIAL (fictional police statement).
Officers from the Central East area carried out a planned operation at Ridley Road Market in Dalston on Friday morning. The operation targeted the sale of counterfeit goods and drugs after concerns raised by traders.
About 30 officers took part. The operation was carried out with the support of the council's trading standards team.
Seven people were arrested on suspicion of drugs and counterfeiting offences.
"The market is at the heart of this community and we acted on what traders told us," said Chief Inspector Dana Whitlow (fictional).
Officers did not use force during the operation.`;

const newsText = `DEMONSTRATION MATERIAL (fictional article, Dalston Dispatch, an invented newspaper).
Stallholders at Ridley Road Market say they were given no warning before police arrived in large numbers on Friday.
Around 60 officers, some with dogs, closed the market's station end near Dalston Kingsland station shortly after 7am, traders said.
"It felt like a raid on the whole market, not on a few people," said Ama Boateng (fictional), who has sold fabric on the market for twenty years.
Footage shared online appears to show an officer pushing a trader against a shutter. The police say seven people were arrested.`;

const witnessText = `DEMONSTRATION MATERIAL (fictional witness account, given to the panel).
I was buying fruit at about half past nine when officers surrounded the stalls at the station end. A young man was pushed against a shutter and held there for several minutes. He was not told why. Nobody I spoke to knew the operation was planned.`;

const councilText = `DEMONSTRATION MATERIAL (fictional letter from the council's markets service to the panel).
Thank you for your letter about the operation at Ridley Road Market on 21 July 2023. Trading standards officers were not part of the operation and were told of it on the morning. Markets staff were asked to keep the market open.`;

export interface DemoCase {
  incidentId: number;
  publishedVersion: number;
  link: DataLink;
}

/**
 * The demonstration case file: the Ridley Road Market operation of 21 July 2023, with four
 * fictional sources whose claims conflict, a timeline, two places with coordinates, an arrest count,
 * a referral to professional standards, and a published summary. It says how it links to the
 * police data: the unusual day, when Hackney's July 2023 records are loaded.
 */
export async function demoCase(ctx: CaseContext & { warehouse?: Warehouse | null }, people: { clerk: Actor; chair: Actor }, panelId: number): Promise<DemoCase> {
  const { clerk, chair } = people;
  const link = await ridleyRoadDataLink(ctx.warehouse);
  const incident = await createIncident(ctx, clerk, {
    panelId,
    title: '[Demo] Ridley Road Market operation',
    summary: `A planned police operation at Ridley Road Market, Dalston, on the morning of 21 July 2023. The police, traders, a witness and the council give different accounts of how many officers took part, whether the council was involved and whether force was used. (Demonstration case: every source is fictional.)\n\n${dataLinkWords(link)}`,
    startsOn: DAY,
    startsAt: '07:00',
    endsOn: DAY,
    endsAt: '12:00',
    kinds: ['operation', 'use of force', 'arrest']
  });
  const ref = { panelId, incidentId: incident.id };
  await addPlace(ctx, clerk, { ...ref, name: 'Ridley Road Market', latitude: '51.5477', longitude: '-0.0740' });
  await addPlace(ctx, clerk, { ...ref, name: 'Dalston Kingsland station', latitude: '51.5481', longitude: '-0.0757' });

  const police = await addSource(ctx, clerk, { ...ref, kind: 'police statement', title: '[Demo] Statement on the Ridley Road Market operation', publisher: 'Metropolitan Police (fictional statement)', author: 'Press office (fictional)', publishedOn: DAY, text: policeText });
  const news = await addSource(ctx, clerk, { ...ref, kind: 'news article', title: '[Demo] Traders say market operation came without warning', publisher: 'Dalston Dispatch (invented newspaper)', author: 'Demo Reporter (fictional)', publishedOn: '2023-07-22', text: newsText });
  const witness = await addSource(ctx, clerk, { ...ref, kind: 'witness account', title: '[Demo] Account of a shopper', author: 'Demo Witness (fictional)', publishedOn: '2023-07-23', text: witnessText });
  const council = await addSource(ctx, clerk, { ...ref, kind: 'official letter', title: '[Demo] Letter from the markets service', publisher: 'Hackney Council markets service (fictional letter)', publishedOn: '2023-07-26', text: councilText });

  const claim = (sourceId: number, claimant: string, text: string, quote: string) => addClaim(ctx, clerk, { ...ref, sourceId, claimant, text, quote });
  const officers30 = await claim(police.id, 'Metropolitan Police', 'About 30 officers took part.', 'About 30 officers took part.');
  const withCouncil = await claim(police.id, 'Metropolitan Police', "The council's trading standards team supported the operation.", "The operation was carried out with the support of the council's trading standards team.");
  const arrests = await claim(police.id, 'Metropolitan Police', 'Seven people were arrested.', 'Seven people were arrested on suspicion of drugs and counterfeiting offences.');
  const noForce = await claim(police.id, 'Metropolitan Police', 'No force was used.', 'Officers did not use force during the operation.');
  const officers60 = await claim(news.id, 'Traders (Dalston Dispatch)', 'Around 60 officers, some with dogs, took part.', 'Around 60 officers, some with dogs, closed the market');
  const pushed = await claim(news.id, 'Dalston Dispatch', 'Footage appears to show an officer pushing a trader against a shutter.', 'Footage shared online appears to show an officer pushing a trader against a shutter.');
  const held = await claim(witness.id, 'Demo Witness (fictional)', 'A young man was pushed against a shutter and held there for several minutes.', 'A young man was pushed against a shutter and held there for several minutes.');
  const notPart = await claim(council.id, 'Hackney Council markets service', 'Trading standards officers were not part of the operation.', 'Trading standards officers were not part of the operation and were told of it on the morning.');
  const newsArrests = await claim(news.id, 'Dalston Dispatch', 'The police say seven people were arrested.', 'The police say seven people were arrested.');

  const relate = (from: number, to: number, kind: 'supports' | 'contradicts') => relateClaims(ctx, clerk, { ...ref, fromClaimId: from, toClaimId: to, kind });
  await relate(officers60.id, officers30.id, 'contradicts');
  await relate(notPart.id, withCouncil.id, 'contradicts');
  await relate(held.id, noForce.id, 'contradicts');
  await relate(pushed.id, noForce.id, 'contradicts');
  await relate(held.id, pushed.id, 'supports');
  await relate(newsArrests.id, arrests.id, 'supports');
  const decide = (claimId: number, status: 'supported' | 'disputed' | 'established', reason: string) => decideClaim(ctx, chair, { ...ref, claimId, status, reason });
  await decide(withCouncil.id, 'disputed', 'The council writes that its trading standards officers were not part of the operation. (Demonstration.)');
  await decide(noForce.id, 'disputed', 'A witness and footage described in the press say an officer pushed a man against a shutter. (Demonstration.)');
  await decide(officers30.id, 'disputed', 'Traders put the number at about 60; the panel has asked the police for the deployment figure. (Demonstration.)');
  await decide(arrests.id, 'supported', 'Reported the same by the press; the police have not yet said how many were charged. (Demonstration.)');
  await decide(notPart.id, 'established', 'An official letter to the panel. (Demonstration.)');

  const event = (occurredAt: string, description: string, sourceIds: number[]) => addEvent(ctx, clerk, { ...ref, occurredOn: DAY, occurredAt, description, sourceIds });
  const events = [
    await event('07:00', 'Officers close the station end of the market, near Dalston Kingsland station.', [police.id, news.id]),
    await event('09:30', 'Stalls at the station end are searched; a young man is held against a shutter.', [news.id, witness.id]),
    await event('12:00', 'The operation ends; the police say seven people were arrested.', [police.id, news.id]),
    await addEvent(ctx, clerk, { ...ref, occurredOn: '2023-07-26', description: 'The council writes that its trading standards officers were not part of the operation.', sourceIds: [council.id] })
  ];
  const outcome = await addJusticeOutcome(ctx, clerk, { ...ref, kind: 'arrest', occurredOn: DAY, people: '7', description: 'On suspicion of drugs and counterfeiting offences (as the police state).', sourceId: police.id });
  const referral = await addReferral(ctx, clerk, {
    ...ref,
    body: 'professional standards',
    reference: 'DEMO-PSD-0001',
    referredOn: '2023-07-28',
    mode: 'local',
    status: 'assessing',
    notes: 'Complaint by the young man held against the shutter, through the panel. (Fictional.)'
  });

  const pub = await publishCase(ctx, clerk, {
    ...ref,
    summary: `On the morning of Friday 21 July 2023 the police carried out a planned operation at Ridley Road Market in Dalston. The police say about 30 officers took part, that the council's trading standards team supported it, that seven people were arrested and that no force was used. Traders put the number of officers at about 60, the council says its trading standards officers were not part of it, and a witness and footage described in the press say a young man was pushed against a shutter. A complaint has been referred to the force's professional standards department. ${dataLinkWords(link)} (Demonstration case: every source is fictional.)`,
    sourceIds: [police.id, news.id, council.id, witness.id],
    eventIds: events.map((e) => e.id),
    claimIds: [officers30.id, withCouncil.id, arrests.id, noForce.id, officers60.id, pushed.id, held.id, notPart.id],
    referralIds: [referral.id],
    outcomeIds: [outcome.id],
    witnessText: { [witness.id]: 'A shopper told the panel that a young man was pushed against a shutter and held there for several minutes without being told why.' },
    redact: ['Ama Boateng']
  });
  return { incidentId: incident.id, publishedVersion: pub.version, link };
}
