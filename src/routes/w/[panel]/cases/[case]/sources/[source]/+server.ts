import { sourceCopy } from '$core/cases/read.ts';
import { caseRef, idParam } from '$lib/server/case-page.ts';
import type { RequestHandler } from './$types';

/** The archived copy of a source, always as a download: it is never rendered as a page of this site. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { ctx, ref } = await caseRef(locals.actor, params);
  const copy = await sourceCopy(ctx, locals.actor, { ...ref, sourceId: idParam(params.source) });
  return new Response(copy.bytes as BodyInit, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${copy.name.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(copy.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      digest: `sha-256=${Buffer.from(copy.sha256, 'hex').toString('base64')}`
    }
  });
};
