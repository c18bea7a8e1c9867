import type { NewNotification } from '../notifications/index.ts';

/** How a keyword match reaches the user: the notifications module's Notifier (wired in container.ts). */
export interface KeywordMatchNotifier {
  /** Creates each (user, dedupe key) once; returns how many were new. */
  deliver(items: NewNotification[]): Promise<number>;
}
