import { policeRanks, type PoliceRank } from '../db/schema.ts';
import { Invalid } from '../errors.ts';

/**
 * The legal rule the register enforces (docs/section60.md): the Criminal Justice and Public Order
 * Act 1994, section 60, as amended by the Knives Act 1997.
 *
 * - s60(1): an officer of or above the rank of **inspector** may authorise, for a period not
 *   exceeding **24 hours**, where they reasonably believe serious violence may take place, that an
 *   incident involving serious violence has taken place and a weapon used is being carried, or that
 *   people are carrying dangerous instruments or offensive weapons without good reason.
 * - s60(3): an officer of or above the rank of **superintendent** may direct that it continue in being
 *   for a **further 24 hours**: one extension, so at most 48 hours in all.
 *
 * Voluntary limits such as the Best Use of Stop and Search Scheme (2014) have changed over time and
 * are not enforced here.
 */
export const MAX_HOURS = 24;
export const MAX_EXTENSION_HOURS = 24;
export const AUTHORISING_RANK: PoliceRank = 'inspector';
export const EXTENDING_RANK: PoliceRank = 'superintendent';

export const rankLabels: Record<PoliceRank, string> = {
  constable: 'Constable',
  sergeant: 'Sergeant',
  inspector: 'Inspector',
  chief_inspector: 'Chief inspector',
  superintendent: 'Superintendent',
  chief_superintendent: 'Chief superintendent',
  commander: 'Commander, or assistant chief constable',
  deputy_assistant_commissioner: 'Deputy assistant commissioner, or deputy chief constable',
  assistant_commissioner: 'Assistant commissioner, or chief constable',
  deputy_commissioner: 'Deputy commissioner',
  commissioner: 'Commissioner'
};

export const atLeast = (rank: PoliceRank, minimum: PoliceRank) => policeRanks.indexOf(rank) >= policeRanks.indexOf(minimum);

const HOUR = 3_600_000;
/** Hours between two instants, as a number (1.5 for 90 minutes). */
export const hoursBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / HOUR;

/** "30 hours", "1 hour 30 minutes". */
export function hoursText(hours: number): string {
  const minutes = Math.round(hours * 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hText = `${h} hour${h === 1 ? '' : 's'}`;
  return m ? `${h ? `${hText} ` : ''}${m} minute${m === 1 ? '' : 's'}` : hText;
}

/** The authorisation as first given: rank, and an end after the start and at most 24 hours later. */
export function checkAuthorisation(a: { rank: PoliceRank; startsAt: Date; endsAt: Date }): void {
  const fields: Record<string, string> = {};
  if (!atLeast(a.rank, AUTHORISING_RANK))
    fields.rank = `Only an inspector or above may authorise section 60 searches (CJPOA 1994 s60(1)): a ${rankLabels[a.rank].toLowerCase()} may not.`;
  const hours = hoursBetween(a.startsAt, a.endsAt);
  if (hours <= 0) fields.endDay = 'The end must be after the start.';
  else if (hours > MAX_HOURS)
    fields.endDay = `An authorisation lasts at most ${MAX_HOURS} hours (CJPOA 1994 s60(1)); this one would last ${hoursText(hours)}. Record the end first authorised, then the extension, if there was one, below.`;
  throwIf(fields);
}

/** An extension: none before, by a superintendent or above, later than the current end and by at most 24 hours. */
export function checkExtension(a: { endsAt: Date; startsAt: Date; extended: boolean }, e: { rank: PoliceRank; newEndsAt: Date }): void {
  if (a.extended)
    throw new Invalid('This authorisation has already been extended once: the law allows one extension of up to 24 hours (CJPOA 1994 s60(3)).', { field: 'newEndDay' });
  const fields: Record<string, string> = {};
  if (!atLeast(e.rank, EXTENDING_RANK))
    fields.rank = `Only a superintendent or above may extend an authorisation (CJPOA 1994 s60(3)): a ${rankLabels[e.rank].toLowerCase()} may not.`;
  const added = hoursBetween(a.endsAt, e.newEndsAt);
  if (added <= 0) fields.newEndDay = 'The new end must be after the current end.';
  else if (added > MAX_EXTENSION_HOURS)
    fields.newEndDay = `An extension adds at most ${MAX_EXTENSION_HOURS} hours (CJPOA 1994 s60(3)); this one adds ${hoursText(added)}, so the authorisation would last ${hoursText(hoursBetween(a.startsAt, e.newEndsAt))} in all, more than the ${MAX_HOURS + MAX_EXTENSION_HOURS} hours the law allows.`;
  throwIf(fields);
}

function throwIf(fields: Record<string, string>): void {
  const [first] = Object.entries(fields);
  if (first) throw new Invalid(first[1], { field: first[0], fields });
}
