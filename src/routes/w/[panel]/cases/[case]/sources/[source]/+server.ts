import { sourceCopy } from '$core/cases/read.ts';
import { caseRef, idParam } from '$lib/server/case-page.ts';
import { attachment } from '$lib/server/download.ts';
import type { RequestHandler } from './$types';

/** The archived copy of a source, always as a download: it is never rendered as a page of this site. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { ctx, ref } = await caseRef(locals.actor, params);
  return attachment(await sourceCopy(ctx, locals.actor, { ...ref, sourceId: idParam(params.source) }));
};
