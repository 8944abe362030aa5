import { afterEach, describe, expect, it } from 'vitest';
import { Unavailable } from '$core/errors.ts';
import { footerTemplate, forPage, isLoopback, loopbackOrigin, printPdf } from './pdf.ts';

describe('PDF printing', () => {
  const saved = process.env.SCRUTINEER_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.SCRUTINEER_CHROMIUM;
    else process.env.SCRUTINEER_CHROMIUM = saved;
  });

  it('says what to install when Chromium is missing', async () => {
    process.env.SCRUTINEER_CHROMIUM = '/nowhere/chromium';
    const printing = printPdf({ url: 'http://127.0.0.1:1/', footer: 'x' });
    await expect(printing).rejects.toBeInstanceOf(Unavailable);
    await expect(printing).rejects.toThrow(/not installed at \/nowhere\/chromium\. Install it \(apt-get install chromium\) or set SCRUTINEER_CHROMIUM/);
  });

  it('numbers pages in a footer that escapes its text', () => {
    const footer = footerTemplate('Barking & Dagenham <pack>');
    expect(footer).toContain('Barking &#38; Dagenham &#60;pack&#62;');
    expect(footer).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });

  it('reaches the server on its own address, "any address" as loopback', () => {
    expect(loopbackOrigin('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(loopbackOrigin('0.0.0.0', 8080)).toBe('http://127.0.0.1:8080');
    expect(loopbackOrigin('::', 8080)).toBe('http://127.0.0.1:8080');
    expect(loopbackOrigin('::1', 8080)).toBe('http://[::1]:8080');
  });

  it('prints from the address a request names only when that is a loopback address (a Host header is the client\'s)', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['attacker.example', '10.0.0.1', '127.0.0.1.nip.io', 'localhost.example'].map(isLoopback)).toEqual([false, false, false, false]);
  });

  it("gives a page's cookies to its own host alone, a \"__Secure-\" one marked secure", () => {
    const cookies = forPage('http://127.0.0.1:3000/w/hackney/reviews/1/print', [
      { name: 'scrutineer.session_token', value: 'a.b' },
      { name: '__Secure-scrutineer.session_token', value: 'c.d' }
    ]);
    expect(cookies).toEqual([
      { name: 'scrutineer.session_token', value: 'a.b', domain: '127.0.0.1', path: '/', httpOnly: true, secure: false, sameSite: 'Lax' },
      { name: '__Secure-scrutineer.session_token', value: 'c.d', domain: '127.0.0.1', path: '/', httpOnly: true, secure: true, sameSite: 'Lax' }
    ]);
  });
});
