import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { categoryId, createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';
import { makeImage, multipart } from '../../../test/images.ts';
import { S3Storage } from '../../infra/storage/s3-storage.ts';

/** The poster flow with the S3 adapter, against s3rver (a local S3-compatible server). */
describe('posters on S3 storage', () => {
  let env: TestEnv;
  let t: TestApp;
  let admin: TestUser;
  let storage: S3Storage;
  let server: S3rver;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ct-s3-posters-'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: dir,
      configureBuckets: [{ name: 'media', configs: [] }],
    });
    const { port } = await server.run();
    storage = new S3Storage({
      bucket: 'media',
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      prefix: 'test/',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    env = await createTestEnv();
    t = await createTestApp(env, {}, 'api', { storage });
    admin = await createUser(t.container, { role: 'ADMIN' });
  });
  afterAll(async () => {
    await t.close();
    await env.drop();
    storage.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores, serves through the API with the immutable cache header, and deletes the replaced poster', async () => {
    const venueId = await createVenue(t.app, admin);
    const id = await createPerformance(t.app, admin, { venueId, categoryId: await categoryId(t) });
    const put = async (width: number) => {
      const body = multipart({
        bytes: await makeImage('jpeg', { width, height: 1200 }),
        filename: 'p.jpg',
        type: 'image/jpeg',
      });
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/admin/performances/${id}/poster`,
        headers: { ...admin.headers, ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().url as string;
    };
    const first = await put(800);
    const webp = first.replace(/-640\.jpg$/, '-320.webp');
    const served = await t.app.inject({ method: 'GET', url: webp });
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['content-type']).toBe('image/webp');
    expect((await sharp(served.rawPayload).metadata()).width).toBe(320);

    const second = await put(801);
    expect(second).not.toBe(first);
    const key = (url: string) => `images/${url.split('/').at(-1)!}`;
    expect(await storage.exists(key(first))).toBe(false);
    expect(await storage.exists(key(webp))).toBe(false);
    expect(await storage.exists(key(second))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
  });
});
