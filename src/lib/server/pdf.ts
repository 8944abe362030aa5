import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadConfig } from '$core/config.ts';
import { Unavailable } from '$core/errors.ts';
import { serverLog } from './context.ts';

/**
 * Prints the server's own pages to PDF with Chromium (playwright-core). One Chromium serves every
 * request: it is launched on the first PDF and closed when the server shuts down. Each PDF gets a
 * fresh browser context with JavaScript off (the pages work without it) and may only load from the
 * server's own origin, so a page can never reach out to the network while being printed. A page
 * that needs a signed-in person gets that person's session cookie, for the server's own address only.
 */

/** The PDF settings (SCRUTINEER_CHROMIUM, SCRUTINEER_PDF_TIMEOUT_MS), checked with every other setting. */
function pdfSettings() {
  const { chromium, timeoutMs } = loadConfig(process.env).pdf;
  return { SCRUTINEER_CHROMIUM: chromium, SCRUTINEER_PDF_TIMEOUT_MS: timeoutMs };
}

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** At most this many PDFs are printed at once (each is a renderer process); others wait their turn. */
const MAX_PRINTING = 2;
/** More than this many waiting means the server is overwhelmed: say so rather than queue forever. */
const MAX_WAITING = 20;

let browser: Promise<Browser> | null = null;
let shutdownHooked = false;

function launchBrowser(executablePath: string): Promise<Browser> {
  if (browser) return browser;
  if (!fs.existsSync(executablePath))
    throw new Unavailable(
      `PDFs are printed with Chromium, which is not installed at ${executablePath}. Install it (apt-get install chromium) or set SCRUTINEER_CHROMIUM to its path. Meanwhile, print the page from your browser: it has a print layout.`,
      { chromium: executablePath }
    );
  const launching = chromium.launch({ executablePath, headless: true, args, timeout: 20_000, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  browser = launching;
  launching.then(
    (b) => {
      b.on('disconnected', () => {
        if (browser === launching) browser = null; // crashed or closed: the next PDF launches a new one
      });
      if (!shutdownHooked) {
        shutdownHooked = true;
        process.once('sveltekit:shutdown', () => void closeBrowser());
      }
    },
    (err) => {
      if (browser === launching) browser = null;
      serverLog().error('Chromium did not start', { error: String(err) });
    }
  );
  return launching;
}

/**
 * Starts Chromium if it is not running, without waiting: a PDF request calls this first, so the
 * launch overlaps the work of making the page. A failure is reported by printPdf.
 */
export function startBrowser(): void {
  try {
    void launchBrowser(pdfSettings().SCRUTINEER_CHROMIUM).catch(() => {});
  } catch {
    // missing or misconfigured: printPdf says so
  }
}

/** Closes the shared Chromium, if one is running (at shutdown, and in tests). */
export async function closeBrowser(): Promise<void> {
  const running = browser;
  browser = null;
  if (running) await running.then((b) => b.close()).catch(() => {});
}

let printing = 0;
const waiting: Array<() => void> = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (printing >= MAX_PRINTING) {
    if (waiting.length >= MAX_WAITING) throw new Unavailable('The server is busy printing other PDFs. Try again in a minute.');
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  printing++;
  try {
    return await work();
  } finally {
    printing--;
    waiting.shift()?.();
  }
}

export interface PdfRequest {
  /** The page to print, on the server's own loopback address. */
  url: string;
  /** Left of the page number in every page's footer, e.g. "Hackney · Data pack · July 2023". */
  footer: string;
  /**
   * Cookies the page needs, given to the fresh browser context for the page's own host only: the
   * requesting person's session cookie (sessionCookies in ./auth.ts), never their other cookies.
   */
  cookies?: ReadonlyArray<{ name: string; value: string }>;
}

/** The page printed to an A4 PDF with "Page N of M" in every footer. Time-boxed. */
export async function printPdf(req: PdfRequest): Promise<Uint8Array> {
  const { SCRUTINEER_CHROMIUM, SCRUTINEER_PDF_TIMEOUT_MS: timeoutMs } = pdfSettings();
  const started = Date.now();
  return inTurn(async () => {
    const b = await withTimeout(launchBrowser(SCRUTINEER_CHROMIUM), timeoutMs - (Date.now() - started), () => {});
    const context = await b.newContext({ javaScriptEnabled: false });
    try {
      if (req.cookies?.length) await context.addCookies(forPage(req.url, req.cookies));
      return await withTimeout(render(context, req), timeoutMs - (Date.now() - started), () => void context.close().catch(() => {}));
    } finally {
      await context.close().catch(() => {});
    }
  });
}

/**
 * The cookies for the page's host alone. Set by domain and path rather than by URL, so that a
 * "__Secure-" cookie (the session over https) is accepted and sent on the plain-http loopback.
 */
export function forPage(url: string, cookies: NonNullable<PdfRequest['cookies']>) {
  const { hostname } = new URL(url);
  return cookies.map(({ name, value }) => ({
    name,
    value,
    domain: hostname,
    path: '/',
    httpOnly: true,
    secure: name.startsWith('__Secure-'),
    sameSite: 'Lax' as const
  }));
}

export class PageNotPrintable extends Error {
  constructor(readonly status: number) {
    super(`The page answered ${status}`);
  }
}

async function render(context: BrowserContext, req: PdfRequest): Promise<Uint8Array> {
  const origin = new URL(req.url).origin;
  const page = await context.newPage();
  await page.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
  const response = await page.goto(req.url, { waitUntil: 'load' });
  if (!response || !response.ok()) throw new PageNotPrintable(response?.status() ?? 0);
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(req.footer),
    // The same margins as the page's @page rule, so the browser's own print looks the same.
    margin: { top: '14mm', right: '14mm', bottom: '18mm', left: '14mm' },
    preferCSSPageSize: true
  });
  return new Uint8Array(pdf);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Chromium fills .pageNumber and .totalPages; the footer has no page styles, so it sets its own. */
export function footerTemplate(text: string): string {
  return (
    `<div style="width:100%;margin:0 14mm;font-family:system-ui,'Helvetica Neue',Arial,sans-serif;font-size:8pt;color:#333;display:flex;justify-content:space-between;">` +
    `<span>${escapeHtml(text)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  );
}

async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Unavailable(`Making the PDF took longer than ${Math.round(pdfSettings().SCRUTINEER_PDF_TIMEOUT_MS / 1000)} s and was stopped. Try again, or print the page from your browser.`));
    }, Math.max(ms, 0));
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** The address the server answers itself on: its own host and port, with "any address" as loopback. */
/** Whether a host name (as a URL gives it) is this machine's own loopback address. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export function loopbackOrigin(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}
