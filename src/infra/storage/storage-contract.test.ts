import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';
import type { ObjectStorage } from './storage.ts';

/**
 * One contract, run against both adapters: the local directory, and S3 through AWS SDK v3 against
 * s3rver, a local S3-compatible server (real HTTP, real SigV4 requests).
 */

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString();
}

function storageContract(name: string, make: () => ObjectStorage) {
  describe(`storage contract: ${name}`, () => {
    let storage: ObjectStorage;
    beforeAll(() => {
      storage = make();
    });

    it('returns what was put, with its content type and size', async () => {
      await storage.put('images/a-1.webp', Buffer.from('webp bytes'), 'image/webp');
      const got = await storage.get('images/a-1.webp');
      expect(got).not.toBeNull();
      expect(got!.contentType).toBe('image/webp');
      expect(got!.size).toBe(10);
      expect(await text(got!.body)).toBe('webp bytes');
      expect(await storage.exists('images/a-1.webp')).toBe(true);
    });

    it('answers null and false for a key it does not have', async () => {
      expect(await storage.get('images/never-put.jpg')).toBeNull();
      expect(await storage.exists('images/never-put.jpg')).toBe(false);
    });

    it('replaces an object written again under the same key', async () => {
      await storage.put('images/b-1.jpg', Buffer.from('first'), 'image/jpeg');
      await storage.put('images/b-1.jpg', Buffer.from('second'), 'image/jpeg');
      expect(await text((await storage.get('images/b-1.jpg'))!.body)).toBe('second');
    });

    it('deletes several keys at once, missing ones included, and only those', async () => {
      await storage.put('images/c-1.jpg', Buffer.from('1'), 'image/jpeg');
      await storage.put('images/c-2.jpg', Buffer.from('2'), 'image/jpeg');
      await storage.put('images/keep.jpg', Buffer.from('k'), 'image/jpeg');
      await storage.delete(['images/c-1.jpg', 'images/c-2.jpg', 'images/c-3.jpg']);
      expect(await storage.exists('images/c-1.jpg')).toBe(false);
      expect(await storage.exists('images/c-2.jpg')).toBe(false);
      expect(await storage.exists('images/keep.jpg')).toBe(true);
      await storage.delete([]);
    });

    it('refuses keys that could leave their folder', async () => {
      for (const key of ['../etc/passwd', '/images/a.jpg', 'images/../../a.jpg', 'images\\a.jpg', 'a.jpg']) {
        await expect(storage.put(key, Buffer.from('x'), 'image/jpeg'), key).rejects.toThrow(
          /invalid storage key/,
        );
      }
    });
  });
}

const localDir = mkdtempSync(path.join(tmpdir(), 'ct-storage-'));
storageContract('local directory', () => new LocalStorage(localDir));

const s3Dir = mkdtempSync(path.join(tmpdir(), 'ct-s3rver-'));
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory: s3Dir,
  configureBuckets: [{ name: 'posters', configs: [] }],
});
let endpoint = '';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
beforeAll(async () => {
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  rmSync(s3Dir, { recursive: true, force: true });
  rmSync(localDir, { recursive: true, force: true });
});
const s3 = () =>
  new S3Storage({
    bucket: 'posters',
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    prefix: 'test/',
    credentials,
  });
storageContract('S3 (AWS SDK v3 against s3rver)', s3);

describe('S3 adapter specifics', () => {
  it('writes each object with the immutable Cache-Control and under the configured prefix', async () => {
    await s3().put('images/d-1.webp', Buffer.from('d'), 'image/webp');
    const raw = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
    const head = await raw.send(new HeadObjectCommand({ Bucket: 'posters', Key: 'test/images/d-1.webp' }));
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
    expect(head.ContentType).toBe('image/webp');
    raw.destroy();
  });
});
