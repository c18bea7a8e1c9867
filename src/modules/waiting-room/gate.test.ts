import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers, type TestUser } from '../../../test/factories.ts';
import { queueKeys } from './keys.ts';
import type { QueueView } from './waiting-room.service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('admission gate (AdmissionGate port)', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const gate = () => t.container.waitingRoom.gate;
  const queued = async (sessionSeconds = 600) =>
    (
      await createShowtimeWithSeats(t.container, {
        queue: { enabled: true, admitPerSecond: 100, maxActive: 100, sessionSeconds },
      })
    ).showtimeId;

  /** Enters over HTTP, lets the ticker run until the user is admitted, returns the token. */
  const admit = async (showtimeId: string, user: TestUser): Promise<string> => {
    const url = `/api/v1/showtimes/${showtimeId}/queue`;
    await t.app.inject({ method: 'POST', url, headers: user.headers });
    for (;;) {
      await sleep(50);
      await t.container.waitingRoom.ticker.tickOnce();
      const view = (await t.app.inject({ method: 'GET', url, headers: user.headers })).json() as QueueView;
      if (view.status === 'ADMITTED') return view.admissionToken!;
    }
  };
  const rejected = (p: Promise<void>) =>
    expect(p).rejects.toMatchObject({ code: 'ADMISSION_REQUIRED', status: 403 });

  it('accepts the admitted user with their token and rejects everyone else', async () => {
    const [s1, s2] = [await queued(), await queued()];
    const [alice, bob] = await createUsers(t.container, 2);
    const token = await admit(s1, alice!);
    await admit(s2, alice!);

    await expect(
      gate().assertAdmitted({ showtimeId: s1, userId: alice!.id, token }),
    ).resolves.toBeUndefined();
    await rejected(gate().assertAdmitted({ showtimeId: s1, userId: bob!.id, token }));
    await rejected(gate().assertAdmitted({ showtimeId: s2, userId: alice!.id, token }));
    await rejected(gate().assertAdmitted({ showtimeId: s1, userId: alice!.id, token: undefined }));
    await rejected(gate().assertAdmitted({ showtimeId: s1, userId: alice!.id, token: 'garbage' }));
    // An access token is not an admission token.
    await rejected(gate().assertAdmitted({ showtimeId: s1, userId: alice!.id, token: alice!.token }));
    // Same claims, signed with another key.
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(t.container.config.JWT_SECRET));
    await rejected(gate().assertAdmitted({ showtimeId: s1, userId: alice!.id, token: forged }));
  });

  it('rejects a token after expiry', async () => {
    // Token expiry has whole-second resolution: a 3 s session leaves the token at least 2 s of life,
    // room for the first check on a busy machine.
    const showtimeId = await queued(3);
    const [user] = await createUsers(t.container, 1);
    const token = await admit(showtimeId, user!);
    await expect(gate().assertAdmitted({ showtimeId, userId: user!.id, token })).resolves.toBeUndefined();
    await sleep(3_100);
    await rejected(gate().assertAdmitted({ showtimeId, userId: user!.id, token }));
  });

  it('rejects a revoked token (released or left), also after the user is admitted again', async () => {
    const showtimeId = await queued();
    const [user, other] = await createUsers(t.container, 2);
    const first = await admit(showtimeId, user!);
    await gate().release(showtimeId, user!.id);
    await rejected(gate().assertAdmitted({ showtimeId, userId: user!.id, token: first }));

    const second = await admit(showtimeId, user!);
    expect(second).not.toBe(first);
    await rejected(gate().assertAdmitted({ showtimeId, userId: user!.id, token: first }));
    await expect(
      gate().assertAdmitted({ showtimeId, userId: user!.id, token: second }),
    ).resolves.toBeUndefined();

    const third = await admit(showtimeId, other!);
    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/showtimes/${showtimeId}/queue`,
      headers: other!.headers,
    });
    expect(left.statusCode).toBe(204);
    await rejected(gate().assertAdmitted({ showtimeId, userId: other!.id, token: third }));
  });

  it('fails safe when Redis loses the queue: tokens stop passing, entering again works', async () => {
    const showtimeId = await queued();
    const [admitted, waiting] = await createUsers(t.container, 2);
    const token = await admit(showtimeId, admitted!);
    const url = `/api/v1/showtimes/${showtimeId}/queue`;
    await t.app.inject({ method: 'POST', url, headers: waiting!.headers });

    const k = queueKeys(showtimeId);
    await t.container.redis.del(k.waiting, k.active, k.sessions, k.meta, k.seq);

    await rejected(gate().assertAdmitted({ showtimeId, userId: admitted!.id, token }));
    // The instance learns it at its serving counter's next snapshot (every 250 ms): until then a poll
    // may still be answered from the counter (docs/waiting-room.md, "Redis loses the data").
    const poll = () => t.app.inject({ method: 'GET', url, headers: waiting!.headers });
    let lost = await poll();
    for (let i = 0; i < 20 && lost.statusCode === 200; i++) {
      await sleep(100);
      lost = await poll();
    }
    expect(lost.statusCode).toBe(404);
    expect(lost.json().code).toBe('NOT_IN_QUEUE');
    const again = await t.app.inject({ method: 'POST', url, headers: waiting!.headers });
    expect(again.json()).toMatchObject({ status: 'WAITING', position: 1 });
    const readmitted = await admit(showtimeId, admitted!);
    await rejected(gate().assertAdmitted({ showtimeId, userId: admitted!.id, token }));
    await expect(
      gate().assertAdmitted({ showtimeId, userId: admitted!.id, token: readmitted }),
    ).resolves.toBeUndefined();
  });

  // Points REDIS_URL at a closed port, which a Cluster client (REDIS_CLUSTER_NODES) does not use.
  it.skipIf(Boolean(process.env.REDIS_CLUSTER_NODES))(
    'fails closed with 503 when Redis is unreachable',
    async () => {
      const showtimeId = await queued();
      const [user] = await createUsers(t.container, 1);
      const token = await admit(showtimeId, user!);
      const cut = await createTestApp(t.env, { REDIS_URL: 'redis://127.0.0.1:1' });
      try {
        const res = await cut.app.inject({
          method: 'POST',
          url: `/api/v1/showtimes/${showtimeId}/queue`,
          headers: user!.headers,
        });
        expect(res.statusCode).toBe(503);
        expect(res.json().code).toBe('SERVICE_UNAVAILABLE');
        await expect(
          cut.container.waitingRoom.gate.assertAdmitted({ showtimeId, userId: user!.id, token }),
        ).rejects.toMatchObject({ status: 503 });
      } finally {
        await cut.close();
      }
    },
  );

  it('judges the token alone: checkout asks only for queued showtimes (its own facts decide)', async () => {
    // The gate reads no queue settings, so a missing token is refused without a store call; a
    // showtime without a waiting room is let through by checkout, which does not ask
    // (booking/admission.test.ts: "A showtime without a queue needs no token").
    const { showtimeId } = await createShowtimeWithSeats(t.container);
    const [user] = await createUsers(t.container, 1);
    await rejected(gate().assertAdmitted({ showtimeId, userId: user!.id, token: undefined }));
  });
});
