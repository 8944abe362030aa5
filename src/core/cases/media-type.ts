/**
 * The type of an uploaded file, judged from its first bytes, never from its name or what the
 * browser said: the kinds a source copy or an evidence file usually is. Anything unrecognised is
 * `application/octet-stream`.
 */
export function sniffMediaType(bytes: Uint8Array): string {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  const ascii = (offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));
  const starts = (...sig: number[]) => at(0, ...sig);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'application/zip';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'image/webp';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WAVE') return 'audio/wav';
  // ISO base media files (MP4, QuickTime, M4A, HEIC) name their brand in a first `ftyp` box.
  if (ascii(4, 4) === 'ftyp') {
    const brand = ascii(8, 4);
    if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
    if (brand === 'qt  ') return 'video/quicktime';
    if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
    return 'video/mp4';
  }
  // An older QuickTime file starts with a box of another name; its size's first byte is 0 (text has no NUL).
  if (bytes[0] === 0 && ['moov', 'mdat', 'wide', 'free', 'skip'].includes(ascii(4, 4))) return 'video/quicktime';
  if (ascii(0, 3) === 'ID3' || (bytes[0] === 0xff && bytes.length > 1 && (bytes[1] & 0xe6) === 0xe2)) return 'audio/mpeg';
  if (isUtf8Text(bytes)) {
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'text/html; charset=utf-8';
    return 'text/plain; charset=utf-8';
  }
  return 'application/octet-stream';
}

/** Names for the types sniffMediaType finds, for messages. */
export const mediaTypeNames: Record<string, string> = {
  'application/pdf': 'a PDF document',
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'image/heic': 'a HEIC image',
  'application/zip': 'a zip archive',
  'audio/wav': 'a WAV recording',
  'audio/mp4': 'an M4A recording',
  'audio/mpeg': 'an MP3 recording',
  'video/mp4': 'an MP4 video',
  'video/quicktime': 'a QuickTime video',
  'text/html; charset=utf-8': 'an HTML page',
  'text/plain; charset=utf-8': 'plain text',
  'application/octet-stream': 'of a type not recognised'
};

/** A type in words for a page: "JPEG image". */
export const typeName = (mediaType: string) => (mediaTypeNames[mediaType] ?? mediaType).replace(/^(a|an|of a) /, '').replace(/^type not recognised$/, 'unknown type');

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
