import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createContainer } from '../src/container.ts';
import type { Access, RouteAccess } from '../src/http/access.ts';
import { checkout, complete, hold, pay, reserve, setupCheckout, type CheckoutHarness } from './checkout.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from './factories.ts';
import { injectMaybeStream, isStreamingSchema } from './sse.ts';
import { startWorker, waitFor } from './tickets-support.ts';

/**
 * Every route × {anonymous, USER, another USER, STAFF, ADMIN}, generated from the access rules the
 * routes declare (src/http/access.ts). A new route is covered as soon as it is registered; one without
 * a rule stops the app from starting. Requests are built from each route's schema: what is checked is
 * the guard's answer, so a 400/404/409 from validation or a missing row counts as "let through".
 */

type Identity = 'anonymous' | 'USER' | 'another USER' | 'STAFF' | 'ADMIN';
const IDENTITIES: Identity[] = ['anonymous', 'USER', 'another USER', 'STAFF', 'ADMIN'];

/** Who the guard lets through, per rule. 'another USER' is a USER: it passes where USER passes. */
const ALLOWED: Record<Access, Identity[]> = {
  public: IDENTITIES,
  'signed-in': ['USER', 'another USER', 'STAFF', 'ADMIN'],
  owner: ['USER', 'another USER', 'STAFF', 'ADMIN'],
  staff: ['STAFF', 'ADMIN'],
  admin: ['ADMIN'],
};

/** The codes only the guard answers with (src/http/auth-guard.ts). */
const GUARD_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** A user's resources the matrix can create, and how a route names them. */
type Kind = 'hold' | 'reservation' | 'payment' | 'ticket' | 'userCoupon' | 'inquiry' | 'conversation';
/** `/<segment>/:id` names a resource of this kind. */
const KIND_OF_SEGMENT: Record<string, Kind> = {
  holds: 'hold',
  reservations: 'reservation',
  payments: 'payment',
  tickets: 'ticket',
  inquiries: 'inquiry',
  conversations: 'conversation',
};
/** A path parameter or body field with this name names a resource of this kind. */
const KIND_OF_FIELD: Record<string, Kind> = {
  holdId: 'hold',
  reservationId: 'reservation',
  paymentId: 'payment',
  ticketId: 'ticket',
  userCouponId: 'userCoupon',
};

// --- requests generated from the route schema ----------------------------------------------------

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
};

const future = (days: number) => new Date(Date.now() + days * 86400_000);

/** A minimal valid value for a JSON schema: required properties only, the smallest allowed sizes. */
function sample(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const branch = schema.anyOf ?? schema.oneOf;
  if (branch) return sample(branch.find((b) => b.type !== 'null') ?? branch[0], name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], key);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, name));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return sampleString(schema, name);
  }
}

function sampleString(schema: JsonSchema, name: string): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'email':
      return `matrix-${randomUUID().slice(0, 8)}@example.com`;
    case 'date-time':
      // Ends and closes come after starts and opens.
      return future(/end|close|until/i.test(name) ? 30 : 20).toISOString();
    case 'date':
      return future(20).toISOString().slice(0, 10);
  }
  const min = schema.minLength ?? 1;
  const candidates = [randomUUID(), 'a', 'A', '123456', 'R', 'https://example.com/a', `${randomUUID()}.svg`];
  const fits = (s: string) =>
    s.length >= min &&
    (schema.maxLength === undefined || s.length <= schema.maxLength) &&
    (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  for (const c of candidates) {
    const padded = c.length < min ? c.repeat(Math.ceil(min / c.length)).slice(0, Math.max(min, c.length)) : c;
    if (fits(padded)) return padded;
  }
  return 'a'.repeat(min);
}

interface RouteRequest {
  options: InjectOptions;
  /** The owned resources this request names, by kind (filled in for owner checks). */
  names: Partial<Record<Kind, string>>;
}

