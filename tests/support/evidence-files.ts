import sharp from 'sharp';
import yauzl from 'yauzl';

/**
 * A small hand-made photo (never a real one): red, with a white square at 10,10, and EXIF saying it
 * was taken on 21 July 2023 at 11:05:30 (+01:00) at Ridley Road Market (51.5486, -0.0755).
 */
export async function photoWithExif(): Promise<Uint8Array> {
  const white = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 255, g: 255, b: 255 } } }).png().toBuffer();
  return new Uint8Array(
    await sharp({ create: { width: 120, height: 80, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .composite([{ input: white, left: 10, top: 10 }])
      .jpeg()
      .withExif({
        IFD0: { Make: 'Scrutineer test', Artist: 'A. Witness' },
        IFD2: { DateTimeOriginal: '2023:07:21 11:05:30', OffsetTimeOriginal: '+01:00' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 32/1 5496/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 4/1 3180/100' }
      })
      .toBuffer()
  );
}

/** Every entry of a zip, read back with yauzl. */
export async function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  return out;
}
