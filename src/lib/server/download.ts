/**
 * A stored file as a download, never rendered as a page of this site: octet-stream, attachment,
 * nosniff, not cached; the name both plain (ASCII) and percent-encoded; the SHA-256 as a digest.
 */
export function downloadResponse(bytes: Uint8Array, name: string, sha256: string): Response {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return new Response(bytes as BodyInit, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${name.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encoded}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      digest: `sha-256=${Buffer.from(sha256, 'hex').toString('base64')}`
    }
  });
}
