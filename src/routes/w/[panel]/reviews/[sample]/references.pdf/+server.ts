import { idFromAddress } from '$lib/server/address.ts';
import { dev } from '$app/environment';
import { monthName } from '$core/pack/wording.ts';
import { panelBySlug } from '$core/panels/panels.ts';
import { getSample } from '$core/reviews/samples.ts';
import { authContext, sessionCookies } from '$lib/server/auth.ts';
import { serverContext } from '$lib/server/context.ts';
import { isLoopback, loopbackOrigin, printPdf, startBrowser } from '$lib/server/pdf.ts';
import type { RequestHandler } from './$types';

/**
 * The sample's print page as an A4 PDF, printed by Chromium on the server's loopback address. Access
 * is checked first, as the print page checks it (a police respondent sees only a sample sent to them,
 * anyone outside the panel gets 404); Chromium then loads the page with the requester's session cookie
 * and no other.
 */
export const GET: RequestHandler = async ({ locals, params, url, cookies }) => {
  const ctx = await authContext();
  const panel = await panelBySlug(ctx, locals.actor, params.panel);
  const { sample } = await getSample(ctx, locals.actor, { panelId: panel.id, sampleId: idFromAddress(params.sample) });
  startBrowser(); // starts while the rest is made ready; only for someone who may see the sample
  const server = await serverContext();
  // In development the page is printed from the dev server, but only at a loopback address (the Host header is the client's to set).
  const origin = dev && isLoopback(url.hostname) ? url.origin : loopbackOrigin(server.config.host, server.config.port);
  const pdf = await printPdf({
    url: `${origin}/w/${panel.slug}/reviews/${sample.id}/print`,
    footer: `${panel.name} · Sample of ${monthName(sample.month)} · references`,
    cookies: sessionCookies(cookies)
  });
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="sample-${sample.id}-references.pdf"`,
      'cache-control': 'no-store'
    }
  });
};
