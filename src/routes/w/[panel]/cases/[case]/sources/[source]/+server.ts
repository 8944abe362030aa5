import { idFromAddress } from '$lib/server/address.ts';
import { sourceCopy } from '$core/cases/read.ts';
import { caseRef } from '$lib/server/case-page.ts';
import { attachment } from '$lib/server/download.ts';
import type { RequestHandler } from './$types';

/** The archived copy of a source, always as a download: it is never rendered as a page of this site. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { ctx, ref } = await caseRef(locals.actor, params);
  return attachment(await sourceCopy(ctx, locals.actor, { ...ref, sourceId: idFromAddress(params.source) }));
};
