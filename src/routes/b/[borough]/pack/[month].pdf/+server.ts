import { dev } from '$app/environment';
import { NotFound } from '$core/errors.ts';
import { cachedMonthlyPack } from '$core/pack/cache.ts';
import { packSubject } from '$core/pack/pack.ts';
import { ethnicityOf, packPath, packSearch, parsePackQuery } from '$core/pack/request.ts';
import { monthName } from '$core/pack/wording.ts';
import { serverContext } from '$lib/server/context.ts';
import { isLoopback, loopbackOrigin, printPdf, startBrowser } from '$lib/server/pdf.ts';
import type { RequestHandler } from './$types';

/**
 * The pack as an A4 PDF, printed by Chromium from the server's own page on its loopback address.
 * An unknown borough or month answers with the pack page's own 404 page, before Chromium is used.
 */
export const GET: RequestHandler = async ({ params, url, fetch }) => {
  const q = parsePackQuery(Object.fromEntries(url.searchParams));
  const ctx = await serverContext();
  const subject = await packSubject(ctx.warehouse, params).catch((err) => {
    if (err instanceof NotFound) return null;
    throw err;
  });
  if (!subject) return errorPage(await fetch(packPath(params.borough, params.month) + packSearch(q)));
  // Chromium starts while the pack is made here; the page it then prints finds the pack remembered.
  startBrowser();
  await cachedMonthlyPack(ctx.warehouse, { borough: subject.slug, month: subject.month, grouping: q.grouping, ethnicity: ethnicityOf(q) });
  // In development the page is printed from the dev server, but only at a loopback address (the Host header is the client's to set).
  const origin = dev && isLoopback(url.hostname) ? url.origin : loopbackOrigin(ctx.config.host, ctx.config.port);
  const pdf = await printPdf({
    url: origin + packPath(subject.slug, subject.month) + packSearch(q),
    footer: `${subject.borough.name} · Stop and search data pack · ${monthName(subject.month)}`
  });
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="scrutineer-${subject.slug}-${subject.month}.pdf"`,
      'cache-control': 'no-store'
    }
  });
};

/** The page's own error page (its status, text and policy), for a person who followed a PDF link. */
async function errorPage(page: Response): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
  const csp = page.headers.get('content-security-policy');
  if (csp) headers['content-security-policy'] = csp;
  return new Response(await page.text(), { status: page.status, headers });
}
