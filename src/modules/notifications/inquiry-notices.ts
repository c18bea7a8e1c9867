import type { Background, Infra } from '../../container.ts';
import type { ConsumerHandle } from '../../infra/broker.ts';
import { parseEvent, type ParsedEvent } from '../events/event-schemas.ts';
import type { Notifier } from './notifier.ts';

/** Where a buyer's inquiry thread is in the web app. */
export const inquiryLink = (inquiryId: string): string => `/me/inquiries/${inquiryId}`;

/**
 * Turns `inquiry.answered` into the buyer's INQUIRY_ANSWERED notification, in-app and by mail.
 * Keyed on the answering message (`INQUIRY_ANSWERED:<messageId>`), so a redelivered event, or the
 * same event handled by two workers at once, creates one notification and one mail; a second answer
 * in the same thread is a notice of its own.
 */
export class InquiryNotices {
  constructor(private readonly d: { notifier: Pick<Notifier, 'deliver'>; publicUrl: string }) {}

  async answered(event: ParsedEvent<'inquiry.answered'>): Promise<number> {
    const e = event.data;
    const link = inquiryLink(e.inquiryId);
    return this.d.notifier.deliver([
      {
        userId: e.userId,
        type: 'INQUIRY_ANSWERED',
        dedupeKey: `INQUIRY_ANSWERED:${e.messageId}`,
        title: '1:1 문의에 답변이 달렸어요',
        body: `「${e.title}」 ${e.excerpt}`,
        link,
        mail: {
          template: 'inquiry-answered',
          data: { inquiryTitle: e.title, answer: e.excerpt, link: `${this.d.publicUrl}${link}` },
        },
      },
    ]);
  }
}

/** The worker's consumer of `inquiry.answered` (queue NOTIFICATION_QUEUES.inquiryAnswered). */
export function inquiryNoticeConsumer(
  infra: Pick<Infra, 'broker'>,
  notices: InquiryNotices,
  queue: string,
): Background {
  const handles: ConsumerHandle[] = [];
  return {
    name: 'notifications-inquiry-consumer',
    start: async () => {
      handles.push(
        await infra.broker.consume({
          queue,
          bindings: ['inquiry.answered'],
          handler: async (body) => {
            await notices.answered(parseEvent('inquiry.answered', body));
          },
        }),
      );
    },
    stop: async () => {
      for (const handle of handles.splice(0)) await handle.cancel();
    },
  };
}
