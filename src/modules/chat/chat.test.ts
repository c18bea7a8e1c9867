import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTestClient } from '../../../test/chat-client.ts';
import { ManualClock } from '../../../test/clock.ts';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import { makeImage } from '../../../test/images.ts';
import { waitFor } from '../../../test/processes.ts';
import { CHAT_CLOSE } from './index.ts';

const ORIGIN = 'http://localhost:3000';

/**
 * Two API instances over one database and one Redis prefix (as behind the load balancer), real
 * WebSocket clients on real ports.
 */
describe('fan chat', { timeout: 60_000 }, () => {
  let env: TestEnv;
  let a: TestApp;
  let b: TestApp;
  let small: TestApp;
  const clock = new ManualClock();
  const urls: Record<'a' | 'b' | 'small', string> = { a: '', b: '', small: '' };
  let performanceId: string;
  let admin: TestUser;
  const open: ChatTestClient[] = [];

  const listen = async (t: TestApp): Promise<string> => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    return `127.0.0.1:${address.port}`;
  };
  const ws = (on: 'a' | 'b' | 'small', perf = performanceId) =>
    `ws://${urls[on]}/api/v1/performances/${perf}/chat`;
  const join = async (on: 'a' | 'b' | 'small', user: TestUser, perf = performanceId) => {
    const c = await ChatTestClient.join(ws(on, perf), user.token);
    open.push(c);
    return c;
  };
  const say = (c: ChatTestClient, text: string, clientId = `c-${Math.random().toString(36).slice(2)}`) => {
    c.send({ type: 'message', text, clientId });
    return clientId;
  };

  beforeAll(async () => {
    env = await createTestEnv({
      UPLOADS_DIR: mkdtempSync(path.join(tmpdir(), 'chat-uploads-')),
      CHAT_PRESENCE_INTERVAL_MS: '200',
      CHAT_ACTIVITY_DELAY_MS: '150',
      CHAT_RATE_LIMIT_MESSAGES: '30',
      CHAT_RATE_LIMIT_WINDOW_SECONDS: '60',
      CHAT_MAX_BUFFERED_BYTES: String(64 * 1024),
      CHAT_AUTH_TIMEOUT_MS: '500',
      CORS_ORIGINS: ORIGIN,
    });
    [a, b, small] = await Promise.all([
      createTestApp(env, {}, 'api', { clock }),
      createTestApp(env, {}, 'api', { clock }),
      createTestApp(env, { CHAT_MAX_CONNECTIONS_PER_INSTANCE: '2', CHAT_HEARTBEAT_MS: '200' }, 'api', {
        clock,
      }),
    ]);
    urls.a = await listen(a);
    urls.b = await listen(b);
    urls.small = await listen(small);
    performanceId = (await createShowtimeWithSeats(a.container, { rows: 1, seatsPerRow: 1 })).performanceId;
    admin = await createUser(a.container, { role: 'ADMIN', nickname: '운영자' });
  });
  afterAll(async () => {
    for (const c of open) c.close();
    for (const t of [a, b, small]) await t?.close();
    await env?.drop();
  });

  it('a message sent on one instance reaches clients on both, in order, its own sender included', async () => {
    const [u1, u2] = [
      await createUser(a.container, { nickname: '하나' }),
      await createUser(a.container, { nickname: '둘' }),
    ];
    const onA = await join('a', u1);
    const onB = await join('b', u2);
    const sent = Array.from({ length: 10 }, (_, i) => say(i % 2 ? onB : onA, `메시지 ${i}`));
    for (const c of [onA, onB]) {
      await waitFor(
        'all ten',
        async () => c.messages().filter((m) => sent.includes(m.clientId)).length === 10,
      );
    }
    const idsA = onA
      .messages()
      .filter((m) => sent.includes(m.clientId))
      .map((m) => m.id);
    const idsB = onB
      .messages()
      .filter((m) => sent.includes(m.clientId))
      .map((m) => m.id);
    expect(idsA).toEqual([...idsA].sort((x, y) => x - y));
    expect(idsB).toEqual(idsA);
    const first = onB.messages().find((m) => m.clientId === sent[0])!;
    expect(first).toMatchObject({ text: '메시지 0', author: { id: u1.id, nickname: '하나' } });
    // History: newest last, the same ids.
    const history = await a.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${performanceId}/chat/messages?limit=10`,
      headers: u1.headers,
    });
    expect(history.json<{ items: { id: number }[] }>().items.map((m) => m.id)).toEqual(idsA);
  });

  it('messages published out of order by two instances are still delivered in order', async () => {
    const u = await createUser(a.container);
    const c = await join('b', u);
    // Store two messages without publishing them, then publish the later one first.
    const svc = a.container.chat.service;
    const before = c.messages().length;
    const m1 = await a.container.db.transaction().execute(async (tx) => {
      const { ChatRepository } = await import('./chat.repository.ts');
      const repo = new ChatRepository();
      const x = (await repo.insertMessage(tx, {
        performanceId,
        authorId: u.id,
        clientId: 'ooo-1',
        text: '첫째',
        imageUrl: null,
        at: clock.now(),
      }))!;
      const y = (await repo.insertMessage(tx, {
        performanceId,
        authorId: u.id,
        clientId: 'ooo-2',
        text: '둘째',
        imageUrl: null,
        at: clock.now(),
      }))!;
      return [x, y];
    });
    const frames = await svc.bySeq(performanceId, m1[0]!.seq, m1[1]!.seq);
    await a.container.chat.hub.publishMessage(performanceId, frames[1]!.seq, frames[1]!.frame!);
    await a.container.chat.hub.publishMessage(performanceId, frames[0]!.seq, frames[0]!.frame!);
    await waitFor('both', async () => c.messages().length >= before + 2);
    expect(
      c
        .messages()
        .slice(before)
        .map((m) => m.text),
    ).toEqual(['첫째', '둘째']);
    // A message never published at all is read from PostgreSQL when the next one shows the gap.
    const [lost] = await a.container.db.transaction().execute(async (tx) => {
      const { ChatRepository } = await import('./chat.repository.ts');
      return [
        (await new ChatRepository().insertMessage(tx, {
          performanceId,
          authorId: u.id,
          clientId: 'lost-1',
          text: '잃어버린',
          imageUrl: null,
          at: clock.now(),
        }))!,
      ];
    });
    say(c, '다음');
    await waitFor('the lost one and the next', async () => c.messages().some((m) => m.text === '다음'));
    const texts = c.messages().map((m) => m.text);
    expect(texts.indexOf('잃어버린')).toBeGreaterThan(-1);
    expect(texts.indexOf('잃어버린')).toBeLessThan(texts.indexOf('다음'));
    expect(lost!.id).toBeGreaterThan(m1[1]!.id);
  });

  it('a client that reconnects and resumes gets every message it missed, once, then live ones', async () => {
    const [reader, writer] = [await createUser(a.container), await createUser(a.container)];
    const w = await join('a', writer);
    const first = await join('b', reader);
    say(w, '끊기 전');
    await waitFor('before', async () => first.messages().some((m) => m.text === '끊기 전'));
    const lastSeen = Math.max(...first.messageIds());
    first.close();
    await first.closed;
    const missed = Array.from({ length: 5 }, (_, i) => say(w, `끊긴 동안 ${i}`));
    await waitFor('stored', async () => w.messages().filter((m) => missed.includes(m.clientId)).length === 5);
    // Back on the other instance, resuming while more messages arrive.
    const again = await ChatTestClient.join(ws('a'), reader.token, lastSeen);
    open.push(again);
    const live = Array.from({ length: 5 }, (_, i) => say(w, `다시 온 뒤 ${i}`));
    await waitFor('all', async () => again.messages().filter((m) => live.includes(m.clientId)).length === 5);
    const ids = again.messageIds().filter((id) => id > lastSeen);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = w.messageIds().filter((id) => id > lastSeen);
    expect([...ids].sort((x, y) => x - y)).toEqual(expected);
    expect(
      again
        .messages()
        .filter((m) => missed.includes(m.clientId))
        .map((m) => m.clientId),
    ).toEqual(missed);
  });

  it('a resent clientId answers the stored message instead of storing a second one', async () => {
    const u = await createUser(a.container);
    const c = await join('a', u);
    say(c, '한 번만', 'same-client-id');
    await waitFor('stored', async () => c.messages().some((m) => m.clientId === 'same-client-id'));
    say(c, '한 번만', 'same-client-id');
    await waitFor(
      'answered again',
      async () => c.messages().filter((m) => m.clientId === 'same-client-id').length === 2,
    );
    const [x, y] = c.messages().filter((m) => m.clientId === 'same-client-id');
    expect(y!.id).toBe(x!.id);
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM chat_messages WHERE author_id = ${u.id}`.execute(a.container.db);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('an admin deletes a message: it disappears live on both instances and from history', async () => {
    const [u1, u2] = [await createUser(a.container), await createUser(a.container)];
    const onA = await join('a', u1);
    const onB = await join('b', u2);
    say(onA, '지워질 말');
    const m = await onB.waitFor((f) => f.type === 'message' && f.text === '지워질 말');
    const res = await b.app.inject({
      method: 'POST',
      url: `/api/v1/admin/chat/messages/${m.id as number}/delete`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(204);
    for (const c of [onA, onB]) await c.waitFor((f) => f.type === 'deleted' && f.id === m.id);
    const history = await a.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${performanceId}/chat/messages?limit=100`,
      headers: u1.headers,
    });
    expect(history.json<{ items: { id: number }[] }>().items.map((i) => i.id)).not.toContain(m.id);
    const byUser = await a.app.inject({
      method: 'POST',
      url: `/api/v1/admin/chat/messages/${m.id as number}/delete`,
      headers: u1.headers,
    });
    expect(byUser.statusCode).toBe(403);
    // Reports: once per user; a deleted message is gone.
    say(onA, '신고될 말');
    const r = await onB.waitFor((f) => f.type === 'message' && f.text === '신고될 말');
    const report = () =>
      a.app.inject({
        method: 'POST',
        url: `/api/v1/chat/messages/${r.id as number}/reports`,
        headers: u2.headers,
      });
    expect((await report()).statusCode).toBe(204);
    expect((await report()).json()).toMatchObject({ code: 'CHAT_ALREADY_REPORTED' });
    const gone = await a.app.inject({
      method: 'POST',
      url: `/api/v1/chat/messages/${m.id as number}/reports`,
      headers: u2.headers,
    });
    expect(gone.json()).toMatchObject({ code: 'CHAT_MESSAGE_NOT_FOUND' });
  });

  it('a muted user gets CHAT_MUTED until the mute ends', async () => {
    const u = await createUser(a.container);
    const c = await join('b', u);
    const res = await a.app.inject({
      method: 'POST',
      url: '/api/v1/admin/chat/mutes',
      headers: admin.headers,
      payload: { performanceId, userId: u.id, minutes: 10 },
    });
    expect(res.statusCode).toBe(200);
    const muted = say(c, '조용히 못 해');
    const err = await c.waitFor((f) => f.type === 'error' && f.clientId === muted);
    expect(err).toMatchObject({ code: 'CHAT_MUTED' });
    expect(c.messages().some((m) => m.clientId === muted)).toBe(false);
    clock.advance(11 * 60_000);
    const after = say(c, '이제 말할 수 있다');
    await c.waitFor((f) => f.type === 'message' && f.clientId === after);
  });

  it('a user over the message rate gets CHAT_RATE_LIMITED with retryAfterSeconds', async () => {
    const u = await createUser(a.container);
    const c = await join('a', u);
    const ids = Array.from({ length: 32 }, (_, i) => say(c, `빠르게 ${i}`));
    const err = await c.waitFor((f) => f.type === 'error' && f.code === 'CHAT_RATE_LIMITED');
    expect(Number(err.retryAfterSeconds)).toBeGreaterThan(0);
    await waitFor(
      'answers',
      async () => c.frames.filter((f) => ids.includes(f.clientId as string)).length === 32,
    );
    expect(c.messages().filter((m) => ids.includes(m.clientId)).length).toBe(30);
  });

  it('frames are checked: text over 500 characters and foreign image links are refused; an uploaded image is accepted', async () => {
    const u = await createUser(a.container);
    const c = await join('a', u);
    c.send({ type: 'message', text: '가'.repeat(501), clientId: 'too-long' });
    await c.waitFor((f) => f.type === 'error' && f.code === 'VALIDATION_FAILED');
    c.send({ type: 'message', text: '', clientId: 'foreign', imageUrl: 'https://evil.example/x.jpg' });
    await c.waitFor((f) => f.type === 'error' && f.code === 'CHAT_IMAGE_INVALID' && f.clientId === 'foreign');
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(await makeImage('png', { width: 600, height: 400 }))]),
      'x.png',
    );
    const upload = await fetch(`http://${urls.a}/api/v1/uploads/images`, {
      method: 'POST',
      headers: u.headers,
      body: form,
    });
    expect(upload.status).toBe(201);
    const { url } = (await upload.json()) as { url: string };
    c.send({ type: 'message', text: '사진', clientId: 'with-image', imageUrl: url });
    const m = await c.waitFor((f) => f.type === 'message' && f.clientId === 'with-image');
    expect(m.imageUrl).toBe(url);
    const anonymous = await fetch(`http://${urls.a}/api/v1/uploads/images`, { method: 'POST', body: form });
    expect(anonymous.status).toBe(401);
  });

  it('bad auth, no auth and a foreign origin are refused with their close codes', async () => {
    const bad = await ChatTestClient.connect(ws('a'));
    bad.send({ type: 'auth', token: 'not-a-token' });
    expect((await bad.closed).code).toBe(CHAT_CLOSE.UNAUTHORIZED);
    const notAuth = await ChatTestClient.connect(ws('a'));
    notAuth.send({ type: 'message', text: 'hi', clientId: 'x' });
    expect((await notAuth.closed).code).toBe(CHAT_CLOSE.UNAUTHORIZED);
    const silent = await ChatTestClient.connect(ws('a'));
    expect((await silent.closed).code).toBe(CHAT_CLOSE.AUTH_TIMEOUT);
    const u = await createUser(a.container);
    const missing = await ChatTestClient.connect(ws('a', '00000000-0000-4000-8000-000000000000'));
    missing.send({ type: 'auth', token: u.token });
    expect((await missing.closed).code).toBe(CHAT_CLOSE.NOT_FOUND);
    await expect(ChatTestClient.connect(ws('a'), { origin: 'https://evil.example' })).rejects.toThrow(
      'HTTP 403',
    );
    const ours = await ChatTestClient.connect(ws('a'), { origin: ORIGIN });
    ours.close();
    // Garbage frames: each answered, then the socket is closed.
    const noisy = await join('a', u);
    for (let i = 0; i < 7; i++) noisy.ws.send('{nope');
    expect((await noisy.closed).code).toBe(CHAT_CLOSE.BAD_FRAMES);
    expect(noisy.frames.filter((f) => f.code === 'VALIDATION_FAILED').length).toBeGreaterThan(0);
    // A plain GET is told to upgrade.
    const plain = await a.app.inject({ method: 'GET', url: `/api/v1/performances/${performanceId}/chat` });
    expect(plain.statusCode).toBe(426);
    expect(plain.json()).toMatchObject({ code: 'WEBSOCKET_REQUIRED' });
  });

  it('past the per-instance cap a socket is closed with 1013', async () => {
    const u = await createUser(small.container);
    const c1 = await join('small', u);
    const c2 = await join('small', u);
    const third = await ChatTestClient.connect(ws('small'));
    expect((await third.closed).code).toBe(CHAT_CLOSE.INSTANCE_FULL);
    c1.close();
    c2.close();
    await waitFor('freed', async () => small.container.chat.sockets.size === 0);
  });

  it('a client that stops reading is dropped and what waits for it stays bounded', async () => {
    const u = await createUser(a.container);
    const perf = (await createShowtimeWithSeats(a.container, { rows: 1, seatsPerRow: 1 })).performanceId;
    // 3,000 stored messages of 1.5 kB each (4.5 MB): more than any socket buffer holds.
    await sql`
      INSERT INTO chat_rooms (performance_id, last_seq) VALUES (${perf}, 3000)`.execute(a.container.db);
    await sql`
      INSERT INTO chat_messages (performance_id, seq, author_id, client_id, text, created_at)
      SELECT ${perf}, s, ${u.id}, 'bulk-' || s, repeat('가', 500), now()
      FROM generate_series(1, 3000) s`.execute(a.container.db);
    const slow = await join('a', u, perf);
    const conn = a.container.chat.sockets.connections().find((c) => c.performanceId === perf)!;
    expect(conn.isOpen).toBe(true);
    slow.stopReading();
    slow.send({ type: 'resume', afterId: 0 });
    await waitFor('dropped', async () => a.container.chat.hub.sinkCount(perf) === 0, 20_000);
    expect(conn.isOpen).toBe(false);
    expect(a.container.chat.sockets.connections()).not.toContain(conn);
    // Every send looked at the backlog first: it never grew past the bound by more than one frame.
    const bound = a.container.config.CHAT_MAX_BUFFERED_BYTES;
    expect(conn.maxBuffered).toBeGreaterThan(bound);
    expect(conn.maxBuffered).toBeLessThanOrEqual(bound + 4 * 1024);
    slow.resumeReading();
    // 4008 when the close frame got through behind the backlog, 1006 when the grace ran out first.
    expect([CHAT_CLOSE.TOO_SLOW, 1006]).toContain((await slow.closed).code);
  });

  it('presence counts users across instances; the members list marks who is online', async () => {
    const perf = (await createShowtimeWithSeats(a.container, { rows: 1, seatsPerRow: 1 })).performanceId;
    const [x, y, z] = [
      await createUser(a.container, { nickname: '엑스' }),
      await createUser(a.container),
      await createUser(a.container),
    ];
    for (const u of [x, y, z]) {
      const put = await a.app.inject({
        method: 'PUT',
        url: `/api/v1/performances/${perf}/chat/membership`,
        headers: u.headers,
      });
      expect(put.json()).toEqual({ member: true });
    }
    const onA = await join('a', x, perf);
    await join('b', y, perf);
    await onA.waitFor((f) => f.type === 'presence' && f.online === 2);
    const members = await a.app.inject({
      method: 'GET',
      url: `/api/v1/performances/${perf}/chat/members`,
      headers: z.headers,
    });
    const body = members.json<{
      items: { id: string; online: boolean; nickname: string }[];
      total: number;
      online: number;
      member: boolean;
    }>();
    expect(body.total).toBe(3);
    expect(body.online).toBe(2);
    expect(body.member).toBe(true);
    expect(
      body.items
        .filter((i) => i.online)
        .map((i) => i.id)
        .sort(),
    ).toEqual([x.id, y.id].sort());
    expect(body.items.find((i) => i.id === x.id)?.nickname).toBe('엑스');
  });

  it('a member who is away gets one CHAT_ACTIVITY per away period', async () => {
    const perf = (await createShowtimeWithSeats(a.container, { rows: 1, seatsPerRow: 1 })).performanceId;
    const [away, here, writer] = [
      await createUser(a.container),
      await createUser(a.container),
      await createUser(a.container),
    ];
    for (const u of [away, here]) {
      await a.app.inject({
        method: 'PUT',
        url: `/api/v1/performances/${perf}/chat/membership`,
        headers: u.headers,
      });
    }
    await join('b', here, perf);
    const w = await join('a', writer, perf);
    await waitFor('both online', async () => (await a.container.chat.hub.onlineUsers(perf)).size === 2);
    const count = async (userId: string) =>
      Number(
        (
          await sql<{ n: string }>`
            SELECT count(*) AS n FROM notifications WHERE user_id = ${userId} AND type = 'CHAT_ACTIVITY'`.execute(
            a.container.db,
          )
        ).rows[0]!.n,
      );
    clock.advance(1_000);
    for (let i = 0; i < 3; i++) say(w, `소식 ${i}`);
    await waitFor('notified', async () => (await count(away.id)) === 1);
    clock.advance(1_000);
    say(w, '또 소식');
    await new Promise((r) => setTimeout(r, 600));
    expect(await count(away.id)).toBe(1);
    expect(await count(here.id)).toBe(0);
    expect(await count(writer.id)).toBe(0);
    // They come back and leave again: a new away period, a new notification for new messages.
    clock.advance(1_000);
    const back = await join('a', away, perf);
    await waitFor('seen', async () => (await a.container.chat.hub.onlineUsers(perf)).has(away.id));
    clock.advance(1_000);
    back.close();
    await waitFor('gone', async () => !(await a.container.chat.hub.onlineUsers(perf)).has(away.id));
    await new Promise((r) => setTimeout(r, 100));
    clock.advance(1_000);
    say(w, '떠난 뒤 소식');
    await waitFor('notified again', async () => (await count(away.id)) === 2);
  });

  it('the heartbeat drops a socket that stops answering pings and keeps one that answers', async () => {
    const u = await createUser(small.container);
    const alive = await join('small', u);
    const dead = await join('small', u);
    dead.stopReading();
    await waitFor('dropped', async () => small.container.chat.sockets.size === 1, 5_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(small.container.chat.sockets.size).toBe(1);
    alive.send({ type: 'ping' });
    await alive.waitFor((f) => f.type === 'pong');
    dead.resumeReading();
    expect((await dead.closed).code).toBe(1006);
  });

  it('shutting an instance down tells its sockets 1001 and the process closes cleanly', async () => {
    const u = await createUser(small.container);
    const c = await join('small', u);
    await small.app.close();
    expect((await c.closed).code).toBe(CHAT_CLOSE.SHUTDOWN);
  });
});
