import { describe, expect, it } from 'vitest';
import { Conflict, NotFound } from '$core/errors.ts';
import { apiErrorResponse, codeForStatus, publicError, statusFor, withStatus } from './errors.ts';
import { secure } from './security-headers.ts';

const page = (status: number, type = 'text/html') => new Response('<h1>error</h1>', { status, headers: { 'content-type': type } });

describe('HTTP errors', () => {
  it('gives a DomainError its own status and words', () => {
    const err = new Conflict('The data folder is in use.', { pid: 1 });
    expect(statusFor(err, 500)).toBe(409);
    expect(publicError(err, 500, 'Internal Error')).toEqual({ message: 'The data folder is in use.', code: 'conflict' });
  });

  it('never shows the text of an unexpected error', () => {
    expect(publicError(new Error('SELECT secret FROM x failed'), 500, 'Internal Error')).toEqual({
      message: 'Something went wrong on our side.',
      code: 'internal'
    });
    expect(statusFor(new Error('x'), 500)).toBe(500);
  });

  it('answers API failures in the one error shape', async () => {
    const res = apiErrorResponse(new NotFound('No such panel.', { panel: 'x' }), page(500), '/api/v1/panels/x');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such panel.', details: { panel: 'x' } } });
    const crash = apiErrorResponse(new Error('boom'), page(500), '/api/v1/status');
    expect(await crash.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.', details: {} } });
  });

  it('maps bare statuses to codes', () => {
    expect(codeForStatus(404)).toBe('not_found');
    expect(codeForStatus(405)).toBe('invalid');
    expect(codeForStatus(502)).toBe('internal');
  });

  it('keeps the body and headers when changing a status', async () => {
    const res = withStatus(page(500), 409);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toBe('<h1>error</h1>');
  });

  it('locks down responses that carry no policy of their own', () => {
    const json = secure(page(200, 'application/json'));
    expect(json.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(json.headers.get('x-content-type-options')).toBe('nosniff');
    const html = secure(new Response('', { headers: { 'content-security-policy': "default-src 'self'" } }));
    expect(html.headers.get('content-security-policy')).toBe("default-src 'self'");
  });
});
