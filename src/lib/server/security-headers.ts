/**
 * Headers for every response SvelteKit renders. Pages get their Content-Security-Policy from kit's
 * `csp` setting (svelte.config.js), which adds a nonce for the hydration script; anything else
 * (JSON, text) gets a policy that allows nothing, since it is never meant to run or be framed.
 */
export const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'
};

const lockedDown = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Returns the response with the security headers set (cloning it if its headers are immutable). */
export function secure(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(securityHeaders)) headers.set(name, value);
  if (!headers.has('content-security-policy')) headers.set('content-security-policy', lockedDown);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
