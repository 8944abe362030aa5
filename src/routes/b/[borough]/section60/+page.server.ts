import { ethnicGroupName } from '$core/dashboard/labels.ts';
import { NotFound } from '$core/errors.ts';
import { meetingTime } from '$core/meetings/time.ts';
import { londonDay } from '$core/questions/working-days.ts';
import { groundsLabels, mediumLabels } from '$core/section60/input.ts';
import { publishedRegister } from '$core/section60/publish.ts';
import { hoursText, rankLabels } from '$core/section60/rules.ts';
import { authContext } from '$lib/server/auth.ts';
import { shareText } from '$lib/server/section60.ts';
import type { PageServerLoad } from './$types';

/** Public: the section 60 register as the panel last published it, or an earlier version (?version=N). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const asked = url.searchParams.get('version');
  if (asked !== null && !/^\d{1,6}$/.test(asked)) throw new NotFound('There is nothing at this address.');
  const r = await publishedRegister(await authContext(), locals.actor, { borough: params.borough, version: asked === null ? undefined : Number(asked) });
  return {
    panel: r.panel,
    versions: r.versions.map((v) => ({ version: v.version, publishedOn: londonDay(v.publishedAt) })),
    current: r.current && {
      version: r.current.version,
      publishedOn: londonDay(r.current.publishedAt),
      authorisations: r.current.register.authorisations.map((a) => ({
        reference: a.reference,
        rank: rankLabels[a.rank],
        starts: meetingTime(new Date(a.startsAt)),
        ends: meetingTime(new Date(a.endsAt)),
        hours: hoursText(a.hours),
        extension: a.extended ? `extended by a ${rankLabels[a.extensionRank!].toLowerCase()}; first to ${meetingTime(new Date(a.firstEndsAt))}` : 'not extended',
        wards: [...a.wards, ...(a.pastedArea ? ['an area drawn on a map'] : [])].join(', '),
        groundsKind: groundsLabels[a.groundsKind],
        notices: a.notices.map((n) => ({ medium: mediumLabels[n.medium], at: meetingTime(new Date(n.at)), url: n.url })),
        figures: a.figures && {
          searches: a.figures.searches,
          byEthnicity: a.figures.byEthnicity.map((g) => ({ group: ethnicGroupName(g.group), searches: g.searches, ...shareText(g.share) })),
          outcomes: [
            { label: 'No further action', ...shareText(a.figures.noFurtherAction) },
            { label: 'Arrest', ...shareText(a.figures.arrest) },
            { label: 'Find rate', ...shareText(a.figures.find) }
          ],
          outside: a.figures.outside.total
        }
      }))
    }
  };
};
