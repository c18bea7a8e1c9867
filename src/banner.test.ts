import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { welcomeBanner } from './banner.ts';

describe('start banner', () => {
  it('says where to go: site, API docs, admin sign-in with the development password, sandbox gateway', () => {
    const banner = welcomeBanner(loadConfig({ NODE_ENV: 'development' }));
    expect(banner).toContain('Site             http://localhost:3000/');
    expect(banner).toContain('API docs         http://localhost:3000/docs');
    expect(banner).toContain('Admin            http://localhost:3000/login?next=/admin');
    expect(banner).toContain('admin@culture-ticket.local / Admin!2345');
    expect(banner).toContain('Sandbox gateway  http://127.0.0.1:3001');
  });

  it('never prints a password that is not the development default', () => {
    const banner = welcomeBanner(loadConfig({ NODE_ENV: 'development', ADMIN_PASSWORD: 'chosen-Secret-42' }));
    expect(banner).not.toContain('chosen-Secret-42');
    expect(banner).toContain('admin@culture-ticket.local with ADMIN_PASSWORD');
  });
});
