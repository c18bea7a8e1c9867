import { describe, expect, it } from 'vitest';
import { DEV_SECRETS, loadConfig } from '../src/config.ts';

describe('config', () => {
  it('reaches the local services with nothing set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toContain('127.0.0.1:5432');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.AMQP_URL).toContain('127.0.0.1:5672');
    expect(config.PAYMENT_GATEWAY_URL).toBe('http://127.0.0.1:3001');
    expect(config.REQUIRE_EMAIL_VERIFICATION).toBe(true);
    expect(config.DATABASE_REPLICA_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names the variable that holds a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ REQUIRE_EMAIL_VERIFICATION: 'maybe' })).toThrow(/REQUIRE_EMAIL_VERIFICATION/);
    expect(() => loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '3600' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ TICKET_SIGNING_SECRET: 'short' })).toThrow(/TICKET_SIGNING_SECRET/);
  });

  /** Every secret set to a real value: a production config that loads. */
  const real = {
    NODE_ENV: 'production',
    JWT_SECRET: 'p'.repeat(40),
    PAYMENT_GATEWAY_SECRET: 'gw-secret',
    PAYMENT_WEBHOOK_SECRET: 'wh-secret',
    TICKET_SIGNING_SECRET: 'ticket-signing-secret',
    ADMIN_PASSWORD: 'A-real-admin-password-1',
  };

  it('refuses development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/development default/);
    const ok = loadConfig(real);
    expect(ok.NODE_ENV).toBe('production');
  });

  describe('in production', () => {
    it('refuses the webhook secret left at its development default', () => {
      const { PAYMENT_WEBHOOK_SECRET: _unset, ...rest } = real;
      expect(() => loadConfig(rest)).toThrow(/PAYMENT_WEBHOOK_SECRET.*development default/);
      expect(() =>
        loadConfig({ ...real, PAYMENT_WEBHOOK_SECRET: DEV_SECRETS.PAYMENT_GATEWAY_SECRET }),
      ).toThrow(/PAYMENT_WEBHOOK_SECRET/);
    });

    it('refuses any secret copied from another development default', () => {
      expect(() =>
        loadConfig({ ...real, PAYMENT_WEBHOOK_SECRET: DEV_SECRETS.TICKET_SIGNING_SECRET }),
      ).toThrow(/PAYMENT_WEBHOOK_SECRET/);
    });

    it('refuses an extra ticket signing key whose secret is a development default', () => {
      expect(() =>
        loadConfig({
          ...real,
          TICKET_SIGNING_KEYS: `k0:old-real-secret-0123456789,k9:${DEV_SECRETS.TICKET_SIGNING_SECRET}`,
        }),
      ).toThrow(/TICKET_SIGNING_KEYS.*"k9".*development default/);
      const ok = loadConfig({ ...real, TICKET_SIGNING_KEYS: 'k0:old-real-secret-0123456789' });
      expect(ok.TICKET_SIGNING_KEYS).toEqual(['k0:old-real-secret-0123456789']);
    });

    it('accepts the development ticket key outside production', () => {
      const dev = loadConfig({ TICKET_SIGNING_KEYS: `k0:${DEV_SECRETS.TICKET_SIGNING_SECRET}` });
      expect(dev.TICKET_SIGNING_KEYS).toHaveLength(1);
    });
  });

  it('names TICKET_SIGNING_KEYS when an entry is not kid:secret', () => {
    expect(() => loadConfig({ TICKET_SIGNING_KEYS: 'no-colon-here' })).toThrow(/TICKET_SIGNING_KEYS/);
    expect(() => loadConfig({ TICKET_SIGNING_KEYS: 'k0:' })).toThrow(/TICKET_SIGNING_KEYS/);
  });
});
