/**
 * Every notification type of the public contract (../shared/API.md "Wishlist, alerts,
 * notifications") and the settings category it falls under. Booking notices are transactional:
 * their mail is never capped and cannot be unsubscribed from.
 */
export const NOTIFICATION_CATEGORY = {
  BOOKING_CONFIRMED: 'booking',
  TICKETS_ISSUED: 'booking',
  BOOKING_CANCELLED: 'booking',
  INQUIRY_ANSWERED: 'booking',
  REVIEW_REPLIED: 'booking',
  REVIEW_HIDDEN: 'booking',
  SHOW_REMINDER: 'reminders',
  REVIEW_INVITATION: 'reminders',
  ONSALE_SOON: 'alerts',
  ONSALE_OPEN: 'alerts',
  KEYWORD_MATCH: 'alerts',
  CHAT_ACTIVITY: 'alerts',
} as const;

export type NotificationType = keyof typeof NOTIFICATION_CATEGORY;
export const NOTIFICATION_TYPES = Object.keys(NOTIFICATION_CATEGORY) as NotificationType[];

export const NOTIFICATION_CATEGORIES = ['booking', 'reminders', 'alerts', 'marketing'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export type NotificationChannel = 'email' | 'inApp';

/** Categories whose mail counts against the daily cap and carries an unsubscribe link. */
export const isTransactional = (category: NotificationCategory): boolean => category === 'booking';
