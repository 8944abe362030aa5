import { redirect } from '@sveltejs/kit';
import { exportBundle } from '$core/cases/bundle.ts';
import { Invalid } from '$core/errors.ts';
import { caseRef } from '$lib/server/case-page.ts';
import { attachment } from '$lib/server/download.ts';
import type { RequestHandler } from './$types';

/**
 * The export bundle of the chosen evidence (a zip with its manifest), as a download. A POST, since
 * each export is written to the custody log. Nothing chosen: back to the list, which says so.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
  const { ctx, panel, ref } = await caseRef(locals.actor, params);
  const form = await request.formData();
  try {
    return attachment(await exportBundle(ctx, locals.actor, { ...ref, evidenceIds: form.getAll('evidenceIds').filter((v) => typeof v === 'string') }));
  } catch (err) {
    if (err instanceof Invalid) redirect(303, `/w/${panel.slug}/cases/${ref.incidentId}/evidence?export=refused#export`);
    throw err;
  }
};
