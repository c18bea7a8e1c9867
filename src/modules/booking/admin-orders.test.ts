import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayPayment, setupCheckout, webhook, type CheckoutHarness } from '../../../test/checkout.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { buyer, paidOrder } from '../../../test/admin-desks.ts';
import { csvCell } from './csv.ts';

describe('orders desk', () => {
  let h: CheckoutHarness;
  let admin: TestUser;
  let kim: TestUser;
  let order: Awaited<ReturnType<typeof paidOrder>>;

  beforeAll(async () => {
    h = await setupCheckout();
    admin = await createUser(h.container, { role: 'ADMIN' });
    kim = await buyer(h.container, {
      nickname: '김관객',
      phone: '010-5555-1234',
      email: `kim-${Date.now()}@example.com`,
    });
    order = await paidOrder(h, kim, { booker: { name: '김예매', phone: '010-7777-8888' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const get = (url: string, who: TestUser = admin) =>
    h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.headers });
  const cancel = (id: string, payload: object) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/admin/orders/${id}/cancel`,
      headers: admin.headers,
      payload,
    });
  const ids = async (query: string): Promise<string[]> => {
    const res = await get(`/admin/orders?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
  };
  const auditOf = async (targetId: string) =>
    (
      await sql<{ action: string; actor_id: string; before: unknown; after: unknown }>`
        SELECT action, actor_id, before, after FROM audit_log WHERE target_id = ${targetId} ORDER BY id`.execute(
        h.container.db,
      )
    ).rows;

  it('finds an order by email, nickname, account phone, booker phone, booking number and reservation id', async () => {
    const other = await paidOrder(h, await buyer(h.container, { nickname: '이웃' }));
    const q = (s: string) => `q=${encodeURIComponent(s)}`;
    expect(await ids(q(kim.email.toUpperCase()))).toEqual([order.id]);
    expect(await ids(q(kim.email.slice(0, 12)))).toEqual([order.id]);
    expect(await ids(q('김관객'))).toEqual([order.id]);
    expect(await ids(q('01055551234'))).toEqual([order.id]);
    expect(await ids(q('+82 10-5555-1234'))).toEqual([order.id]);
    expect(await ids(q('010-7777-8888'))).toEqual([order.id]);
    expect(await ids(q(order.bookingNumber.toLowerCase()))).toEqual([order.id]);
    expect(await ids(q(order.id))).toEqual([order.id]);
    expect(await ids(q('nobody-matches-this'))).toEqual([]);
    // Filters: showtime, status, dates.
    expect(await ids(`showtimeId=${other.showtimeId}`)).toEqual([other.id]);
    expect(await ids(`showtimeId=${order.showtimeId}&status=CANCELLED`)).toEqual([]);
    expect(await ids(`showtimeId=${order.showtimeId}&status=CONFIRMED`)).toEqual([order.id]);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const past = new Date(Date.now() - 86_400_000).toISOString();
    expect(await ids(`q=${order.id}&from=${encodeURIComponent(future)}`)).toEqual([]);
    expect(
      await ids(`q=${order.id}&from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`),
    ).toEqual([order.id]);
  });

  it('an order page shows the buyer, seats and the payment timeline with each webhook', async () => {
    await webhook(h, order.paymentId);
    const res = await get(`/admin/orders/${order.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.buyer).toMatchObject({
      id: kim.id,
      email: kim.email,
      nickname: '김관객',
      phone: '010-5555-1234',
    });
    expect(body.booker).toEqual({ name: '김예매', phone: '01077778888' });
    expect(body.seats).toHaveLength(2);
    expect(body).toMatchObject({ status: 'CONFIRMED', total: 200_000, refundable: 200_000, refunded: 0 });
    const states = body.timeline.filter((e: { kind: string }) => e.kind === 'STATE');
    expect(states[0]).toMatchObject({ status: 'PENDING_PAYMENT', step: 'RESERVED' });
    expect(states.at(-1)).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID' });
    expect(body.timeline.some((e: { kind: string }) => e.kind === 'WEBHOOK')).toBe(true);
    expect((await get(`/admin/orders/${order.id}`, kim)).statusCode).toBe(403);
  });

  it('partial refund by amount, then the remainder: seats released, each refund recorded with who did it', async () => {
    const o = await paidOrder(h, kim);
    const first = await cancel(o.id, { reason: '공연 일부 취소', refundAmount: 50_000 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'CANCELLED',
      paymentStatus: 'PARTIAL_CANCELLED',
      refunded: 50_000,
      refundable: 150_000,
    });
    expect(await gatewayPayment(h, o.paymentId)).toMatchObject({
      status: 'PARTIAL_CANCELLED',
      amount: { cancelled: 50_000 },
    });
    const seats = await sql<{ status: string }>`
      SELECT status FROM seats WHERE showtime_id = ${o.showtimeId}`.execute(h.container.db);
    expect(seats.rows.every((s) => s.status === 'AVAILABLE')).toBe(true);
    const events = await sql<{ event_type: string }>`
      SELECT event_type FROM outbox WHERE aggregate_id = ${o.id} ORDER BY id`.execute(h.container.db);
    expect(events.rows.map((e) => e.event_type)).toContain('reservation.cancelled');

    // More than is left: refused, nothing sent.
    const over = await cancel(o.id, { reason: 'x', refundAmount: 150_001 });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('REFUND_EXCEEDS_PAID');

    const rest = await cancel(o.id, { reason: '나머지 환불' });
    expect(rest.statusCode).toBe(200);
    const body = rest.json();
    expect(body).toMatchObject({ paymentStatus: 'CANCELLED', refunded: 200_000, refundable: 0 });
    expect(body.refunds).toMatchObject([
      { amount: 50_000, kind: 'ADMIN', actorId: admin.id, status: 'DONE', reason: '공연 일부 취소' },
      { amount: 150_000, kind: 'ADMIN', actorId: admin.id, status: 'DONE', reason: '나머지 환불' },
    ]);
    expect(await gatewayPayment(h, o.paymentId)).toMatchObject({
      status: 'CANCELLED',
      amount: { cancelled: 200_000 },
    });
    const again = await cancel(o.id, { reason: 'again' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('NOTHING_TO_REFUND');

    const audit = await auditOf(o.id);
    expect(audit.map((a) => a.action)).toEqual(['order.cancel', 'order.refund']);
    expect(audit[0]).toMatchObject({
      actor_id: admin.id,
      before: { status: 'CONFIRMED', refunded: 0 },
      after: { refundAmount: 50_000, refunded: 50_000, reason: '공연 일부 취소' },
    });
  });

  it('two admins refunding at once never pay back more than was paid', async () => {
    const o = await paidOrder(h, kim);
    expect((await cancel(o.id, { reason: 'first', refundAmount: 40_000 })).statusCode).toBe(200);
    // 160,000 left: two refunds of 100,000 at once → one of them is refused.
    const both = await Promise.all([
      cancel(o.id, { reason: 'a', refundAmount: 100_000 }),
      cancel(o.id, { reason: 'b', refundAmount: 100_000 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    // The remainder twice at once → refunded once.
    const rest = await Promise.all([cancel(o.id, { reason: 'c' }), cancel(o.id, { reason: 'd' })]);
    expect(rest.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const sum = await sql<{ refunded_amount: number; total: number; s: number }>`
      SELECT r.refunded_amount, r.total, (SELECT sum(amount)::int FROM reservation_refunds f WHERE f.reservation_id = r.id) AS s
      FROM reservations r WHERE r.id = ${o.id}`.execute(h.container.db);
    expect(sum.rows[0]).toEqual({ refunded_amount: 200_000, total: 200_000, s: 200_000 });
    expect(((await gatewayPayment(h, o.paymentId)).amount as { cancelled: number }).cancelled).toBe(200_000);
  });

  it('the database refuses a refund row that would pass the total, and edits of refund rows', async () => {
    const o = await paidOrder(h, kim);
    const insert = (amount: number) =>
      sql`
      INSERT INTO reservation_refunds (reservation_id, amount, kind, reason, idempotency_key)
      VALUES (${o.id}, ${amount}, 'ADMIN', 'direct', ${`${o.id}:${amount}`})`.execute(h.container.db);
    await expect(insert(200_001)).rejects.toThrow(/reservations_refunded_within_total/);
    await insert(10_000);
    await expect(
      sql`UPDATE reservation_refunds SET amount = 1 WHERE reservation_id = ${o.id}`.execute(h.container.db),
    ).rejects.toThrow(/never change/);
    await expect(
      sql`DELETE FROM reservation_refunds WHERE reservation_id = ${o.id}`.execute(h.container.db),
    ).rejects.toThrow(/never change/);
  });

  it('exports CSV for Excel: BOM, Korean headers, formulas neutralised, recorded in the audit log', async () => {
    const evil = await buyer(h.container, { nickname: '=HYPERLINK("http://x","클릭")' });
    const o = await paidOrder(h, evil);
    const res = await get(`/admin/orders?format=csv&q=${o.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="orders-\d{8}\.csv"/);
    const text = res.body;
    expect(text.startsWith('\uFEFF예매번호,예약 ID,')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(o.bookingNumber);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"",""클릭"")"`);
    const exports = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM audit_log WHERE action = 'orders.export' AND actor_id = ${admin.id}`.execute(
      h.container.db,
    );
    expect(exports.rows[0]!.n).toBe(1);
  });

  it('exports every order exactly once across batches, even when many share one created_at', async () => {
    const before = (await get(`/admin/orders?format=csv&showtimeId=${order.showtimeId}`)).body.split('\r\n');
    expect(before).toHaveLength(3);
    // 2,500 orders of one showtime (3 batches of 1,000), 1,500 of them in the same microsecond.
    await sql`
      INSERT INTO reservations (user_id, showtime_id, performance_id, hold_id, status, amount, total, payment_id,
                                booking_number, expires_at, created_at)
      SELECT ${kim.id}, r.showtime_id, r.performance_id, gen_random_uuid(), 'EXPIRED', 1000, 1000, gen_random_uuid(),
             'CTX' || lpad(g::text, 11, '0'), now(),
             CASE WHEN g <= 1500 THEN timestamptz '2026-01-01 00:00:00.123456+00'
                  ELSE timestamptz '2026-01-01 00:00:00+00' + g * interval '1 microsecond' END
      FROM generate_series(1, 2500) g, (SELECT showtime_id, performance_id FROM reservations WHERE id = ${order.id}) r`.execute(
      h.container.db,
    );
    const lines = (await get(`/admin/orders?format=csv&showtimeId=${order.showtimeId}`)).body
      .split('\r\n')
      .slice(1, -1);
    expect(lines).toHaveLength(2501);
    expect(new Set(lines.map((l) => l.split(',')[1])).size).toBe(2501);
  });

  it('escapes every formula start and quotes separators', () => {
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('그냥 글')).toBe('그냥 글');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });
});
