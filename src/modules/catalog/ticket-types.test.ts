import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import { categoryId, createPerformance, createVenue } from '../../../test/catalog-fixtures.ts';
import { ticketTypePrice } from './ticket-types.ts';
import { ticketTypePrice as webPreviewPrice } from '../../../web/src/lib/ticket-types.ts';

/*
 * The theatre defines its ticket types per performance (admin API); the detail page publishes each with
 * its price per grade, computed by the one rule checkout charges (ticketTypePrice).
 */

const YOUTH = {
  code: 'YOUTH',
  name: '청소년',
  discountPercent: 20,
  proofRequired: true,
  proofNote: '청소년증 또는 학생증',
};
const VETERAN = { code: 'VETERAN', name: '국가유공자', discountPercent: 50, proofRequired: true };

describe('ticket types of a performance', () => {
  let t: TestApp & { env: TestEnv };
  let admin: TestUser;
  let venueId: string;
  let musical: string;

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await createUser(t.container, { role: 'ADMIN' });
    venueId = await createVenue(t.app, admin);
    musical = await categoryId(t);
  });
  afterAll(() => t.close());

  const detail = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/performances/${id}` })).json<{
      ticketTypes: {
        code: string;
        name: string;
        discountPercent: number;
        prices: { grade: string; price: number }[];
      }[];
    }>();
  const patch = (id: string, payload: object) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/performances/${id}`,
      headers: admin.headers,
      payload,
    });

  it('rounds a discounted price to 100 won and never below zero', () => {
    expect(ticketTypePrice(154_000, 20)).toBe(123_200);
    expect(ticketTypePrice(33_333, 20)).toBe(26_700); // 26,666.4 → 26,700
    expect(ticketTypePrice(99_950, 50)).toBe(50_000); // 49,975 → 50,000
    expect(ticketTypePrice(10_000, 100)).toBe(0);
    expect(ticketTypePrice(33_333, 0)).toBe(33_333); // the list price itself, not rounded
  });

  it('is the rule the admin console previews with while a type is edited (web/src/lib/ticket-types.ts)', () => {
    // The preview runs on each keystroke, before anything is saved; it must show what checkout charges.
    const differ: string[] = [];
    for (let listPrice = 0; listPrice <= 300_000; listPrice += 1_050) {
      for (let percent = 0; percent <= 100; percent++) {
        const server = ticketTypePrice(listPrice, percent);
        const web = webPreviewPrice(listPrice, percent);
        if (server !== web) differ.push(`${listPrice} at ${percent}%: server ${server}, web ${web}`);
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
  });

  it('publishes ADULT first, then the theatre’s types in its order, each priced per grade', async () => {
    const id = await createPerformance(t.app, admin, {
      venueId,
      categoryId: musical,
      prices: [
        { grade: 'VIP', price: 154_000 },
        { grade: 'R', price: 132_000 },
      ],
      ticketTypes: [YOUTH, VETERAN],
    });
    const body = await detail(id);
    expect(body.ticketTypes).toEqual([
      {
        code: 'ADULT',
        name: '일반',
        discountPercent: 0,
        proofRequired: false,
        proofNote: null,
        prices: [
          { grade: 'VIP', price: 154_000 },
          { grade: 'R', price: 132_000 },
        ],
      },
      {
        ...YOUTH,
        prices: [
          { grade: 'VIP', price: 123_200 },
          { grade: 'R', price: 105_600 },
        ],
      },
      {
        ...VETERAN,
        proofNote: null,
        prices: [
          { grade: 'VIP', price: 77_000 },
          { grade: 'R', price: 66_000 },
        ],
      },
    ]);

    // A PATCH replaces the list; one without ticketTypes leaves it alone.
    expect((await patch(id, { ticketTypes: [VETERAN] })).statusCode).toBe(200);
    expect((await patch(id, { title: '레미제라블 앙코르' })).statusCode).toBe(200);
    expect((await detail(id)).ticketTypes.map((x) => x.code)).toEqual(['ADULT', 'VETERAN']);
    expect((await patch(id, { ticketTypes: [] })).statusCode).toBe(200);
    expect((await detail(id)).ticketTypes.map((x) => x.code)).toEqual(['ADULT']);
  });

  it('refuses ADULT, a code listed twice and a discount outside 1–100 with 400 naming the field', async () => {
    const id = await createPerformance(t.app, admin, { venueId, categoryId: musical });
    const adult = await patch(id, { ticketTypes: [{ ...YOUTH, code: 'ADULT' }] });
    expect(adult.statusCode).toBe(400);
    expect(adult.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(adult.json().errors[0]).toMatchObject({ field: 'body.ticketTypes.0.code', rule: 'reserved' });

    const twice = await patch(id, { ticketTypes: [YOUTH, { ...YOUTH, name: '학생' }] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0]).toMatchObject({ field: 'body.ticketTypes.1.code', rule: 'unique' });

    const free = await patch(id, { ticketTypes: [{ ...YOUTH, discountPercent: 0 }] });
    expect(free.statusCode).toBe(400);
    const lower = await patch(id, { ticketTypes: [{ ...YOUTH, code: 'youth' }] });
    expect(lower.statusCode).toBe(400);
    expect((await detail(id)).ticketTypes.map((x) => x.code)).toEqual(['ADULT']);
  });
});
