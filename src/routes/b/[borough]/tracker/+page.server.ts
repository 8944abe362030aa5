import { clockLabels } from '$core/questions/clock.ts';
import { questionTracker } from '$core/questions/tracker.ts';
import { authContext } from '$lib/server/auth.ts';
import type { PageServerLoad } from './$types';

/** Public: only published questions leave the workspace, and never the respondent's name. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const tracker = await questionTracker(await authContext(), locals.actor, params.borough);
  return {
    panel: tracker.panel,
    record: tracker.record,
    questions: tracker.questions.map((q) => ({
      id: q.id,
      title: q.title,
      body: q.body,
      finding: q.finding,
      status: q.status,
      clock: q.clock,
      clockLabel: clockLabels[q.clock],
      sentOn: q.sentOn,
      dueOn: q.dueOn,
      extensionReason: q.extensionReason,
      answer: q.answer,
      answeredOn: q.answeredOn,
      assessment: q.assessment,
      assessmentNote: q.assessmentNote,
      escalatedTo: q.escalatedTo
    }))
  };
};
