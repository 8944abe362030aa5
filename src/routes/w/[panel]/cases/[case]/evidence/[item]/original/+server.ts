import { idFromAddress } from '$lib/server/address.ts';
import { evidenceFile } from '$core/cases/evidence.ts';
import { caseRef } from '$lib/server/case-page.ts';
import { attachment } from '$lib/server/download.ts';
import type { RequestHandler } from './$types';

/** An evidence file's unredacted original, for the chair and clerk: a download, written to the custody log. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { ctx, ref } = await caseRef(locals.actor, params);
  return attachment(await evidenceFile(ctx, locals.actor, { ...ref, evidenceId: idFromAddress(params.item) }));
};
