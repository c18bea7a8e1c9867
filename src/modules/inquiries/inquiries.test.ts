import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkout, setupCheckout, type CheckoutHarness } from '../../../test/checkout.ts';
import { createTestApp, type TestApp } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';

interface Thread {
  id: string;
  status: 'OPEN' | 'ANSWERED' | 'CLOSED';
  bookingNumber: string | null;
  reservationId: string | null;
  messageCount: number;
  messages: { id: string; author: { nickname: string; staff: boolean }; body: string }[];
}

describe('1:1 inquiries: visibility, linking, statuses, the support desk, limits', () => {
  let h: CheckoutHarness;
  let buyer: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let reservationId: string;
  let othersReservation: string;

  beforeAll(async () => {
    // Generous limits here: one test below runs an instance with small ones.
    h = await setupCheckout({ INQUIRY_OPENS_PER_HOUR: '1000', INQUIRY_MESSAGES_PER_HOUR: '1000' });
    [buyer, other, admin] = await Promise.all([
      createUser(h.container, { nickname: '관객1' }),
      createUser(h.container, { nickname: '관객2' }),
      createUser(h.container, { role: 'ADMIN', nickname: '운영자' }),
    ]);
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 });
    reservationId = (await checkout(h, buyer, st.showtimeId, [st.seats[0]!.id])).id;
    othersReservation = (await checkout(h, other, st.showtimeId, [st.seats[1]!.id])).id;
  });
  afterAll(() => h.close());

  const open = (who: TestUser, payload: object, app: TestApp = h) =>
    app.app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: who.headers,
      payload: {
        category: 'BOOKING',
        title: '좌석 변경 문의',
        body: '좌석을 바꿀 수 있나요?\n가능하면 앞쪽으로요.',
        ...payload,
      },
    });
  const get = (who: TestUser, id: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1/inquiries/${id}`, headers: who.headers });
  const say = (who: TestUser, id: string, body: string, app: TestApp = h) =>
    app.app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${id}/messages`,
      headers: who.headers,
      payload: { body },
    });
  const answer = (id: string, body: string) =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/admin/inquiries/${id}/messages`,
      headers: admin.headers,
      payload: { body },
    });
  const mine = async (who: TestUser) => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/inquiries?size=100',
      headers: who.headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json<{ items: (Thread & { hasUnreadAnswer: boolean })[]; total: number }>();
  };
  const statusOf = async (id: string) => (await get(buyer, id)).json<Thread>().status;
  const answeredEvents = async (id: string) =>
    Number(
      (
        await sql<{ n: string }>`
          SELECT count(*) AS n FROM outbox WHERE event_type = 'inquiry.answered' AND aggregate_id = ${id}`.execute(
          h.container.db,
        )
      ).rows[0]!.n,
    );

  it('opens an inquiry linked to the caller’s reservation, with its booking number and the first message', async () => {
    const res = await open(buyer, { reservationId });
    expect(res.statusCode, res.body).toBe(201);
    const thread = res.json<Thread>();
    expect(thread).toMatchObject({ status: 'OPEN', reservationId, messageCount: 1 });
    expect(thread.bookingNumber).toMatch(/\S/);
    expect(thread.messages).toEqual([
      expect.objectContaining({
        author: { nickname: '관객1', staff: false },
        body: '좌석을 바꿀 수 있나요?\n가능하면 앞쪽으로요.',
      }),
    ]);
  });

  it('refuses to link someone else’s reservation (as if it did not exist) and writes nothing', async () => {
    const before = (await mine(buyer)).total;
    for (const id of [othersReservation, randomUUID()]) {
      const res = await open(buyer, { reservationId: id });
      expect([res.statusCode, res.json().code]).toEqual([404, 'RESERVATION_NOT_FOUND']);
    }
    expect((await mine(buyer)).total).toBe(before);
  });

  it('shows buyers only their own: another buyer gets 404 on read, messages and close, and an empty list', async () => {
    const id = (await open(buyer, { title: '내 문의' })).json<Thread>().id;
    for (const res of [
      await get(other, id),
      await say(other, id, '남의 문의에 끼어들기'),
      await h.app.inject({ method: 'POST', url: `/api/v1/inquiries/${id}/close`, headers: other.headers }),
      await get(other, randomUUID()),
    ]) {
      expect([res.statusCode, res.json().code]).toEqual([404, 'INQUIRY_NOT_FOUND']);
    }
    expect((await mine(other)).items.map((i) => i.id)).not.toContain(id);
    expect((await mine(buyer)).items.map((i) => i.id)).toContain(id);
    expect((await get(buyer, id)).json<Thread>().messages).toHaveLength(1);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/inquiries' })).statusCode).toBe(401);
  });

  it('moves OPEN → ANSWERED → OPEN (buyer) → CLOSED → OPEN (reopened) → CLOSED, with unread answers flagged', async () => {
    const id = (await open(buyer, { category: 'CANCEL', title: '취소 수수료' })).json<Thread>().id;
    const a1 = await answer(id, '안녕하세요, 고객님.\n관람 10일 전까지는 수수료가 없어요.');
    expect(a1.statusCode, a1.body).toBe(201);
    expect(a1.json()).toMatchObject({ author: { nickname: '고객센터', staff: true } });
    expect((await mine(buyer)).items.find((i) => i.id === id)).toMatchObject({
      status: 'ANSWERED',
      hasUnreadAnswer: true,
    });
    // Reading the thread marks the answer read.
    expect(await statusOf(id)).toBe('ANSWERED');
    expect((await mine(buyer)).items.find((i) => i.id === id)!.hasUnreadAnswer).toBe(false);

    expect((await say(buyer, id, '그럼 부분 취소도 되나요?')).statusCode).toBe(201);
    expect(await statusOf(id)).toBe('OPEN');
    const close = await h.app.inject({
      method: 'POST',
      url: `/api/v1/admin/inquiries/${id}/close`,
      headers: admin.headers,
    });
    expect([close.statusCode, close.json().status]).toEqual([200, 'CLOSED']);
    const late = await answer(id, '추가 답변');
    expect([late.statusCode, late.json().code]).toEqual([409, 'INQUIRY_CLOSED']);
    expect((await say(buyer, id, '하나만 더 여쭤볼게요')).statusCode).toBe(201);
    expect(await statusOf(id)).toBe('OPEN');
    // An admin who is not the buyer answers through the buyer's route too.
    const viaThread = await say(admin, id, '네, 부분 취소도 가능해요.');
    expect(viaThread.json()).toMatchObject({ author: { staff: true } });
    expect(await statusOf(id)).toBe('ANSWERED');
    const closed = await h.app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${id}/close`,
      headers: buyer.headers,
    });
    expect([closed.statusCode, closed.json().status]).toEqual([200, 'CLOSED']);
    const thread = (await get(buyer, id)).json<Thread>();
    expect(thread.messages.map((m) => m.author.staff)).toEqual([false, true, false, false, true]);
    expect(thread.messageCount).toBe(5);
    expect(await answeredEvents(id)).toBe(2);
    const audited = await sql<{ action: string }>`
      SELECT action FROM audit_log WHERE target_id = ${id} ORDER BY id`.execute(h.container.db);
    expect(audited.rows.map((r) => r.action)).toEqual(['inquiry.answer', 'inquiry.close', 'inquiry.answer']);
  });

  it('keeps the status rules in the database too', async () => {
    const id = (await open(buyer, {})).json<Thread>().id;
    await expect(
      sql`UPDATE inquiries SET status = 'PENDING' WHERE id = ${id}`.execute(h.container.db),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`UPDATE inquiries SET status = 'CLOSED' WHERE id = ${id}`.execute(h.container.db),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`UPDATE inquiries SET status = 'ANSWERED', waiting_since = NULL WHERE id = ${id}`.execute(
        h.container.db,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('loses no status change when the buyer and staff write at the same moment', async () => {
    const id = (await open(buyer, { title: '동시에' })).json<Thread>().id;
    for (let round = 0; round < 8; round++) {
      const answers = await Promise.all([say(buyer, id, `질문 ${round}`), answer(id, `답변 ${round}`)]);
      expect(answers.map((r) => r.statusCode)).toEqual([201, 201]);
      const thread = (await get(buyer, id)).json<Thread>();
      // The status is what the last message (in lock order) makes it.
      expect(thread.status).toBe(thread.messages.at(-1)!.author.staff ? 'ANSWERED' : 'OPEN');
      expect(thread.messageCount).toBe(thread.messages.length);
    }
    expect(await answeredEvents(id)).toBe(8);
  });

  it('refuses banned words in the title, body and messages, spaced or punctuated', async () => {
    const before = (await mine(buyer)).total;
    for (const payload of [
      { title: '씨 발 왜 안돼요' },
      { body: '이게 뭐야 f.u.c.k' },
      { body: '개-새-끼' },
    ]) {
      const res = await open(buyer, payload);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('BANNED_WORDS');
      expect(res.json().words.length).toBeGreaterThan(0);
    }
    expect((await mine(buyer)).total).toBe(before);
    const id = (await open(buyer, {})).json<Thread>().id;
    const res = await say(buyer, id, '씨\u200B발');
    expect([res.statusCode, res.json().code]).toEqual([422, 'BANNED_WORDS']);
    expect((await get(buyer, id)).json<Thread>().messages).toHaveLength(1);
  });

  it('bounds titles and bodies, and refuses blank ones', async () => {
    for (const payload of [
      { title: 'x'.repeat(101) },
      { body: 'x'.repeat(2001) },
      { title: '   ' },
      { body: '\n\n' },
    ]) {
      const res = await open(buyer, payload);
      expect([res.statusCode, res.json().code], JSON.stringify(payload)).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('lists the support desk by status, OPEN ones oldest waiting first, with buyer and booking number', async () => {
    const first = (await open(other, { category: 'TICKET', title: '먼저 온 문의' })).json<Thread>().id;
    const second = (
      await open(buyer, { category: 'TICKET', title: '나중 문의', reservationId })
    ).json<Thread>().id;
    const desk = await h.app.inject({
      method: 'GET',
      url: '/api/v1/admin/inquiries?status=OPEN&category=TICKET',
      headers: admin.headers,
    });
    expect(desk.statusCode, desk.body).toBe(200);
    const items = desk.json<{
      items: { id: string; buyer: { nickname: string; email: string }; bookingNumber: string | null }[];
    }>().items;
    expect(items.map((i) => i.id)).toEqual([first, second]);
    expect(items[0]!.buyer).toMatchObject({ nickname: '관객2', email: other.email });
    expect(items[1]!.bookingNumber).toMatch(/\S/);
    const detail = await h.app.inject({
      method: 'GET',
      url: `/api/v1/admin/inquiries/${second}`,
      headers: admin.headers,
    });
    expect(detail.json()).toMatchObject({
      buyer: { id: buyer.id, email: buyer.email },
      messages: [{ author: { staff: false } }],
    });
    // An answered one leaves the OPEN tab.
    await answer(first, '확인해 드렸어요.');
    const after = await h.app.inject({
      method: 'GET',
      url: '/api/v1/admin/inquiries?status=OPEN&category=TICKET',
      headers: admin.headers,
    });
    expect(after.json().items.map((i: { id: string }) => i.id)).toEqual([second]);
  });

  it('refuses the support desk to anyone but admins', async () => {
    const staff = await createUser(h.container, { role: 'STAFF' });
    const id = (await open(buyer, {})).json<Thread>().id;
    for (const who of [buyer, staff]) {
      for (const [method, url] of [
        ['GET', '/api/v1/admin/inquiries'],
        ['GET', `/api/v1/admin/inquiries/${id}`],
        ['POST', `/api/v1/admin/inquiries/${id}/close`],
      ] as const) {
        expect((await h.app.inject({ method, url, headers: who.headers })).statusCode).toBe(403);
      }
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/admin/inquiries/${id}/messages`,
        headers: who.headers,
        payload: { body: '답변' },
      });
      expect(res.statusCode).toBe(403);
    }
    // STAFF (the door) is not the box office: on the buyer's route it is just another user.
    expect((await say(staff, id, '답변')).statusCode).toBe(404);
  });

  it('rate-limits opening inquiries and posting messages per user: 429 RATE_LIMITED with Retry-After', async () => {
    const limited = await createTestApp(h.env, {
      ...h.overrides,
      INQUIRY_OPENS_PER_HOUR: '2',
      INQUIRY_MESSAGES_PER_HOUR: '2',
    });
    try {
      const user = await createUser(h.container);
      const opened = [await open(user, {}, limited), await open(user, {}, limited)];
      expect(opened.map((r) => r.statusCode)).toEqual([201, 201]);
      const third = await open(user, {}, limited);
      expect([third.statusCode, third.json().code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Another user still has a budget of their own.
      expect((await open(await createUser(h.container), {}, limited)).statusCode).toBe(201);
      const id = opened[0]!.json<Thread>().id;
      expect((await say(user, id, '하나', limited)).statusCode).toBe(201);
      expect((await say(user, id, '둘', limited)).statusCode).toBe(201);
      const over = await say(user, id, '셋', limited);
      expect([over.statusCode, over.json().code]).toEqual([429, 'RATE_LIMITED']);
      expect(over.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
