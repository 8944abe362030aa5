import { ciaDocument } from '$core/cia/read.ts';
import { ciaRef } from '$lib/server/cia-page.ts';
import { attachment } from '$lib/server/download.ts';
import type { RequestHandler } from './$types';

/** The uploaded copy of the assessment, always as a download. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { ctx, ref } = await ciaRef(locals.actor, params);
  const doc = await ciaDocument(ctx, locals.actor, ref);
  return attachment(doc);
};
