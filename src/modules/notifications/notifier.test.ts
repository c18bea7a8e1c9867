import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp, type TestEnv } from '../../../test/context.ts';
import { createUser, type TestUser } from '../../../test/factories.ts';
import type { NewNotification } from './notifier.ts';

describe('Notifier', () => {
  let t: TestApp & { env: TestEnv };
  let me: TestUser;
  beforeAll(async () => {
    t = await setupTestApp();
    me = await createUser(t.container);
  });
  afterAll(() => t.close());

  const count = async (table: 'notifications' | 'mail_queue', userId: string) =>
    Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE user_id = ${userId}`.execute(t.container.db)
      ).rows[0]!.n,
    );

  const confirmed = (userId: string, key: string): NewNotification => ({
    userId,
    type: 'BOOKING_CONFIRMED',
    dedupeKey: key,
    title: '예매가 완료되었어요',
    body: '뮤지컬 〈테스트〉 2석',
    link: '/me/reservations',
    mail: {
      template: 'notice',
      data: { title: '예매가 완료되었어요', body: '뮤지컬 〈테스트〉 2석', link: null },
    },
  });

  it('creates one notification and one mail per (user, key), however many deliveries race', async () => {
    const key = `BOOKING_CONFIRMED:${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 8 }, () => t.container.notifications.notifier.deliver([confirmed(me.id, key)])),
    );
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await count('notifications', me.id)).toBe(1);
    expect(await count('mail_queue', me.id)).toBe(1);
  });

  it('keeps alerts out of the app and the mailbox when the user switched them off, and booking mail on', async () => {
    const user = await createUser(t.container);
    await sql`INSERT INTO notification_settings (user_id, email_alerts, in_app_alerts) VALUES (${user.id}, false, false)`.execute(
      t.container.db,
    );
    const created = await t.container.notifications.notifier.deliver([
      {
        userId: user.id,
        type: 'ONSALE_OPEN',
        dedupeKey: `ONSALE_OPEN:${randomUUID()}`,
        title: '티켓이 열렸어요',
        body: '지금 예매할 수 있어요',
        link: null,
        mail: { template: 'notice', data: { title: '티켓이 열렸어요', body: '', link: null } },
      },
      confirmed(user.id, `BOOKING_CONFIRMED:${randomUUID()}`),
    ]);
    expect(created).toBe(2);
    const rows = await sql<{ type: string; in_app: boolean }>`
      SELECT type, in_app FROM notifications WHERE user_id = ${user.id} ORDER BY type`.execute(
      t.container.db,
    );
    expect(rows.rows).toEqual([
      { type: 'BOOKING_CONFIRMED', in_app: true },
      { type: 'ONSALE_OPEN', in_app: false },
    ]);
    const mails = await sql<{
      category: string;
    }>`SELECT category FROM mail_queue WHERE user_id = ${user.id}`.execute(t.container.db);
    expect(mails.rows).toEqual([{ category: 'booking' }]);
  });

  it('sends nothing for an account that no longer exists', async () => {
    expect(await t.container.notifications.notifier.deliver([confirmed(randomUUID(), 'k')])).toBe(0);
  });
});
