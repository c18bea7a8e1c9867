import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Test images made on the spot: real encoders for the good ones, hand-built bytes for the bad ones. */

export async function makeImage(
  format: 'jpeg' | 'png' | 'webp',
  size: { width: number; height: number } = { width: 900, height: 1200 },
  options: { exif?: boolean } = {},
): Promise<Buffer> {
  let image = sharp({
    create: { ...size, channels: 3, background: { r: 200, g: 40, b: 90 } },
  }).composite([
    // Something that is not flat colour, so encoders do real work and sizes differ.
    {
      input: Buffer.from(
        `<svg width="${size.width}" height="${size.height}"><circle cx="${size.width / 2}" cy="${size.height / 2}" r="${Math.min(size.width, size.height) / 3}" fill="#f3c623"/></svg>`,
      ),
    },
  ]);
  if (options.exif) {
    image = image.withExif({ IFD0: { Copyright: 'secret-exif-marker', Artist: 'Camera Owner' } });
  }
  return image.toFormat(format).toBuffer();
}

/**
 * A real decompression bomb: a valid PNG of `side`×`side` 1-bit pixels, all zero, whose compressed
 * data is tiny (20 000² = 400 megapixels in about 50 kB).
 */
export function pngBomb(side = 20_000): Buffer {
  const rowBytes = 1 + Math.ceil(side / 8); // filter byte + packed 1-bit pixels
  const raw = Buffer.alloc(rowBytes * side);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A multipart/form-data body with one file part, as a browser's FormData would send it. */
export function multipart(
  file: { bytes: Buffer; filename: string; type: string },
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ct${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
