import type { Actor } from '../access/actor.ts';
import type { WorkflowContext } from '../audit/write.ts';
import { raiseCiaQuestion, recordCia, saveCiaReview } from '../cia/cia.ts';
import { publishCiaSummary } from '../cia/publish.ts';

const hackney = 'E09000012';

/**
 * Hackney's demonstration panel gets a community impact assessment of the Ridley Road Market
 * operation of 21 July 2023 (DOMAIN.md): the assessment's text is the demonstration's own, not the
 * police's; two reviews, one question raised from an item, and a published summary.
 */
export async function demoCia(ctx: WorkflowContext, people: { clerk: Actor; chair: Actor; member: Actor }, panelId: number, boroughCode: string, incidentId?: number): Promise<number> {
  if (boroughCode !== hackney) return 0;
  const { clerk, chair, member } = people;
  const cia = await recordCia(ctx, clerk, {
    panelId,
    title: '[Demo] Ridley Road Market operation: community impact assessment',
    operation: 'Planned drugs operation under the Misuse of Drugs Act 1971 at Ridley Road Market, Dalston, 21 July 2023',
    documentOn: '2023-07-28',
    timing: 'after',
    incidentId,
    dayBorough: hackney,
    dayOn: '2023-07-21',
    text: [
      'DEMONSTRATION TEXT, written for Scrutineer: not the police’s document.',
      '',
      'Purpose and legal basis: warrants under section 23 of the Misuse of Drugs Act 1971 for premises near the market, after intelligence of drug supply.',
      'Consultation: the market manager was told on the morning of the operation. No traders’ or residents’ groups were consulted beforehand.',
      'Risks to community confidence: a visible operation in a busy market; memories of the Dalston operation of May 2022.',
      'Disproportionality: not considered in this assessment.',
      'Mitigations: neighbourhood officers on the market during and after; a leaflet for traders.',
      'Communication: a statement on the day; a meeting with the panel afterwards.',
      'Debrief: the police will review how they communicate about planned operations.'
    ].join('\n')
  });
  const ref = { panelId, ciaId: cia.id };
  const review = await saveCiaReview(ctx, member, {
    ...ref,
    purposeScore: '2',
    consultationScore: '0',
    confidenceScore: '1',
    disproportionalityScore: '0',
    mitigationsScore: '1',
    communicationScore: '1',
    debriefScore: '1',
    consultationComment: 'Only the market manager was told, on the morning itself: nobody who trades or lives there was asked beforehand.',
    disproportionalityComment: 'The assessment does not mention who is searched in the area or the effect on Black residents.',
    rag: 'red',
    summary: 'Clear on the legal basis; silent on consultation and disproportionality. (Demonstration review.)',
    submit: true
  });
  await saveCiaReview(ctx, chair, {
    ...ref,
    purposeScore: '2',
    consultationScore: '1',
    confidenceScore: '1',
    disproportionalityScore: '0',
    mitigationsScore: '1',
    communicationScore: '1',
    debriefScore: '2',
    rag: 'amber',
    summary: 'The debrief commitment is welcome; the panel should see the next assessment before the operation. (Demonstration review.)',
    submit: true
  });
  await raiseCiaQuestion(ctx, member, {
    ...ref,
    reviewId: review.id,
    item: 'consultation',
    title: '[Demo] Ridley Road Market CIA: community consultation',
    body: 'The assessment says only the market manager was told, on the morning of the operation. Who will be consulted before the next planned operation, and when?'
  });
  await publishCiaSummary(ctx, chair, { ...ref, statement: 'The panel found the legal basis clear but no consultation with traders or residents and no consideration of disproportionality. (Demonstration.)' });
  return 1;
}
