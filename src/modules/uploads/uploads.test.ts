import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { makeImage, multipart, pngBomb } from '../../../test/images.ts';

describe('image uploads (POST /admin/uploads, GET /media/images/…)', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  let user: TestUser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ct-uploads-'));
    t = await setupTestApp({ UPLOADS_DIR: dir });
    admin = await createUser(t.container, { role: 'ADMIN' });
    user = await createUser(t.container);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (
    file: { bytes: Buffer; filename: string; type: string },
    headers: Record<string, string> = admin.headers,
  ) => {
    const body = multipart(file);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/uploads',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const fetchImage = (url: string) => t.app.inject({ method: 'GET', url });

  it.each([
    ['jpeg', 'photo.jpg', 'image/jpeg'],
    ['png', 'poster.png', 'image/png'],
    ['webp', 'poster.webp', 'image/webp'],
  ] as const)(
    'accepts a %s and stores it at 160, 320 and 640 px wide, 3:4, as WebP and JPEG',
    async (format, filename, type) => {
      const bytes = await makeImage(format, { width: 1000, height: 1500 });
      const res = await upload({ bytes, filename, type });
      expect(res.statusCode, res.body).toBe(201);
      const { url, width, height } = res.json() as { url: string; width: number; height: number };
      expect([width, height]).toEqual([640, 853]);
      expect(url).toMatch(/^\/api\/v1\/media\/images\/poster-[0-9a-f]{24}-640\.jpg$/);
      for (const [w, h] of [
        [160, 213],
        [320, 427],
        [640, 853],
      ]) {
        for (const [ext, fmt, contentType] of [
          ['jpg', 'jpeg', 'image/jpeg'],
          ['webp', 'webp', 'image/webp'],
        ]) {
          const served = await fetchImage(url.replace(/-640\.jpg$/, `-${w}.${ext}`));
          expect(served.statusCode).toBe(200);
          expect(served.headers['content-type']).toBe(contentType);
          expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
          const meta = await sharp(served.rawPayload).metadata();
          expect([meta.format, meta.width, meta.height]).toEqual([fmt, w, h]);
        }
      }
    },
  );

  it('names files by content: the same image twice gives the same URL, another image another', async () => {
    const a = await makeImage('png', { width: 600, height: 800 });
    const b = await makeImage('png', { width: 601, height: 800 });
    const first = (await upload({ bytes: a, filename: 'a.png', type: 'image/png' })).json().url;
    const again = (await upload({ bytes: a, filename: 'renamed.png', type: 'image/png' })).json().url;
    const other = (await upload({ bytes: b, filename: 'a.png', type: 'image/png' })).json().url;
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('decides the type from the content: a WebP named .jpg and sent as image/jpeg is stored as an image', async () => {
    const bytes = await makeImage('webp');
    const res = await upload({ bytes, filename: 'looks-like.jpg', type: 'image/jpeg' });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('strips EXIF (and every other metadata block) from what it stores', async () => {
    const bytes = await makeImage('jpeg', { width: 800, height: 1000 }, { exif: true });
    expect((await sharp(bytes).metadata()).exif).toBeDefined(); // the input really carries it
    const { url } = (await upload({ bytes, filename: 'camera.jpg', type: 'image/jpeg' })).json();
    for (const variant of [url, url.replace(/\.jpg$/, '.webp')]) {
      const served = await fetchImage(variant);
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(served.rawPayload.includes('secret-exif-marker')).toBe(false);
    }
  });

  it('refuses a file that is not an image even when named and typed as a PNG: 415 IMAGE_TYPE_UNSUPPORTED', async () => {
    const res = await upload({
      bytes: Buffer.from('#!/bin/sh\necho not a poster\n'),
      filename: 'x.png',
      type: 'image/png',
    });
    expect([res.statusCode, res.json().code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
    const svg = await upload({
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      filename: 's.png',
      type: 'image/png',
    });
    expect([svg.statusCode, svg.json().code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
  });

  it('refuses a PNG signature over broken data: 422 IMAGE_UNREADABLE', async () => {
    const good = await makeImage('png');
    const broken = Buffer.concat([good.subarray(0, 8), Buffer.alloc(200, 7)]);
    const res = await upload({ bytes: broken, filename: 'x.png', type: 'image/png' });
    expect([res.statusCode, res.json().code]).toEqual([422, 'IMAGE_UNREADABLE']);
    const truncated = await upload({
      bytes: good.subarray(0, good.length / 2),
      filename: 't.png',
      type: 'image/png',
    });
    expect([truncated.statusCode, truncated.json().code]).toEqual([422, 'IMAGE_UNREADABLE']);
  });

  it('refuses a file over 5 MB with 413 IMAGE_TOO_LARGE, and stores nothing', async () => {
    const before = readdirSync(dir, { recursive: true }).length;
    const big = Buffer.concat([await makeImage('jpeg'), Buffer.alloc(5 * 1024 * 1024)]);
    const res = await upload({ bytes: big, filename: 'big.jpg', type: 'image/jpeg' });
    expect([res.statusCode, res.json().code]).toEqual([413, 'IMAGE_TOO_LARGE']);
    expect(res.json().limit).toBe(5 * 1024 * 1024);
    expect(readdirSync(dir, { recursive: true }).length).toBe(before);
  });

  it('accepts a file just under 5 MB (the multipart limit is ours, not the 1 MB JSON body limit)', async () => {
    const bytes = await sharp({
      create: {
        width: 1250,
        height: 1250,
        channels: 3,
        background: '#888',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const res = await upload({ bytes, filename: 'noise.png', type: 'image/png' });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a decompression bomb (a 50 kB PNG of 400 megapixels) from its header, quickly', async () => {
    const bomb = pngBomb(20_000);
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    const res = await upload({ bytes: bomb, filename: 'bomb.png', type: 'image/png' });
    expect([res.statusCode, res.json().code]).toEqual([422, 'IMAGE_TOO_MANY_PIXELS']);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('answers bodies that are not one image file with 4xx problems', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/uploads',
      headers: admin.headers,
      payload: { url: 'https://example.com/a.png' },
    });
    expect([json.statusCode, json.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const wrongField = multipart(
      { bytes: await makeImage('png'), filename: 'a.png', type: 'image/png' },
      'image',
    );
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/uploads',
      headers: { ...admin.headers, ...wrongField.headers },
      payload: wrongField.payload,
    });
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'IMAGE_REQUIRED']);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/uploads',
      headers: { ...admin.headers, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG',
    });
    expect(garbage.statusCode).toBeGreaterThanOrEqual(400);
    expect(garbage.statusCode).toBeLessThan(500);
  });

  it('lets only admins upload: 401 signed out, 403 for a user', async () => {
    const file = { bytes: await makeImage('png'), filename: 'a.png', type: 'image/png' };
    const anonymous = await upload(file, {});
    expect([anonymous.statusCode, anonymous.json().code]).toEqual([401, 'UNAUTHENTICATED']);
    const mere = await upload(file, user.headers);
    expect([mere.statusCode, mere.json().code]).toEqual([403, 'FORBIDDEN']);
  });

  it('answers 404 for an image it does not have and 400 for a name outside the pattern', async () => {
    const missing = await fetchImage(`/api/v1/media/images/poster-${'0'.repeat(24)}-640.jpg`);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'NOT_FOUND']);
    const escape = await fetchImage('/api/v1/media/images/..%2F..%2Fpackage.json');
    expect(escape.statusCode).toBe(400);
  });
});
