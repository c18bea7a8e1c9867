import type { MailLang } from '../mail/index.ts';

/** Where a user's mail goes and in which language; notifications never reads the users table. */
export interface NotificationContacts {
  /** Live accounts among `userIds` (withdrawn ones are absent). */
  contactsOf(userIds: string[]): Promise<Map<string, { email: string; language: MailLang }>>;
}
