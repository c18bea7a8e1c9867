import { Type, type Static } from 'typebox';

const channel = (description: string) =>
  Type.Object(
    {
      booking: Type.Boolean({ description: 'Bookings, tickets, cancellations and replies to you' }),
      reminders: Type.Boolean({ description: 'The day-before reminder and the review invitation' }),
      alerts: Type.Boolean({ description: 'On-sale and keyword alerts, fan chat activity' }),
      marketing: Type.Boolean({ description: 'Offers and news (off unless turned on)' }),
    },
    { description },
  );

export const NotificationSettingsView = Type.Object({
  email: channel('Mail per category; booking is always true'),
  inApp: channel('In-app notifications (the bell and the list) per category'),
});
export type NotificationSettingsView = Static<typeof NotificationSettingsView>;

const channelChange = (description: string) =>
  Type.Object(
    {
      booking: Type.Optional(Type.Boolean()),
      reminders: Type.Optional(Type.Boolean()),
      alerts: Type.Optional(Type.Boolean()),
      marketing: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false, description },
  );

export const NotificationSettingsChange = Type.Object(
  {
    email: Type.Optional(channelChange('email.booking may only be true (400 BOOKING_MAIL_REQUIRED)')),
    inApp: Type.Optional(channelChange('Any category can be switched')),
  },
  { additionalProperties: false },
);
export type NotificationSettingsChange = Static<typeof NotificationSettingsChange>;

export const UnsubscribeQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 300 }) });
export const UnsubscribeBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);

export const UnsubscribePreview = Type.Object({
  category: Type.Union([Type.Literal('reminders'), Type.Literal('alerts'), Type.Literal('marketing')]),
  /** Whether that category's mail is on now (false: already unsubscribed). */
  emailEnabled: Type.Boolean(),
});
