import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { categoryId, createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';
import { makeImage, multipart } from '../../../test/images.ts';

describe('performance posters (PUT/DELETE /admin/performances/{id}/poster)', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  let user: TestUser;
  let dir: string;
  let venueId: string;
  let musical: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ct-posters-'));
    t = await setupTestApp({ UPLOADS_DIR: dir });
    admin = await createUser(t.container, { role: 'ADMIN' });
    user = await createUser(t.container);
    venueId = await createVenue(t.app, admin);
    musical = await categoryId(t);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const newPerformance = (title = `포스터 ${randomUUID().slice(0, 6)}`) =>
    createPerformance(t.app, admin, { venueId, categoryId: musical, title });
  const image = async (width: number, format: 'png' | 'jpeg' | 'webp' = 'png') => ({
    bytes: await makeImage(format, { width, height: 1200 }),
    filename: `poster-${width}.${format}`,
    type: `image/${format}`,
  });
  const putPoster = (
    id: string,
    file: { bytes: Buffer; filename: string; type: string },
    headers: Record<string, string> = admin.headers,
  ) => {
    const body = multipart(file);
    return t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/performances/${id}/poster`,
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const posterOf = async (id: string): Promise<string> =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` })).json().posterUrl;
  /** The stored files of the image behind a poster URL (all 6 sizes and formats). */
  const filesOf = (url: string) => {
    const hash = /poster-([0-9a-f]{24})-/.exec(url)![1]!;
    return readdirSync(path.join(dir, 'images')).filter((f) => f.includes(hash));
  };
  const served = async (url: string) => (await t.app.inject({ method: 'GET', url })).statusCode;

  it('points the performance at the uploaded poster, in the detail and in the list tiles', async () => {
    const id = await newPerformance('포스터가 있는 공연');
    expect(await posterOf(id)).toBe(`/api/v1/posters/${id}.svg`); // the generated one before
    const res = await putPoster(id, await image(900));
    expect(res.statusCode, res.body).toBe(200);
    const { url, width, height } = res.json();
    expect([width, height]).toEqual([640, 853]);
    expect(await posterOf(id)).toBe(url);
    expect(filesOf(url)).toHaveLength(6);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/performances?q=포스터가' });
    const tile = (list.json().items as { id: string; posterUrl: string }[]).find((p) => p.id === id);
    expect(tile?.posterUrl).toBe(url);
    expect(await served(url)).toBe(200);
  });

  it('replacing a poster deletes the old files after the new one is saved', async () => {
    const id = await newPerformance();
    const first = (await putPoster(id, await image(901))).json().url as string;
    expect(filesOf(first)).toHaveLength(6);
    const second = (await putPoster(id, await image(902, 'jpeg'))).json().url as string;
    expect(second).not.toBe(first);
    expect(await posterOf(id)).toBe(second);
    expect(filesOf(first)).toEqual([]);
    expect(await served(first)).toBe(404);
    expect(await served(first.replace(/-640\.jpg$/, '-160.webp'))).toBe(404);
    expect(filesOf(second)).toHaveLength(6);
    // The audit log has each change once, with the poster before and after, and nothing generic.
    const { rows } = await sql<{ action: string; actor_id: string; before: unknown; after: unknown }>`
      SELECT action, actor_id, before, after FROM audit_log WHERE target_id = ${id} ORDER BY id`.execute(
      t.container.db,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'POST /admin/performances',
      'performance.poster.replace',
      'performance.poster.replace',
    ]);
    expect(rows.slice(1)).toEqual([
      {
        action: 'performance.poster.replace',
        actor_id: admin.id,
        before: { posterUrl: expect.not.stringMatching(/^\/media\//) },
        after: { posterUrl: first },
      },
      {
        action: 'performance.poster.replace',
        actor_id: admin.id,
        before: { posterUrl: first },
        after: { posterUrl: second },
      },
    ]);
  });

  it('keeps an old poster that another performance still shows', async () => {
    const a = await newPerformance();
    const b = await newPerformance();
    const shared = (await putPoster(a, await image(903))).json().url as string;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${b}`,
      headers: admin.headers,
      payload: { posterUrl: shared },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    await putPoster(a, await image(904));
    expect(filesOf(shared)).toHaveLength(6);
    expect(await posterOf(b)).toBe(shared);
  });

  it('leaves no files behind when the poster cannot be saved (no such performance)', async () => {
    await newPerformance().then(async (id) => putPoster(id, await image(899))); // the folder exists
    const before = readdirSync(path.join(dir, 'images')).sort();
    const res = await putPoster(randomUUID(), await image(905));
    expect([res.statusCode, res.json().code]).toEqual([404, 'PERFORMANCE_NOT_FOUND']);
    expect(readdirSync(path.join(dir, 'images')).sort()).toEqual(before);
  });

  it('keeps files that existed before a failed save (the same image is someone else’s too)', async () => {
    const owner = await newPerformance();
    const file = await image(906);
    const url = (await putPoster(owner, file)).json().url as string;
    const res = await putPoster(randomUUID(), file);
    expect(res.statusCode).toBe(404);
    expect(filesOf(url)).toHaveLength(6);
    expect(await served(url)).toBe(200);
  });

  it('uploading the same poster again keeps its files', async () => {
    const id = await newPerformance();
    const file = await image(907);
    const url = (await putPoster(id, file)).json().url as string;
    expect((await putPoster(id, file)).json().url).toBe(url);
    expect(filesOf(url)).toHaveLength(6);
  });

  it('DELETE goes back to the generated poster and deletes the uploaded files', async () => {
    const id = await newPerformance();
    const url = (await putPoster(id, await image(908))).json().url as string;
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/performances/${id}/poster`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(204);
    expect(await posterOf(id)).toBe(`/api/v1/posters/${id}.svg`);
    expect(filesOf(url)).toEqual([]);
  });

  it('refuses a non-image and keeps the current poster', async () => {
    const id = await newPerformance();
    const url = (await putPoster(id, await image(909))).json().url as string;
    const res = await putPoster(id, {
      bytes: Buffer.from('GIF89a not allowed'),
      filename: 'x.png',
      type: 'image/png',
    });
    expect([res.statusCode, res.json().code]).toEqual([415, 'IMAGE_TYPE_UNSUPPORTED']);
    expect(await posterOf(id)).toBe(url);
    expect(filesOf(url)).toHaveLength(6);
  });

  it('lets only admins change posters', async () => {
    const id = await newPerformance();
    const file = await image(910);
    expect((await putPoster(id, file, user.headers)).statusCode).toBe(403);
    expect((await putPoster(id, file, {})).statusCode).toBe(401);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/admin/performances/${id}/poster`,
      headers: user.headers,
    });
    expect(del.statusCode).toBe(403);
    expect(await posterOf(id)).toBe(`/api/v1/posters/${id}.svg`);
  });
});
