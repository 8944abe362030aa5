/**
 * A stored file as a download: always `application/octet-stream` with `nosniff`, so it is never
 * rendered as a page of this site, whatever it holds; the name in both the plain and the UTF-8 form;
 * the SHA-256 in a `digest` header so it can be checked.
 */
export function attachment(file: { bytes: Uint8Array; name: string; sha256: string }): Response {
  const encoded = encodeURIComponent(file.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return new Response(file.bytes as BodyInit, {
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="${file.name.replace(/[^\w.\- ]/g, '_')}"; filename*=UTF-8''${encoded}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`
    }
  });
}
