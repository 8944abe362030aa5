import type { QuestionView } from '$core/questions/questions.ts';
import { clockLabels } from '$core/questions/clock.ts';
import type { QuestionEvent } from '$core/db/schema.ts';

/** A question as pages show it: plain values only (dates as text), never the addressee's id. */
export function questionForPage(q: QuestionView) {
  return {
    id: q.id,
    title: q.title,
    body: q.body,
    finding: q.finding,
    status: q.status,
    clock: q.clock,
    clockLabel: clockLabels[q.clock],
    addresseeName: q.addresseeName,
    sentOn: q.sentOn,
    dueOn: q.dueOn,
    pausedOn: q.pausedOn,
    clarificationRequest: q.clarificationRequest,
    extensionReason: q.extensionReason,
    acknowledgedOn: q.acknowledgedOn,
    answer: q.answer,
    answeredOn: q.answeredOn,
    assessment: q.assessment,
    assessmentNote: q.assessmentNote,
    escalatedTo: q.escalatedTo,
    published: q.publishedAt !== null
  };
}

export const eventForPage = (e: QuestionEvent) => ({ id: e.id, at: e.at.toISOString(), who: e.actorLabel, action: e.action, details: e.details });

