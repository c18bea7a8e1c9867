import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../test/context.ts';
import { createUser, TEST_PASSWORD } from '../test/factories.ts';
import { DEV_SECRETS } from './config.ts';
import { AdminAccountError, ensureAdmin, setAdminPassword } from './admin-account.ts';
import { REFRESH_COOKIE } from './modules/auth/auth.routes.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Each case below starts `tsx src/main.ts` once or twice: seconds each on a busy machine. */
const SPAWN_TIMEOUT_MS = 180_000;

/** Real secrets, so that NODE_ENV=production loads. */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: 'p'.repeat(40),
  PAYMENT_GATEWAY_SECRET: 'gw-secret-for-tests',
  PAYMENT_WEBHOOK_SECRET: 'wh-secret-for-tests',
  TICKET_SIGNING_SECRET: 'ticket-signing-secret-for-tests',
  ADMIN_PASSWORD: 'Prod-admin-password-1',
};

interface Run {
  code: number | null;
  /** True when the process got as far as listening (it is then stopped). */
  listening: boolean;
  output: string;
}

/** `tsx src/main.ts <args>` until it exits, or until it listens (then it is stopped). */
function runMain(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let listening = false;
  const onData = (d: Buffer) => {
    output += d.toString();
    if (!listening && /Server listening/.test(output)) {
      listening = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, listening, output })));
}

describe('admin account', () => {
  let t: TestApp & { env: TestEnv };
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(() => t.close());

  const deps = (overrides: Record<string, string>) => ({
    db: t.container.db,
    log: t.container.log,
    sessions: t.container.sessions,
    config: t.env.config(overrides),
  });
  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const roleOf = async (email: string) =>
    (await t.container.db.selectFrom('users').select('role').where('email', '=', email).executeTakeFirst())
      ?.role;
  const adminEmail = () => `admin-${randomUUID()}@example.com`;

  it('does not promote an existing USER or STAFF account at ADMIN_EMAIL, and keeps its password', async () => {
    for (const role of ['USER', 'STAFF'] as const) {
      const user = await createUser(t.container, { role, email: adminEmail() });
      const state = await ensureAdmin(deps({ ADMIN_EMAIL: user.email }));
      expect(state).toBe('not-admin');
      expect(await roleOf(user.email)).toBe(role);
      const own = await login(user.email, TEST_PASSWORD);
      expect(own.statusCode).toBe(200);
      expect(own.json().user.role).toBe(role);
      expect((await login(user.email, DEV_SECRETS.ADMIN_PASSWORD)).statusCode).toBe(401);
    }
  });

  it('refuses a production start when ADMIN_EMAIL belongs to a non-admin', async () => {
    const user = await createUser(t.container, { email: adminEmail() });
    await expect(ensureAdmin(deps({ ...PRODUCTION, ADMIN_EMAIL: user.email }))).rejects.toThrow(
      /belongs to an existing USER account, which is NOT promoted/,
    );
    expect(await roleOf(user.email)).toBe('USER');
  });

  it('creates the admin when the address is free and never changes its password at a later start', async () => {
    const email = adminEmail();
    expect(await ensureAdmin(deps({ ADMIN_EMAIL: email }))).toBe('created');
    expect(await ensureAdmin(deps({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'Another-password-9' }))).toBe(
      'exists',
    );
    const res = await login(email, DEV_SECRETS.ADMIN_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('ADMIN');
    expect((await login(email, 'Another-password-9')).statusCode).toBe(401);
  });

  it(
    'admin:password sets the password from ADMIN_PASSWORD or stdin: the new one signs in, the old does not',
    { timeout: SPAWN_TIMEOUT_MS },
    async () => {
      const email = adminEmail();
      await ensureAdmin(deps({ ADMIN_EMAIL: email }));

      const fromEnv = await runMain(['admin:password'], {
        ...t.env.env,
        ADMIN_EMAIL: email,
        ADMIN_PASSWORD: 'Rotated-admin-pass-1',
      });
      expect(fromEnv.code, fromEnv.output).toBe(0);
      expect((await login(email, 'Rotated-admin-pass-1')).statusCode).toBe(200);
      expect((await login(email, DEV_SECRETS.ADMIN_PASSWORD)).statusCode).toBe(401);

      const fromStdin = await runMain(
        ['admin:password', '--stdin'],
        { ...t.env.env, ADMIN_EMAIL: email },
        'Piped-admin-pass-2\n',
      );
      expect(fromStdin.code, fromStdin.output).toBe(0);
      const res = await login(email, 'Piped-admin-pass-2');
      expect(res.statusCode).toBe(200);
      expect(res.json().user.role).toBe('ADMIN');
      expect((await login(email, 'Rotated-admin-pass-1')).statusCode).toBe(401);
    },
  );

  it('rotating the admin password signs the admin out of existing sessions', async () => {
    const email = adminEmail();
    await ensureAdmin(deps({ ADMIN_EMAIL: email }));
    const first = await login(email, DEV_SECRETS.ADMIN_PASSWORD);
    const cookie = first.cookies.find((c) => c.name === REFRESH_COOKIE)!.value;
    expect(await setAdminPassword(deps({ ADMIN_EMAIL: email }), 'Rotated-admin-pass-3')).toBe('updated');
    const refresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: cookie },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('admin:password refuses a weak password and a non-admin address', async () => {
    const email = adminEmail();
    await ensureAdmin(deps({ ADMIN_EMAIL: email }));
    await expect(setAdminPassword(deps({ ADMIN_EMAIL: email }), 'short')).rejects.toThrow(
      /ADMIN_PASSWORD must be at least 10 characters/,
    );
    expect((await login(email, DEV_SECRETS.ADMIN_PASSWORD)).statusCode).toBe(200);

    const user = await createUser(t.container, { email: adminEmail() });
    await expect(setAdminPassword(deps({ ADMIN_EMAIL: user.email }), 'Takeover-pass-123')).rejects.toThrow(
      AdminAccountError,
    );
    expect(await roleOf(user.email)).toBe('USER');
    expect((await login(user.email, 'Takeover-pass-123')).statusCode).toBe(401);
  });

  it(
    'refuses a production start while the admin has the development password, naming the command',
    { timeout: SPAWN_TIMEOUT_MS },
    async () => {
      const email = adminEmail();
      await ensureAdmin(deps({ ADMIN_EMAIL: email })); // created in development, with the development password
      const env = { ...t.env.env, ...PRODUCTION, ADMIN_EMAIL: email, LOG_LEVEL: 'info', PORT: '0' };

      const refused = await runMain(['api'], env);
      expect(refused.listening, refused.output).toBe(false);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('still has the development password');
      expect(refused.output).toContain('npm run admin:password');

      // Once the operator has set a real password, the same start check passes.
      const production = deps({ ...PRODUCTION, ADMIN_EMAIL: email });
      await expect(ensureAdmin(production)).rejects.toThrow(AdminAccountError);
      await setAdminPassword(production, 'Prod-admin-password-2');
      expect(await ensureAdmin(production)).toBe('exists');
    },
  );
});