/** A request for a route; `owned` replaces the ids that name one of the kinds above. */
function requestFor(route: RouteAccess, owned?: Record<Kind, string>): RouteRequest {
  const schema = (route.schema ?? {}) as Record<string, JsonSchema | undefined>;
  const names: Partial<Record<Kind, string>> = {};
  const segments = route.url.split('/');
  const path = segments
    .map((segment, i) => {
      if (segment === '*') return 'index.html';
      if (!segment.startsWith(':')) return segment;
      const param = segment.slice(1);
      const kind = param === 'id' ? KIND_OF_SEGMENT[segments[i - 1] ?? ''] : KIND_OF_FIELD[param];
      if (kind && owned) {
        names[kind] = owned[kind];
        return owned[kind];
      }
      const value = sample(schema.params?.properties?.[param], param) ?? randomUUID();
      return encodeURIComponent(String(value));
    })
    .join('/');
  const query = sample(schema.querystring) as Record<string, string> | undefined;
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries((sample(schema.headers) as object | undefined) ?? {})) {
    headers[key] = String(value);
  }
  // Checkout's POSTs need an idempotency key before anything else.
  if (schema.headers?.properties?.['idempotency-key']) headers['idempotency-key'] = `matrix-${randomUUID()}`;
  let payload: unknown;
  if (schema.body) {
    const body = sample(schema.body) as Record<string, unknown>;
    for (const field of Object.keys(body)) {
      const kind = KIND_OF_FIELD[field];
      if (kind && owned) {
        body[field] = owned[kind];
        names[kind] = owned[kind];
      }
    }
    payload = body;
  }
  return {
    options: {
      method: route.method as InjectOptions['method'],
      url: path,
      query: query && Object.keys(query).length > 0 ? query : undefined,
      headers,
      payload: payload as InjectOptions['payload'],
    },
    names,
  };
}

/** Ids of every kind that belong to no one. */
const randomKinds = (): Record<Kind, string> => ({
  hold: randomUUID(),
  reservation: randomUUID(),
  payment: randomUUID(),
  ticket: randomUUID(),
  userCoupon: randomUUID(),
  inquiry: randomUUID(),
  conversation: randomUUID(),
});

/** Which owned kinds a route names (path parameters, then required body fields). */
function kindsNamedBy(route: RouteAccess): Kind[] {
  const probe = requestFor(route, {
    hold: 'h',
    reservation: 'r',
    payment: 'p',
    ticket: 't',
    userCoupon: 'c',
    inquiry: 'i',
    conversation: 'v',
  });
  return Object.keys(probe.names) as Kind[];
}

const label = (route: RouteAccess) => `${route.method} ${route.url} (${route.access})`;

function problemCode(res: LightMyRequestResponse): string | undefined {
  if (!(res.headers['content-type'] ?? '').toString().includes('json')) return undefined;
  try {
    return (res.json() as { code?: string }).code;
  } catch {
    return undefined;
  }
}

// --- the suite ----------------------------------------------------------------------------------

