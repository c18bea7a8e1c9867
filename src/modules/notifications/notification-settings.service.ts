import { AppError, fieldError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { MailQueue, UnsubscribableCategory, UnsubscribeTokens } from '../mail/index.ts';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from './notification-types.ts';
import type {
  NotificationSettingsChange,
  NotificationSettingsView,
} from './notification-settings.schemas.ts';
import type { NotificationSettingsRepository, SettingsColumn } from './notification-settings.repository.ts';
import type { SettingsRow } from './notifications.repository.ts';
import { channelOn } from './notifier.ts';
import type { NotificationContacts } from './ports.ts';

function viewOf(row: SettingsRow | undefined): NotificationSettingsView {
  const channel = (name: 'email' | 'inApp') =>
    Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, channelOn(row, name, c)])) as Record<
      NotificationCategory,
      boolean
    >;
  return { email: channel('email'), inApp: channel('inApp') };
}

/** Per-category, per-channel settings, and the signed unsubscribe links of notification mail. */
export class NotificationSettingsService {
  constructor(
    private readonly d: {
      db: Db;
      repo: NotificationSettingsRepository;
      tokens: UnsubscribeTokens;
      mail: MailQueue;
      contacts: NotificationContacts;
      clock: Clock;
    },
  ) {}

  async view(userId: string): Promise<NotificationSettingsView> {
    return viewOf(await this.d.repo.get(this.d.db, userId));
  }

  /** A partial change: what is not named stays as it is. Booking mail can only be on. */
  async update(userId: string, change: NotificationSettingsChange): Promise<NotificationSettingsView> {
    if (change.email?.booking === false) {
      throw fieldError('BOOKING_MAIL_REQUIRED', 'email.booking', 'required', 'cannot be turned off');
    }
    const columns: Partial<Record<SettingsColumn, boolean>> = {};
    for (const category of ['reminders', 'alerts', 'marketing'] as const) {
      const value = change.email?.[category];
      if (value !== undefined) columns[`email_${category}`] = value;
    }
    for (const category of NOTIFICATION_CATEGORIES) {
      const value = change.inApp?.[category];
      if (value !== undefined) columns[`in_app_${category}`] = value;
    }
    if (Object.keys(columns).length === 0) return this.view(userId);
    const turnedOff = (['reminders', 'alerts', 'marketing'] as const).filter(
      (c) => change.email?.[c] === false,
    );
    return viewOf(
      await this.d.db.transaction().execute(async (tx) => {
        const row = await this.d.repo.upsert(tx, userId, columns, this.d.clock.now());
        // What is already queued of a kind turned off is not sent either.
        await this.d.mail.withdrawPending(tx, userId, turnedOff);
        return row;
      }),
    );
  }

  private verify(token: string): { userId: string; category: UnsubscribableCategory } {
    const claim = this.d.tokens.verify(token);
    if (!claim) throw new AppError('INVALID_UNSUBSCRIBE_TOKEN');
    return claim;
  }

  /** What a link would do, without doing it (mail scanners follow links with GET). */
  async previewUnsubscribe(
    token: string,
  ): Promise<{ category: UnsubscribableCategory; emailEnabled: boolean }> {
    const { userId, category } = this.verify(token);
    const live = await this.d.contacts.contactsOf([userId]);
    if (!live.has(userId)) return { category, emailEnabled: false };
    return { category, emailEnabled: channelOn(await this.d.repo.get(this.d.db, userId), 'email', category) };
  }

  /** Turns the token's category mail off; a second use, or a withdrawn account, changes nothing. */
  async unsubscribe(token: string): Promise<{ category: UnsubscribableCategory }> {
    const { userId, category } = this.verify(token);
    const live = await this.d.contacts.contactsOf([userId]);
    if (live.has(userId)) {
      await this.d.db.transaction().execute(async (tx) => {
        await this.d.repo.turnOff(tx, userId, `email_${category}`, this.d.clock.now());
        await this.d.mail.withdrawPending(tx, userId, [category]);
      });
    }
    return { category };
  }
}
