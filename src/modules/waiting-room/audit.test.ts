import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUsers } from '../../../test/factories.ts';
import {
  fetchAudit,
  KNOWN_ALGORITHM,
  verifyDraw,
  type AuditData,
  type AuditEntry,
} from '../../../web/src/lib/queue-verify.ts';
import { DRAW_ALGORITHM, DrawSeeds, QueueDraw, type DrawList } from './draw.ts';
import type { QueueView } from './waiting-room.service.ts';

/** The public audit of the draw, checked by the verifier anyone can run (web/src/lib/queue-verify.ts). */
describe('verifiable draw: commitment, reveal, list and the independent verifier', () => {
  let t: TestApp & { env: TestEnv };
  /** A second API instance on the same stores. */
  let other: TestApp;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    t = await setupTestApp();
    other = await createTestApp(t.env);
    apps.push(other);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await t.close();
  });

  const url = (showtimeId: string) => `/api/v1/showtimes/${showtimeId}/queue`;
  /** `fetch` over an instance's inject, so the verifier reads exactly what a client would. */
  const fetchVia =
    (app: TestApp): typeof fetch =>
    async (input) => {
      const res = await app.app.inject({ method: 'GET', url: String(input).replace('http://test', '') });
      return new Response(res.body, {
        status: res.statusCode,
        headers: { 'content-type': 'application/json' },
      });
    };
  const readAudit = (app: TestApp, showtimeId: string) =>
    fetchAudit('http://test/api/v1', showtimeId, fetchVia(app));

  it('publishes the rules the verifier knows', () => {
    expect(DRAW_ALGORITHM).toBe(KNOWN_ALGORITHM);
  });

  it('commits before the draw, reveals after it; the verifier accepts the honest draw on either instance', async () => {
    const salesOpenAt = new Date(Date.now() + 3_600_000);
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      salesOpenAt,
      queue: { enabled: true, admitPerSecond: 1, maxActive: 1000, opensBeforeMinutes: 120 },
    });
    const users = await createUsers(t.container, 25);
    const views = new Map<string, QueueView>();
    for (const u of users) {
      const res = await t.app.inject({ method: 'POST', url: url(showtimeId), headers: u.headers });
      views.set(u.id, res.json() as QueueView);
    }
    // Before the draw: the commitment, the same on both instances; no seed, no list.
    const before = (
      await other.app.inject({ method: 'GET', url: `${url(showtimeId)}/audit` })
    ).json() as AuditData;
    expect(before).toMatchObject({ earlyEntrants: 25, drawnAt: null, entriesDigest: null });
    expect(before.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(before).not.toHaveProperty('seed');
    const beforeA = (
      await t.app.inject({ method: 'GET', url: `${url(showtimeId)}/audit` })
    ).json() as AuditData;
    expect(beforeA.commitment).toBe(before.commitment);
    expect((await verifyDraw(before, [])).pending).toBe(true);
    // Each buyer's status carries their public entry id, stable across instances and re-entries.
    const first = users[0]!;
    const again = (
      await other.app.inject({ method: 'GET', url: url(showtimeId), headers: first.headers })
    ).json();
    expect(again.entryId).toMatch(/^[0-9a-f]{32}$/);
    expect(again.entryId).toBe(views.get(first.id)!.entryId);

    // The draw, performed by the other instance's ticker.
    await sql`UPDATE showtimes SET sales_open_at = now() - interval '1 second' WHERE id = ${showtimeId}`.execute(
      t.container.db,
    );
    const opened = await createTestApp(t.env);
    apps.push(opened);
    await opened.container.waitingRoom.ticker.tickOnce();

    const a = await readAudit(t, showtimeId);
    const b = await readAudit(opened, showtimeId);
    // The same answer from both instances (drawAt aside: this test moved the open under the first
    // instance's 2-second settings cache).
    expect({ ...b, audit: { ...b.audit, drawAt: '' } }).toEqual({ ...a, audit: { ...a.audit, drawAt: '' } });
    expect(a.audit.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(a.audit.commitment).toBe(before.commitment);
    expect(a.entries).toHaveLength(25);
    const verdict = await verifyDraw(a.audit, a.entries);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.ok).toBe(true);

    // The recomputed order is the order of the line: sorted by verified place, positions ascend
    // (the admitted, if any, come first).
    const byPlace = users
      .map((u) => ({ u, place: verdict.places.get(views.get(u.id)!.entryId)! }))
      .sort((x, y) => x.place - y.place);
    const positions: number[] = [];
    for (const { u } of byPlace) {
      const v = (await opened.app.inject({ method: 'GET', url: url(showtimeId), headers: u.headers })).json();
      positions.push(v.status === 'ADMITTED' ? 0 : v.position);
    }
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions.filter((p) => p > 0)).size).toBe(positions.filter((p) => p > 0).length);

    // Tampering is caught: a changed seed, a reordered list, a missing entrant, a moved place.
    const honest = a;
    const flip = (h: string) => (h[0] === '0' ? '1' : '0') + h.slice(1);
    const changedSeed = await verifyDraw({ ...honest.audit, seed: flip(honest.audit.seed!) }, honest.entries);
    expect(changedSeed.ok).toBe(false);
    expect(failed(changedSeed.checks)).toContain('COMMITMENT');
    const reordered: AuditEntry[] = [honest.entries[1]!, honest.entries[0]!, ...honest.entries.slice(2)];
    const swapped = await verifyDraw(honest.audit, reordered);
    expect(swapped.ok).toBe(false);
    expect(failed(swapped.checks)).toContain('DIGEST');
    const missing = await verifyDraw(honest.audit, honest.entries.slice(1));
    expect(missing.ok).toBe(false);
    expect(failed(missing.checks)).toEqual(expect.arrayContaining(['COUNT', 'DIGEST']));
    const moved = honest.entries.map((e) => ({
      ...e,
      position: e.position === 1 ? 2 : e.position === 2 ? 1 : e.position,
    }));
    expect(failed((await verifyDraw(honest.audit, moved)).checks)).toEqual(['ORDER']);
    // And a seed that matches a forged commitment still fails on the order it would give.
    const otherSeed = 'ab'.repeat(32);
    const forged = { ...honest.audit, seed: otherSeed, commitment: await sha(otherSeed) };
    expect(failed((await verifyDraw(forged, honest.entries)).checks)).toEqual(['ORDER']);
  });

  it('a drawer that stopped between the apply and the record: the next audit publishes the applied draw', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      salesOpenAt: new Date(Date.now() + 3_600_000),
      queue: { enabled: true, admitPerSecond: 1, maxActive: 1000, opensBeforeMinutes: 120 },
    });
    const users = await createUsers(t.container, 6);
    for (const u of users) await t.app.inject({ method: 'POST', url: url(showtimeId), headers: u.headers });
    await sql`UPDATE showtimes SET sales_open_at = now() - interval '1 second' WHERE id = ${showtimeId}`.execute(
      t.container.db,
    );
    // The real draw on the real stores, whose process stops right after the apply.
    class StoppedAfterApply extends DrawSeeds {
      override async markDrawn(_showtimeId: string, _list: DrawList): Promise<void> {
        throw new Error('the worker stopped here');
      }
    }
    const wr = t.container.waitingRoom;
    const stopped = new QueueDraw(wr.repository, new StoppedAfterApply(t.container.db), wr.entryIds);
    await expect(stopped.run(showtimeId, Date.now() - 1_000)).rejects.toThrow('the worker stopped here');
    const stored = await sql<{ drawn_at: Date | null; entry_ids: string[] | null }>`
      SELECT drawn_at, entry_ids FROM queue_draws WHERE showtime_id = ${showtimeId}`.execute(t.container.db);
    expect(stored.rows[0]).toMatchObject({ drawn_at: null });
    expect(stored.rows[0]!.entry_ids).toHaveLength(6);
    expect((await wr.repository.drawState(showtimeId)).drawn).toBe(true);

    // Anyone asking for the audit (here the other instance) publishes it, and it verifies.
    const { audit, entries } = await readAudit(other, showtimeId);
    expect(audit.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(entries).toHaveLength(6);
    const verdict = await verifyDraw(audit, entries);
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    // The published order is the line's: each buyer's position follows their verified place.
    const byPlace = await Promise.all(
      users.map(async (u) => {
        const v = (await t.app.inject({ method: 'GET', url: url(showtimeId), headers: u.headers })).json();
        return { place: verdict.places.get(v.entryId)!, position: v.position as number };
      }),
    );
    byPlace.sort((x, y) => x.place - y.place);
    expect(byPlace.map((x) => x.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('pages the list; with nobody early the seed is published a minute after the open', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      salesOpenAt: new Date(Date.now() - 120_000),
      queue: { enabled: true },
    });
    const audit = (
      await t.app.inject({ method: 'GET', url: `${url(showtimeId)}/audit` })
    ).json() as AuditData;
    expect(audit).toMatchObject({ earlyEntrants: 0, entriesDigest: await sha256Text('') });
    expect((await verifyDraw(audit, [])).ok).toBe(true);
    const page = await t.app.inject({ method: 'GET', url: `${url(showtimeId)}/audit/entries?size=10001` });
    expect(page.statusCode).toBe(400);
    const none = await createShowtimeWithSeats(t.container, { queue: { enabled: false } });
    const noQueue = await t.app.inject({ method: 'GET', url: `${url(none.showtimeId)}/audit` });
    expect(noQueue.json()).toMatchObject({ code: 'QUEUE_NOT_ENABLED' });
  });

  it('publishes no commitment before the room opens', async () => {
    const { showtimeId } = await createShowtimeWithSeats(t.container, {
      salesOpenAt: new Date(Date.now() + 5 * 3_600_000),
      queue: { enabled: true, opensBeforeMinutes: 30 },
    });
    const audit = (await t.app.inject({ method: 'GET', url: `${url(showtimeId)}/audit` })).json();
    expect(audit).toMatchObject({ commitment: null, drawnAt: null, earlyEntrants: 0 });
  });
});

const failed = (checks: { id: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.id);

async function sha256Text(s: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return Buffer.from(buf).toString('hex');
}

async function sha(seedHex: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', Buffer.from(seedHex, 'hex'));
  return Buffer.from(buf).toString('hex');
}
