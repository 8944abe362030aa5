import { policeInbox } from '$core/questions/questions.ts';
import { authContext } from '$lib/server/auth.ts';
import { questionForPage } from '$lib/server/question-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const inbox = await policeInbox(await authContext(), locals.actor);
  return { questions: inbox.map((q) => ({ ...questionForPage(q), panelName: q.panelName })) };
};
