import type { NewNotification } from '../notifications/index.ts';

/** What the chat asks the catalogue; it never reads the catalogue's tables. */
export interface ChatPerformances {
  /** True when the performance can be shown to anyone (not deleted, not a draft). */
  isListed(performanceId: string): Promise<boolean>;
}

/** Who wrote: nicknames by user id (users module). Unknown ids are simply absent. */
export interface ChatAuthors {
  nicknamesOf(userIds: string[]): Promise<Map<string, string>>;
}

/** Images attached to messages: stored through the uploads module (chat preset). */
export interface ChatImages {
  /** True when `url` names an image our uploads stored in the chat preset. */
  isChatImage(url: string): Promise<boolean>;
}

/** How CHAT_ACTIVITY reaches away members: the notifications module's Notifier. */
export interface ChatNotifier {
  /** Creates each (user, dedupe key) once; returns how many were new. */
  deliver(items: NewNotification[]): Promise<number>;
}
