import { describe, expect, it } from 'vitest';
import type { EncounterReview, SampleRecord } from '../../src/core/db/schema.ts';
import { wilsonCI } from '../../src/core/figures/stats/index.ts';
import { anonymise } from '../../src/core/reviews/publish.ts';
import { computeResults } from '../../src/core/reviews/results.ts';

/** 35 encounters, one review each: Black 12 and White 12 (s23), Asian 6 and Other 5 (PACE). */
const groups: [string, string, number][] = [['black', 'misuse_of_drugs_s23', 12], ['white', 'misuse_of_drugs_s23', 12], ['asian', 'pace_s1', 6], ['other', 'pace_s1', 5]];
const records: SampleRecord[] = groups.flatMap(([ethnicGroup, legislation, n], g) =>
  Array.from({ length: n }, (_, i) => ({
    id: g * 100 + i,
    panelId: 1,
    sampleId: 1,
    position: g * 100 + i,
    recordId: `metropolitan:2024-03:${g * 100 + i}`,
    occurredAt: new Date('2024-03-05T12:00:00Z'),
    latitude: 51.55,
    longitude: -0.06,
    street: 'On or near Ridley Road',
    legislation,
    object: 'controlled_drugs',
    outcome: 'no_further_action',
    ethnicGroup,
    stratum: 'all',
    policeResponse: i === 0 ? 'Words of advice given to PC 123' : null,
    respondedAt: null,
    respondedBy: null
  }))
);
/** Grounds given in 9 of the 12 Black people's searches, all the others; every other item yes; red where grounds were not given. */
const reviews: EncounterReview[] = records.map((r, i) => {
  const grounds = r.ethnicGroup === 'black' && i % 4 === 3 ? 'no' : 'yes';
  return {
    id: i,
    panelId: 1,
    sampleRecordId: r.id,
    reviewerId: 'reviewer-ada',
    grounds,
    object: 'yes', warrantCard: 'not_applicable', identity: 'yes', station: 'yes', entitlement: 'yes', legalPower: 'yes', detained: 'yes',
    groundsQuality: 'good', conduct: 'good', forceUsed: 'none',
    rag: grounds === 'no' ? 'red' : 'green',
    comments: 'The man in the red jacket was calm',
    footageViewedOnPremises: true,
    submittedAt: new Date(), createdAt: new Date(), updatedAt: new Date()
  };
});

describe('the published summary', () => {
  const results = computeResults(records, reviews, 1);
  const summary = anonymise(results, { borough: 'Hackney', month: '2024-03', strata: 'none', population: 400 });

  it('holds no record ids, places, times, comments, responses or reviewers', () => {
    const text = JSON.stringify(summary);
    for (const secret of ['metropolitan:', 'Ridley', '51.55', '12:00', 'red jacket', 'PC 123', 'reviewer-ada']) expect(text).not.toContain(secret);
  });

  it('shows groups of 10 or more on their own, merges smaller ones that reach 10 together (worked by hand)', () => {
    expect(summary.byEthnicity.map((g) => [g.group, g.encounters])).toEqual([['Black', 12], ['White', 12], ['Other groups (each fewer than 10 encounters)', 11]]);
    expect(summary.byPower.map((g) => [g.group, g.encounters])).toEqual([['Misuse of Drugs Act s23', 24], ['PACE section 1', 11]]);
    const black = summary.byEthnicity[0];
    expect(black.rag).toEqual({ red: 3, amber: 0, green: 9 });
    // Black: grounds 9 of 12, below 10: counts only. White: 12 of 12, shown with its Wilson interval.
    expect(black.items[0]).toMatchObject({ met: 9, known: 12, share: null, ci: null });
    expect(summary.byEthnicity[1].items[0]).toMatchObject({ met: 12, known: 12, share: 1, ci: wilsonCI(12, 12) });
    // All items, Black: 9 + 6 × 12 = 81 yes of 84 yes-or-no (the warrant card is not applicable).
    expect(black.allItems).toMatchObject({ met: 81, known: 84, notApplicable: 12, share: 81 / 84 });
    expect(summary.items[0]).toMatchObject({ met: 32, known: 35, share: 32 / 35, ci: wilsonCI(32, 35) });
    // Other groups: Asian 6 + Other 5 = 11 reviews, grounds and six more items yes in each, the warrant card not applicable.
    const other = summary.byEthnicity[2];
    expect(other).toMatchObject({ reviews: 11, rag: { red: 0, amber: 0, green: 11 } });
    expect(other.allItems).toEqual({ label: 'All GOWISELY items', met: 77, known: 77, notVisible: 0, notApplicable: 11, share: 1, ci: wilsonCI(77, 77) });
    expect(other.items[0]).toEqual({ label: 'Grounds for the search given', met: 11, known: 11, notVisible: 0, notApplicable: 0, share: 1, ci: wilsonCI(11, 11) });
    expect(other.items[2]).toMatchObject({ met: 0, known: 0, notApplicable: 11, share: null, ci: null });
  });

  it('leaves out small groups that do not reach 10 together, and the workspace view shows every group unsuppressed', () => {
    const few = records.filter((r) => r.ethnicGroup !== 'other' || r.id < 303); // Other: 3, so Asian 6 + Other 3 = 9
    const s = anonymise(computeResults(few, reviews, 1), { borough: 'Hackney', month: '2024-03', strata: 'none', population: 400 });
    expect(s.byEthnicity.map((g) => g.group)).toEqual(['Black', 'White']);
    const full = anonymise(results, { borough: 'Hackney', month: '2024-03', strata: 'none', population: 400 }, false);
    expect(full.byEthnicity.map((g) => g.group)).toEqual(['Asian', 'Black', 'Other', 'White']);
    expect(full.byEthnicity[1].items[0]).toMatchObject({ met: 9, share: 0.75, ci: wilsonCI(9, 12) });
    expect(results.responses).toBe(4);
  });
});