describe('authorization matrix', () => {
  let h: CheckoutHarness;
  let routes: RouteAccess[];
  const ids = {} as Record<Exclude<Identity, 'anonymous'>, TestUser>;
  /** The USER's resources that already exist when the matrix runs: no one else may see them. */
  let standing: Record<Kind, string> & { userId: string; email: string };

  const send = (options: InjectOptions, who: Identity, streaming = false) => {
    const request = {
      ...options,
      headers: { ...(options.headers as object), ...(who === 'anonymous' ? {} : ids[who].headers) },
    };
    // An event stream that opens never ends by itself: it is closed once its head is in.
    return streaming ? injectMaybeStream(h.app, request) : h.app.inject(request);
  };

  /** A fresh hold and a reservation (with its payment) of the USER; the ticket and coupon are shared. */
  const ownedResources = async (): Promise<Record<Kind, string>> => {
    const user = ids.USER;
    // Two showtimes: a hold that stays a hold, and one that becomes a reservation.
    const [a, b] = await Promise.all([
      createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 }),
      createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 2 }),
    ]);
    const held = await hold(h.app, user, a.showtimeId, [a.seats[0]!.id]);
    expect(held.statusCode, held.body).toBe(201);
    const created = await checkout(h, user, b.showtimeId, [b.seats[0]!.id]);
    const inquiry = await h.app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: user.headers,
      payload: { category: 'OTHER', title: '매트릭스 문의', body: '본문' },
    });
    expect(inquiry.statusCode, inquiry.body).toBe(201);
    // An assistant conversation, written as the assistant stores one (no model server needed here).
    const conversation = await sql<{ id: string }>`
      INSERT INTO assistant_conversations (user_id, title) VALUES (${user.id}, '매트릭스 대화') RETURNING id`.execute(
      h.container.db,
    );
    return {
      hold: held.json().id,
      reservation: created.id,
      payment: created.payment.id,
      ticket: standing.ticket,
      userCoupon: standing.userCoupon,
      inquiry: inquiry.json().id,
      conversation: conversation.rows[0]!.id,
    };
  };

  beforeAll(async () => {
    // Every owner route gets a fresh inquiry: more than the hourly budget of one user.
    h = await setupCheckout({ INQUIRY_OPENS_PER_HOUR: '1000' });
    routes = [...h.app.accessRules];
    const [user, another, staff, admin] = await Promise.all([
      createUser(h.container),
      createUser(h.container),
      createUser(h.container, { role: 'STAFF' }),
      createUser(h.container, { role: 'ADMIN' }),
    ]);
    ids.USER = user!;
    ids['another USER'] = another!;
    ids.STAFF = staff!;
    ids.ADMIN = admin!;

    // The USER's standing resources: a paid reservation with its ticket, an open hold, a coupon.
    const st = await createShowtimeWithSeats(h.container, { rows: 1, seatsPerRow: 4 });
    const bought = await checkout(h, user!, st.showtimeId, [st.seats[0]!.id]);
    await pay(h.gatewayUrl, bought.payment.id);
    const completed = await complete(h.app, user!, bought.payment.id);
    expect(completed.statusCode, completed.body).toBe(200);
    const held = await hold(h.app, user!, st.showtimeId, [st.seats[1]!.id]);
    expect(held.statusCode, held.body).toBe(201);
    const coupon = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/coupons',
      headers: admin!.headers,
      payload: {
        name: '매트릭스 쿠폰',
        discountType: 'FIXED',
        discountValue: 1000,
        stock: 10,
        issueStartsAt: new Date(Date.now() - 60_000).toISOString(),
        issueEndsAt: future(1).toISOString(),
        validUntil: future(2).toISOString(),
      },
    });
    expect(coupon.statusCode, coupon.body).toBe(201);
    const issued = await h.app.inject({
      method: 'POST',
      url: `/api/v1/coupons/${coupon.json().id}/issue`,
      headers: user!.headers,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    // Tickets come from the worker, as in production (outbox → broker → issuance).
    const worker = await startWorker(h.env, h.overrides);
    let ticketId: string;
    try {
      const rows = await waitFor(
        async () =>
          (
            await sql<{ id: string }>`SELECT id FROM tickets WHERE reservation_id = ${bought.id}`.execute(
              h.container.db,
            )
          ).rows,
        (r) => r.length === 1,
        20_000,
        'the ticket of the standing reservation',
      );
      ticketId = rows[0]!.id;
    } finally {
      await worker.stop();
    }
    const inquiry = await h.app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: user!.headers,
      payload: { category: 'BOOKING', title: '매트릭스 문의', body: '본문', reservationId: bought.id },
    });
    expect(inquiry.statusCode, inquiry.body).toBe(201);
    const conversation = await sql<{ id: string }>`
      INSERT INTO assistant_conversations (user_id, title) VALUES (${user!.id}, '매트릭스 대화') RETURNING id`.execute(
      h.container.db,
    );
    standing = {
      inquiry: inquiry.json().id,
      conversation: conversation.rows[0]!.id,
      userId: user!.id,
      email: user!.email,
      hold: held.json().id,
      reservation: bought.id,
      payment: bought.payment.id,
      ticket: ticketId,
      userCoupon: issued.json().userCouponId,
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  it('knows every route of the OpenAPI document, each with its declared rule, and admin paths are back office', async () => {
    const doc = h.app.swagger() as {
      paths: Record<string, Record<string, { 'x-access'?: string; security?: unknown[] }>>;
    };
    const known = new Map(routes.map((r) => [`${r.method} ${r.url}`, r.access]));
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const url = path.replace(/\{([^}]+)\}/g, ':$1');
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${url}`;
        if (!known.has(key)) problems.push(`${key} is in the OpenAPI document but has no access rule`);
        else if (op['x-access'] !== known.get(key))
          problems.push(`${key} documents x-access ${op['x-access']}`);
        // A public route that documents a bearer token is most likely declared wrong.
        if (known.get(key) === 'public' && op.security?.length)
          problems.push(`${key} is public but asks for a token`);
      }
    }
    // Whatever a route under /admin declares, it is for the back office only.
    for (const r of routes.filter((r) => r.url.startsWith('/api/v1/admin/'))) {
      if (r.access !== 'staff' && r.access !== 'admin') problems.push(`${label(r)} is an admin path`);
    }
    expect(problems).toEqual([]);
    // The API really is in the registry (a sanity check on the collection itself).
    expect(routes.filter((r) => r.url.startsWith('/api/v1/')).length).toBeGreaterThan(30);
  });

  it('answers every identity on every route as the route declares', async () => {
    const failures: string[] = [];
    const leakMarkers = Object.entries(standing);
    for (const route of routes) {
      const { options } = requestFor(route);
      for (const who of IDENTITIES) {
        const res = await send(options, who, isStreamingSchema(route.schema));
        const code = problemCode(res);
        const got = `${res.statusCode} ${code ?? ''}`.trim();
        const allowed = ALLOWED[route.access].includes(who);
        if (!allowed) {
          const expected = who === 'anonymous' ? [401, 'UNAUTHENTICATED'] : [403, 'FORBIDDEN'];
          // A HEAD answer has no body: its status is all there is to check.
          if (res.statusCode !== expected[0] || (route.method !== 'HEAD' && code !== expected[1])) {
            failures.push(`${label(route)} as ${who}: expected ${expected.join(' ')}, got ${got}`);
          }
        } else if (code !== undefined && GUARD_CODES.has(code)) {
          failures.push(`${label(route)} as ${who}: refused by the guard (${got})`);
        } else if (route.access !== 'public' && (res.statusCode === 401 || res.statusCode === 403)) {
          failures.push(`${label(route)} as ${who}: allowed by its rule but answered ${got}`);
        } else if (res.statusCode === 500) {
          // 502/503 are a dependency's answer (readiness, the gateway under load); 500 is a bug.
          failures.push(`${label(route)} as ${who}: ${got}`);
        }
        if (who === 'another USER' || who === 'anonymous') {
          for (const [what, value] of leakMarkers) {
            if (res.body.includes(value)) failures.push(`${label(route)} shows ${who} the USER's ${what}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a caller before reading the body: malformed JSON still gets 401 or 403', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.access !== 'public' && r.schema?.body)) {
      const { options } = requestFor(route);
      const garbled = {
        ...options,
        payload: '{"seatIds": [',
        headers: { 'content-type': 'application/json' },
      };
      for (const who of IDENTITIES.filter((w) => !ALLOWED[route.access].includes(w))) {
        const res = await send(garbled, who);
        const expected = who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (problemCode(res) !== expected) {
          failures.push(
            `${label(route)} as ${who}: expected ${expected}, got ${res.statusCode} ${problemCode(res)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("keeps a user's resources from another user on every owner route, and lets the owner through", async () => {
    const ownerRoutes = routes.filter((r) => r.access === 'owner');
    expect(ownerRoutes.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of ownerRoutes) {
      const kinds = kindsNamedBy(route);
      if (kinds.length === 0) {
        failures.push(`${label(route)} names no resource this test can create: extend KIND_OF_SEGMENT/FIELD`);
        continue;
      }
      const owned = await ownedResources();
      const request = requestFor(route, owned);
      const named = new Set(Object.values(request.names));
      // What a resource that does not exist gets: another user's must be indistinguishable from it.
      const missing = await send(requestFor(route, randomKinds()).options, 'another USER');
      // Another user first: a refusal must leave the resource as it was for the owner's turn.
      const other = await send(request.options, 'another USER');
      const sameAsMissing =
        other.statusCode === missing.statusCode && problemCode(other) === problemCode(missing);
      if (!(other.statusCode === 404 || other.statusCode === 403 || sameAsMissing)) {
        failures.push(
          `${label(route)}: another USER got ${other.statusCode} ${problemCode(other) ?? ''} for the USER's ` +
            `${kinds.join(', ')} (a missing one gets ${missing.statusCode} ${problemCode(missing) ?? ''})`,
        );
      } else if (
        route.method !== 'HEAD' &&
        !(other.headers['content-type'] ?? '').toString().includes('application/problem+json')
      ) {
        failures.push(`${label(route)}: another USER's refusal is not a problem document`);
      }
      for (const [what, value] of Object.entries({
        ...owned,
        userId: standing.userId,
        email: standing.email,
      })) {
        if (!named.has(value) && other.body.includes(value)) {
          failures.push(`${label(route)}: another USER's answer carries the USER's ${what}`);
        }
      }
      const mine = await send(request.options, 'USER');
      if ([401, 403, 404, 500].includes(mine.statusCode)) {
        failures.push(`${label(route)}: the owner got ${mine.statusCode} ${problemCode(mine) ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets the owner and nobody else read a reservation (the matrix checks itself on one known case)', async () => {
    const owned = await ownedResources();
    const url = `/api/v1/reservations/${owned.reservation}`;
    const mine = await h.app.inject({ method: 'GET', url, headers: ids.USER.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().id).toBe(owned.reservation);
    const theirs = await h.app.inject({ method: 'GET', url, headers: ids['another USER'].headers });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('RESERVATION_NOT_FOUND');
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    // Reserving from another user's hold is answered as for a hold that does not exist (API.md: 409).
    const stolen = await reserve(h.app, ids['another USER'], owned.hold);
    const absent = await reserve(h.app, ids['another USER'], randomUUID());
    expect([stolen.statusCode, stolen.json().code]).toEqual([409, 'HOLD_EXPIRED']);
    expect([absent.statusCode, absent.json().code]).toEqual([409, 'HOLD_EXPIRED']);
    expect((await reserve(h.app, ids.USER, owned.hold)).statusCode).toBe(201);
  });

  it('refuses to start with a route that declares no access rule, or an unknown one', async () => {
    const attempt = async (register: (container: Awaited<ReturnType<typeof createContainer>>) => void) => {
      const container = await createContainer(h.env.config(h.overrides), 'api');
      try {
        register(container);
        const app = await buildApp(container);
        await app.close();
        return null;
      } catch (err) {
        return (err as Error).message;
      } finally {
        await container.close();
      }
    };
    expect(
      await attempt((c) =>
        c.apiRoutes.push(async (api) => {
          api.get('/probe/undeclared', async () => ({ secret: true }));
        }),
      ),
    ).toMatch(/GET \/api\/v1\/probe\/undeclared declares no access rule/);
    expect(
      await attempt((c) =>
        c.rootRoutes.push(async (root) => {
          root.post('/probe-root', { schema: {} }, async () => ({}));
        }),
      ),
    ).toMatch(/POST \/probe-root declares no access rule/);
    expect(
      await attempt((c) =>
        c.apiRoutes.push(async (api) => {
          api.get('/probe/typo', { config: { access: 'staf' as Access } }, async () => ({}));
        }),
      ),
    ).toMatch(/unknown access rule 'staf'/);
  });
});
