import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { CouponStock, type StockSnapshot } from './coupons.stock.ts';

/** The Redis scripts on their own, on the real Redis: the rules the rush tests rely on. */
describe('coupon stock scripts', () => {
  let t: TestApp & { env: TestEnv };
  let stock: CouponStock;
  beforeAll(async () => {
    t = await setupTestApp();
    stock = new CouponStock(t.container.redis);
  });
  afterAll(() => t.close());

  const open = (over: Partial<StockSnapshot> = {}): StockSnapshot => ({
    stock: 4,
    issueStartsAt: new Date(Date.now() - 60_000),
    issueEndsAt: new Date(Date.now() + 60_000),
    shardRemaining: [2, 2],
    holders: [],
    ...over,
  });

  async function build(couponId: string, snap: StockSnapshot): Promise<void> {
    const token = (await stock.lockRebuild(couponId, 5_000))!;
    expect(await stock.writeSnapshot(couponId, token, snap)).toBe('OK');
    await stock.unlockRebuild(couponId, token);
  }

  const state = (id: string) => t.container.redis.hgetall(CouponStock.keys(id).state);
  const users = (id: string) => t.container.redis.hgetall(CouponStock.keys(id).users);

  it('takes places round robin across shards, then says SOLD_OUT', async () => {
    const id = randomUUID();
    await build(id, open());
    const wins = [];
    for (let i = 0; i < 4; i++) wins.push(await stock.tryIssue(id, `u${i}`));
    expect(wins.map((w) => w.kind)).toEqual(['WON', 'WON', 'WON', 'WON']);
    expect(new Set(wins.map((w) => (w.kind === 'WON' ? w.shard : -1)))).toEqual(new Set([0, 1]));
    expect((await stock.tryIssue(id, 'u9')).kind).toBe('SOLD_OUT');
    expect((await stock.tryIssue(id, 'u0')).kind).toBe('ALREADY_ISSUED');
    expect(await state(id)).toMatchObject({ remaining: '0', s0: '0', s1: '0' });
  });

  it('answers NOT_ISSUABLE outside the window and MISSING without a state', async () => {
    const id = randomUUID();
    expect((await stock.tryIssue(id, 'u')).kind).toBe('MISSING');
    await build(
      id,
      open({ issueStartsAt: new Date(Date.now() + 60_000), issueEndsAt: new Date(Date.now() + 120_000) }),
    );
    expect((await stock.tryIssue(id, 'u')).kind).toBe('NOT_ISSUABLE');
  });

  it('gives a place back only in the state that granted it', async () => {
    const id = randomUUID();
    await build(id, open());
    const win = await stock.tryIssue(id, 'a');
    if (win.kind !== 'WON') throw new Error('expected a win');
    // The state is lost and rebuilt from PostgreSQL (which never saw "a"): the old epoch owes nothing.
    await t.container.redis.del(CouponStock.keys(id).state, CouponStock.keys(id).users);
    await build(id, open());
    await stock.compensate(id, 'a', win.epoch, win.shard);
    expect(await state(id)).toMatchObject({ remaining: '4', s0: '2', s1: '2' });

    const again = await stock.tryIssue(id, 'a');
    if (again.kind !== 'WON') throw new Error('expected a win');
    await stock.compensate(id, 'a', again.epoch, again.shard);
    expect(await state(id)).toMatchObject({ remaining: '4', s0: '2', s1: '2' });
    expect(await users(id)).toEqual({});
  });

  it('ENSURE counts a committed winner the rebuilt state missed, or moves its count to its shard', async () => {
    const id = randomUUID();
    await build(id, open());
    expect(await stock.ensureCounted(id, 'late', 1)).toBe(true); // committed in shard 1 after the snapshot
    expect(await state(id)).toMatchObject({ remaining: '3', s0: '2', s1: '1' });
    expect(await stock.ensureCounted(id, 'late', 1)).toBe(true); // idempotent
    expect(await state(id)).toMatchObject({ remaining: '3', s1: '1' });

    // A later attempt of the same user won a place in shard 0; the committed copy is in shard 1.
    const attempt = await stock.tryIssue(id, 'twice');
    if (attempt.kind !== 'WON') throw new Error('expected a win');
    const committedShard = attempt.shard === 0 ? 1 : 0;
    await stock.ensureCounted(id, 'twice', committedShard);
    expect(await users(id)).toMatchObject({ twice: String(committedShard) });
    const s = await state(id);
    expect(Number(s.remaining)).toBe(2);
    expect(Number(s.s0) + Number(s.s1)).toBe(2);
    // The later attempt then fails; its give-back no longer matches the user's shard and is ignored.
    await stock.compensate(id, 'twice', attempt.epoch, attempt.shard);
    expect(await users(id)).toMatchObject({ twice: String(committedShard) });
    expect(Number((await state(id)).remaining)).toBe(2);

    await t.container.redis.del(CouponStock.keys(id).state);
    expect(await stock.ensureCounted(id, 'x', 0)).toBe(false);
  });

  it('treats a lost users hash as a lost state', async () => {
    const id = randomUUID();
    await build(id, open({ shardRemaining: [1, 2], holders: [['old', 0]] }));
    await t.container.redis.del(CouponStock.keys(id).users);
    expect((await stock.tryIssue(id, 'old')).kind).toBe('MISSING');
    expect(await stock.exists(id)).toBe(false);
  });

  it('writes a snapshot only with the lease and only over a missing state', async () => {
    const id = randomUUID();
    expect(await stock.writeSnapshot(id, 'not-the-lease', open())).toBe('LOST_LOCK');
    await build(id, open());
    const token = (await stock.lockRebuild(id, 5_000))!;
    expect(await stock.lockRebuild(id, 5_000)).toBeUndefined();
    expect(await stock.writeSnapshot(id, token, open({ shardRemaining: [0, 0] }))).toBe('EXISTS');
    expect(await state(id)).toMatchObject({ remaining: '4' });
  });
});
