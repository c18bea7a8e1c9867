import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ask, assistantEnv, listen } from '../../../test/assistant.ts';
import { ManualClock } from '../../../test/clock.ts';
import { createTestApp, createTestEnv, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createShowtimeWithSeats, createUser, type TestUser } from '../../../test/factories.ts';
import { startOpenAiStub, type OpenAiStub } from '../../../test/openai-stub.ts';

/** Limits and failures: unconfigured, model server down or slow, the daily limit, the token budget. */
describe('AI assistant: limits and failures', () => {
  let stub: OpenAiStub;
  let env: TestEnv;
  const apps: TestApp[] = [];
  const start = async (overrides: Record<string, string>, clock?: ManualClock) => {
    const t = await createTestApp(env, overrides, 'api', clock ? { clock } : {});
    apps.push(t);
    return { t, base: await listen(t.app) };
  };
  let base: string;
  let t: TestApp;

  beforeAll(async () => {
    stub = await startOpenAiStub();
    env = await createTestEnv();
    ({ t, base } = await start(assistantEnv(stub)));
    await createShowtimeWithSeats(t.container, { title: '오페라의 유령' });
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await env?.drop();
    await stub?.close();
  });
  beforeEach(() => stub.reset());

  const remaining = async (b: string, user: TestUser) =>
    ((await (await fetch(`${b}/assistant`, { headers: user.headers })).json()) as { remainingToday: number })
      .remainingToday;

  it('is 503 ASSISTANT_UNAVAILABLE when no model is configured, and says so to the web app', async () => {
    const off = await start({});
    const user = await createUser(off.t.container);
    const answer = await ask(off.base, user, { text: '안녕' });
    expect(answer.status).toBe(503);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.problem!.code).toBe('ASSISTANT_UNAVAILABLE');
    expect(await (await fetch(`${off.base}/assistant`)).json()).toEqual({ available: false, dailyLimit: 50 });
  });

  it('answers 503 ASSISTANT_UNAVAILABLE when the model server fails or is gone, and does not count the question', async () => {
    const user = await createUser(t.container);
    const before = await remaining(base, user);
    stub.enqueue({ status: 500 });
    const failed = await ask(base, user, { text: '뮤지컬 추천해 줘' });
    expect(failed.status).toBe(503);
    expect(failed.problem!.code).toBe('ASSISTANT_UNAVAILABLE');
    expect(stub.requests).toHaveLength(1);
    expect(await remaining(base, user)).toBe(before);

    // Nothing listening at all.
    const gone = await start(assistantEnv(stub, { AI_BASE_URL: 'http://127.0.0.1:9/v1' }));
    const refused = await ask(gone.base, user, { text: '뮤지컬 추천해 줘' });
    expect(refused.status).toBe(503);
    expect(refused.problem!.code).toBe('ASSISTANT_UNAVAILABLE');
  });

  it('retries a failed call before the answer starts, as configured', async () => {
    const retrying = await start(assistantEnv(stub, { AI_MAX_RETRIES: '1' }));
    const user = await createUser(t.container);
    stub.enqueue({ status: 503 }, { text: '안녕하세요!' });
    const answer = await ask(retrying.base, user, { text: '안녕' });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('안녕하세요!');
    expect(stub.requests).toHaveLength(2);
  });

  it('answers 504 ASSISTANT_TIMEOUT when the model server does not answer in time', async () => {
    const user = await createUser(t.container);
    stub.enqueue({ hang: true });
    const answer = await ask(base, user, { text: '뮤지컬 추천해 줘' });
    expect(answer.status).toBe(504);
    expect(answer.problem!.code).toBe('ASSISTANT_TIMEOUT');
  });

  it('sends an error event when the model stalls mid-answer, after the pieces already streamed', async () => {
    const user = await createUser(t.container);
    stub.enqueue({ stallAfter: ['이번 주말에는 ', '오페라의 '] });
    const answer = await ask(base, user, { text: '이번 주말 뭐 볼까?' });
    expect(answer.status).toBe(200);
    expect(answer.events.map((e) => e.event)).toEqual(['delta', 'delta', 'error']);
    expect(answer.error).toMatchObject({ code: 'ASSISTANT_TIMEOUT' });
    expect(answer.error!.conversationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends an error event when the model server fails between tool rounds', async () => {
    const user = await createUser(t.container);
    stub.enqueue({ toolCalls: [{ name: 'refund_policy', arguments: {} }] }, { status: 500 });
    const answer = await ask(base, user, { text: '환불 규정?' });
    expect(answer.status).toBe(200);
    expect(answer.events.at(-1)!.event).toBe('error');
    expect(answer.error!.code).toBe('ASSISTANT_UNAVAILABLE');
  });

  it('holds the daily limit per user across instances, with Retry-After until the next Korean day', async () => {
    const limits = assistantEnv(stub, { AI_DAILY_MESSAGES_PER_USER: '2' });
    const one = await start(limits);
    const two = await start(limits);
    const user = await createUser(t.container);
    const neighbour = await createUser(t.container);
    expect((await ask(one.base, user, { text: '하나' })).status).toBe(200);
    expect((await ask(two.base, user, { text: '둘' })).status).toBe(200);
    const third = await ask(one.base, user, { text: '셋' });
    expect(third.status).toBe(429);
    expect(third.problem).toMatchObject({ code: 'RATE_LIMITED', limit: 'daily', dailyLimit: 2 });
    const retryAfter = Number(third.retryAfter);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(third.problem!.retryAfterSeconds).toBe(retryAfter);
    expect(stub.requests).toHaveLength(2);
    // Another user is not affected.
    expect((await ask(two.base, neighbour, { text: '하나' })).status).toBe(200);
  });

  it('holds the per-minute token budget for the whole service, and opens again the next minute', async () => {
    const clock = new ManualClock(Date.UTC(2031, 0, 1, 3, 0, 10));
    const budget = assistantEnv(stub, { AI_TOKENS_PER_MINUTE: '100' });
    const one = await start(budget, clock);
    const two = await start(budget, clock);
    const a = await createUser(t.container);
    const b = await createUser(t.container);
    // The first question of a minute always goes (a budget smaller than one question locks nobody out).
    expect((await ask(one.base, a, { text: '안녕' })).status).toBe(200);
    const refused = await ask(two.base, b, { text: '안녕' });
    expect(refused.status).toBe(429);
    expect(refused.problem!.code).toBe('ASSISTANT_BUSY');
    expect(Number(refused.retryAfter)).toBe(50);
    expect(stub.requests).toHaveLength(1);
    // A refused question is not counted against the user either.
    expect(await remaining(two.base, b)).toBe(50);
    clock.advance(60_000);
    expect((await ask(two.base, b, { text: '안녕' })).status).toBe(200);
  });
});
