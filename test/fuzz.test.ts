import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createShowtimeWithSeats, createUsers, type TestShowtime, type TestUser } from './factories.ts';
import { setupTestApp, type TestApp } from './context.ts';
import { injectMaybeStream } from './sse.ts';
import { startOpenAiStub, type OpenAiStub } from './openai-stub.ts';
import { assistantEnv } from './assistant.ts';

/*
 * A fuzz suite generated from the OpenAPI document: every route gets its id and paging parameters and
 * its body mutated (other spellings of ids, out-of-range numbers, wrong types, missing and extra
 * fields, huge strings, invalid JSON, wrong content types), as an anonymous caller, a USER and an
 * ADMIN. Whatever comes in, the answer is never a 5xx, and every error is application/problem+json
 * with a `code`. The seed is fixed, so a failure replays exactly; FUZZ_SEED and FUZZ_PER_ROUTE change
 * the run (e.g. FUZZ_SEED=7 FUZZ_PER_ROUTE=300 for a longer local hunt).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
/** Requests per route and identity: about 3,000 requests in all, a minute or two on 2 cores. */
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 24);

/** mulberry32: a tiny seeded PRNG, enough to make the cases reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: Json[];
  const?: Json;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  minLength?: number;
  default?: Json;
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface Route {
  method: string;
  path: string;
  op: Operation;
  streams: boolean;
}

const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('fuzz: every route from the OpenAPI document', () => {
  let t: TestApp;
  let st: TestShowtime;
  let users: TestUser[];
  let admins: TestUser[];
  let holdId: string;
  let couponId: string;
  let categoryId: string;
  let routes: Route[];
  // The assistant talks to a stub model server, so its route is fuzzed past "not configured".
  let model: OpenAiStub;

  beforeAll(async () => {
    model = await startOpenAiStub();
    t = await setupTestApp(assistantEnv(model));
    st = await createShowtimeWithSeats(t.container, { rows: 4, seatsPerRow: 10, maxTicketsPerUser: 4 });
    // Several identities per role, taken in turn, so per-user rate limits rarely trip.
    [users, admins] = await Promise.all([createUsers(t.container, 8), createUsers(t.container, 4, 'ADMIN')]);
    const hold = await t.app.inject({
      method: 'POST',
      url: `/api/v1/showtimes/${st.showtimeId}/holds`,
      headers: users[0]!.headers,
      payload: { seatIds: [st.seats[0]!.id] },
    });
    holdId = hold.json().id;
    const now = Date.now();
    const coupon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/coupons',
      headers: admins[0]!.headers,
      payload: {
        name: '퍼즈 쿠폰',
        discountType: 'FIXED',
        discountValue: 1000,
        stock: 1000,
        issueStartsAt: new Date(now - 60_000).toISOString(),
        issueEndsAt: new Date(now + 86400_000).toISOString(),
        validUntil: new Date(now + 7 * 86400_000).toISOString(),
      },
    });
    couponId = coupon.json().id;
    const categories = await t.app.inject({ method: 'GET', url: '/api/v1/categories' });
    categoryId = categories.json()[0].id;

    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        op,
        streams: Object.values(op.responses ?? {}).some((r) => 'text/event-stream' in (r.content ?? {})),
      })),
    );
    // Deletions last, so the rows the other routes name still exist while they are fuzzed.
    routes.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  });
  afterAll(async () => {
    await t?.close();
    await model?.close();
  });

  it('never answers 5xx, and every error is problem+json with a code', { timeout: 300_000 }, async () => {
    const random = prng(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const chance = (p: number) => random() < p;
    const randomUuid = () =>
      'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(random() * 16).toString(16));
    const junk = () =>
      Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
        String.fromCharCode(pick([32 + Math.floor(random() * 95), 0x1100 + Math.floor(random() * 200)])),
      ).join('');

    /** A real id for a parameter or field, judged by its name and the path around it. */
    const realId = (name: string, path: string): string => {
      const segments = path.split('/');
      const owner = name === 'id' ? segments[segments.indexOf('{id}') - 1] : name.replace(/Ids?$/, '');
      switch (owner) {
        case 'showtimes':
        case 'showtime':
          return st.showtimeId;
        case 'performances':
        case 'performance':
          return st.performanceId;
        case 'holds':
        case 'hold':
          return holdId;
        case 'coupons':
        case 'coupon':
          return couponId;
        case 'venues':
        case 'venue':
          return st.venueId;
        case 'category':
          return categoryId;
        case 'seat':
          return pick(st.seats).id;
        default:
          return randomUuid();
      }
    };

    const idMutations = (id: string): string[] => [
      id,
      id.toUpperCase(),
      `urn:uuid:${id}`,
      `{${id}}`,
      id.replace(/-/g, ''),
      id.slice(0, 35),
      `${id}0`,
      ` ${id}`,
      junk(),
      'x'.repeat(300),
      '0'.repeat(36),
      '',
      '%00',
      '../../etc/passwd',
      "1' OR '1'='1",
    ];
    const numberMutations = [
      '1e20',
      '-1',
      '0',
      'NaN',
      '1.5',
      '9'.repeat(400),
      'Infinity',
      '',
      'abc',
      '0x10',
      '1e-7',
    ];

    /** A value the schema accepts, as far as this small generator knows (good enough to get past validation). */
    const valid = (s: Schema | undefined, name: string, path: string): Json => {
      if (!s) return null;
      if (s.const !== undefined) return s.const;
      if (s.enum) return pick(s.enum);
      const alt = s.anyOf ?? s.oneOf;
      if (alt) return valid(pick(alt.filter((a) => a.type !== 'null')) ?? alt[0], name, path);
      const type = Array.isArray(s.type) ? s.type[0] : s.type;
      switch (type) {
        case 'object': {
          const out: Record<string, Json> = {};
          for (const [k, v] of Object.entries(s.properties ?? {})) {
            if (s.required?.includes(k) || chance(0.5)) out[k] = valid(v, k, path);
          }
          return out;
        }
        case 'array':
          return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () =>
            valid(s.items, name.replace(/s$/, ''), path),
          );
        case 'integer':
        case 'number':
          return s.default !== undefined ? s.default : Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 10, 1));
        case 'boolean':
          return chance(0.5);
        case 'null':
          return null;
        default:
          if (s.format === 'uuid' || s.pattern === UUID_LIKE.source) return realId(name, path);
          if (s.format === 'email') return `fuzz-${Math.floor(random() * 1e6)}@example.com`;
          if (s.format === 'date') return '2026-12-24';
          if (s.format === 'date-time') return new Date(Date.now() + 86400_000).toISOString();
          if (s.pattern === '^[0-9]{6}$') return '123456';
          if (s.pattern === '^[A-Z]{1,5}$') return 'R';
          if (s.pattern?.startsWith('^\\+?')) return '010-1234-5678';
          if (s.pattern?.startsWith('^[a-z0-9-]')) return 'musical';
          return name.toLowerCase().includes('password') ? 'Fuzz-passw0rd!' : 'fuzz';
      }
    };

    /** Something of the wrong kind for a field. */
    const wrong = (): Json =>
      pick<Json>([
        null,
        true,
        -1,
        1e308,
        1.5,
        '',
        'x'.repeat(100_000),
        junk(),
        [],
        [null],
        {},
        { $gt: '' },
        { nested: { deeper: { deepest: [1, 'two', null] } } },
        Array.from({ length: 1000 }, (_, i) => i),
        '__proto__',
        randomUuid().toUpperCase(),
        `urn:uuid:${randomUuid()}`,
      ]);

    const mutateBody = (
      base: Json,
      schema: Schema | undefined,
    ): { payload?: string; contentType?: string } => {
      const fields = schema?.properties ? Object.keys(schema.properties) : [];
      const obj = base && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
      switch (Math.floor(random() * 12)) {
        case 0:
          return { payload: JSON.stringify(base) };
        case 1: // a field of the wrong type (or an id spelled otherwise)
          if (fields.length) obj[pick(fields)] = wrong();
          return { payload: JSON.stringify(obj) };
        case 2: // a required field missing
          if (schema?.required?.length) delete obj[pick(schema.required)];
          return { payload: JSON.stringify(obj) };
        case 3: // an extra field
          obj[pick(['role', 'isAdmin', '__proto__', 'constructor', junk()])] = wrong();
          return { payload: JSON.stringify(obj) };
        case 4: // every field null
          return { payload: JSON.stringify(Object.fromEntries(fields.map((f) => [f, null]))) };
        case 5:
          return {
            payload: pick(['{', '{"a":', 'nul', '[1,]', '{"a":1}}', '\u0000', '"str"', '{"a":1,"a":2}']),
          };
        case 6:
          return {
            payload: JSON.stringify(base),
            contentType: pick([
              'text/plain',
              'application/xml',
              'multipart/form-data; boundary=x',
              'application/x-www-form-urlencoded',
              'application/json; charset=latin1',
            ]),
          };
        case 7:
          return { payload: '', contentType: 'application/json' };
        case 8:
          return { payload: JSON.stringify(pick<Json>([null, [], 42, 'text', true, [base]])) };
        case 9: // deeply nested
          return { payload: '['.repeat(5000) + ']'.repeat(5000) };
        case 10: // a huge string field, over the body limit half of the time
          if (fields.length) obj[pick(fields)] = 'x'.repeat(chance(0.5) ? 600_000 : 1_100_000);
          return { payload: JSON.stringify(obj) };
        default: // an id inside the body spelled otherwise
          for (const f of fields) {
            const v = obj[f];
            if (typeof v === 'string' && UUID_LIKE.test(v)) obj[f] = pick(idMutations(v).slice(1));
            if (Array.isArray(v) && typeof v[0] === 'string') obj[f] = [pick(idMutations(v[0]).slice(1))];
          }
          return { payload: JSON.stringify(obj) };
      }
    };

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let sent = 0;
    let turn = 0;
    const identities = () => [undefined, users[turn % users.length], admins[turn % admins.length]];

    for (const route of routes) {
      const params = route.op.parameters ?? [];
      const bodySchema = route.op.requestBody?.content?.['application/json']?.schema;
      for (let n = 0; n < PER_ROUTE; n++) {
        turn++;
        for (const who of identities()) {
          // Streams with ids: bad ids only (fails validation before any stream); one that opens is closed.
          const mutateIds = route.streams || chance(0.7);
          let url = route.path;
          for (const p of params.filter((q) => q.in === 'path')) {
            const real =
              p.schema?.format === 'uuid' || p.name.endsWith('Id') || p.name === 'id'
                ? realId(p.name, route.path)
                : String(valid(p.schema, p.name, route.path));
            let value = mutateIds ? pick(idMutations(real).slice(1)) : real;
            if (route.streams && value === '') value = 'x';
            url = url.replace(`{${p.name}}`, encodeURIComponent(value));
          }
          const query: string[] = [];
          for (const p of params.filter((q) => q.in === 'query')) {
            const isNumber = p.schema?.type === 'integer' || p.schema?.type === 'number';
            const roll = random();
            let value: string | undefined;
            if (roll < 0.5)
              value = isNumber
                ? pick(numberMutations)
                : pick([junk(), 'x'.repeat(5000), '', `urn:uuid:${randomUuid()}`]);
            else if (roll < 0.8) value = String(valid(p.schema, p.name, route.path));
            if (value !== undefined) query.push(`${p.name}=${encodeURIComponent(value)}`);
            if (chance(0.1)) query.push(`${p.name}=${encodeURIComponent(pick(numberMutations))}`);
          }
          if (chance(0.1)) query.push(`${encodeURIComponent(junk())}=1`);
          const headers: Record<string, string> = {};
          if (who) headers.authorization = who.headers.authorization;
          else if (chance(0.2))
            headers.authorization = pick([
              'Bearer',
              'Bearer x.y.z',
              'Basic Zm9vOmJhcg==',
              'Bearer ' + 'a'.repeat(5000),
            ]);
          for (const p of params.filter((q) => q.in === 'header')) {
            if (chance(0.6))
              headers[p.name] = pick([junk(), 'x'.repeat(5000), `fuzz-${Math.floor(random() * 1e9)}`, '']);
          }
          const target = query.length ? `${url}?${query.join('&')}` : url;
          const request: InjectOptions = {
            method: route.method as InjectOptions['method'],
            url: target,
            headers,
            // A fresh client address each time: per-address rate limits do not merge the whole run.
            remoteAddress: `10.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${1 + Math.floor(random() * 254)}`,
          };
          if (bodySchema || (['POST', 'PUT', 'PATCH'].includes(route.method) && chance(0.3))) {
            const { payload, contentType } = mutateBody(valid(bodySchema, 'body', route.path), bodySchema);
            request.payload = payload;
            headers['content-type'] = contentType ?? 'application/json';
          }
          // A stream route that takes no id can open a stream: it is closed once its head is in.
          const res = route.streams ? await injectMaybeStream(t.app, request) : await t.app.inject(request);
          sent++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const where = `${route.method} ${target.slice(0, 200)} as ${who?.role ?? 'anonymous'}`;
          if (res.statusCode >= 500) {
            failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 300)}`);
          } else if (res.statusCode >= 400) {
            const type = String(res.headers['content-type'] ?? '');
            let code: unknown;
            try {
              code = (res.json() as { code?: unknown }).code;
            } catch {
              code = undefined;
            }
            if (!type.startsWith('application/problem+json') || typeof code !== 'string') {
              failures.push(`${where} → ${res.statusCode} ${type} ${res.body.slice(0, 200)}`);
            }
          }
        }
      }
    }

    const summary = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${s}×${c}`)
      .join(' ');
    const streaming = routes.filter((r) => r.streams).length;
    console.log(
      `fuzz: seed ${SEED}, ${routes.length} routes (${streaming} streaming, closed once open), ${sent} requests; statuses ${summary}`,
    );
    expect(failures.slice(0, 30), `${failures.length} bad answers`).toEqual([]);
    // Rate limits must not be what the run measured: a handful of 429s at most.
    expect(statuses.get(429) ?? 0).toBeLessThan(sent * 0.05);
    // And the run reached past validation: some successes, not only 400s.
    expect([...statuses.entries()].filter(([s]) => s < 300).reduce((a, [, c]) => a + c, 0)).toBeGreaterThan(
      sent * 0.05,
    );
  });
});
