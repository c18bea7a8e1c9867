import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShowtimeWithSeats, createUser } from './factories.ts';
import { checkout, hold, pay, setupCheckout, type CheckoutHarness } from './checkout.ts';

describe('seat map conditional requests', () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await setupCheckout();
  });
  afterAll(async () => {
    await h?.close();
  });

  const get = (showtimeId: string, etag?: string) =>
    h.app.inject({
      method: 'GET',
      url: `/api/v1/showtimes/${showtimeId}/seats`,
      headers: etag ? { 'if-none-match': etag } : {},
    });

  it('answers 304 with an empty body while nothing changed, and a new ETag after a hold and a sale', async () => {
    const { showtimeId, seats } = await createShowtimeWithSeats(h.container, { rows: 2, seatsPerRow: 3 });
    const first = await get(showtimeId);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await get(showtimeId, etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // No Content-Length of a body that is not sent: a client that trusts it would wait for 4 bytes.
    expect(again.headers['content-length']).toBeUndefined();
    expect(again.headers.etag).toBe(etag);
    // A list and a weak tag match too; another tag does not.
    expect((await get(showtimeId, `"x", W/${etag}`)).statusCode).toBe(304);
    expect((await get(showtimeId, '"other"')).statusCode).toBe(200);

    const buyer = await createUser(h.container);
    const held = await hold(h.app, buyer, showtimeId, [seats[0]!.id]);
    expect(held.statusCode).toBe(201);
    const afterHold = await get(showtimeId, etag);
    expect(afterHold.statusCode).toBe(200);
    const heldTag = afterHold.headers.etag as string;
    expect(heldTag).not.toBe(etag);
    expect(afterHold.json().seats.find((s: { id: string }) => s.id === seats[0]!.id).status).toBe('HELD');
    expect((await get(showtimeId, heldTag)).statusCode).toBe(304);

    const other = await createUser(h.container);
    const reservation = await checkout(h, other, showtimeId, [seats[1]!.id]);
    const reservedTag = (await get(showtimeId)).headers.etag as string;
    expect(reservedTag).not.toBe(heldTag);
    await pay(h.gatewayUrl, reservation.payment.id);
    const completed = await h.app.inject({
      method: 'POST',
      url: `/api/v1/payments/${reservation.payment.id}/complete`,
      headers: other.headers,
    });
    expect(completed.statusCode).toBeLessThan(300);
    // Sold seats come through a one-second micro-cache: the seat shows HELD until it expires.
    const statusOf = (body: { seats: { id: string; status: string }[] }) =>
      body.seats.find((s) => s.id === seats[1]!.id)?.status;
    let afterSale = await get(showtimeId, reservedTag);
    for (let i = 0; i < 40 && afterSale.statusCode === 304; i++) {
      await new Promise((r) => setTimeout(r, 100));
      afterSale = await get(showtimeId, reservedTag);
    }
    expect(afterSale.statusCode).toBe(200);
    expect(afterSale.headers.etag).not.toBe(reservedTag);
    expect(statusOf(afterSale.json())).toBe('SOLD');
    expect((await get(showtimeId, afterSale.headers.etag as string)).statusCode).toBe(304);
  });

  it("derives the tag from the state: a released hold brings the first tag back; the body is the schema's", async () => {
    const { showtimeId, seats } = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const first = await get(showtimeId);
    const etag = first.headers.etag as string;
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Object.keys(first.json()).sort()).toEqual(['seats', 'showtimeId']);

    const buyer = await createUser(h.container);
    const held = await hold(h.app, buyer, showtimeId, [seats[2]!.id, seats[3]!.id]);
    expect(held.statusCode).toBe(201);
    // The conditional path (a digest from Redis) and the full path (the ids) agree on the tag.
    const conditional = await get(showtimeId, etag);
    expect(conditional.statusCode).toBe(200);
    const heldTag = conditional.headers.etag as string;
    expect(heldTag).not.toBe(etag);
    expect((await get(showtimeId)).headers.etag).toBe(heldTag);
    const statuses = (conditional.json() as { seats: { status: string }[] }).seats.map((s) => s.status);
    expect(statuses).toEqual(['AVAILABLE', 'AVAILABLE', 'HELD', 'HELD']);

    const released = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/holds/${held.json().id}`,
      headers: buyer.headers,
    });
    expect(released.statusCode).toBe(204);
    expect((await get(showtimeId, etag)).statusCode).toBe(304);
    const after = await get(showtimeId, heldTag);
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).toBe(etag);
    expect(after.json()).toEqual(first.json());
  });

  it('answers 404 for an unknown showtime even with If-None-Match', async () => {
    const res = await get('00000000-0000-4000-8000-000000000000', '*');
    expect(res.statusCode).toBe(404);
  });
});
