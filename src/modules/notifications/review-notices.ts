import type { ParsedEvent } from '../events/event-schemas.ts';
import type { Notifier } from './notifier.ts';

/** What a notification quotes of a text people wrote: its first 80 characters. */
const excerpt = (text: string): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : chars.join('');
};

/** Where the author reads their reviews (the hidden one with its reason). */
export const myReviewsLink = '/me/reviews';
/** The review under the performance's reviews tab. */
export const reviewLink = (performanceId: string, reviewId: string): string =>
  `/performances/${performanceId}?tab=reviews#review-${reviewId}`;

/**
 * Turns moderation events into the author's notifications: REVIEW_HIDDEN (keyed on the review,
 * which is hidden once) and REVIEW_REPLIED (keyed on the review and the reply's time, so an edited
 * reply is told again). A redelivered event, or one handled by two workers at once, creates one
 * notification and one mail. The texts are stored and shown as text, like every notification.
 */
export class ReviewNotices {
  constructor(private readonly d: { notifier: Pick<Notifier, 'deliver'>; publicUrl: string }) {}

  async hidden(event: ParsedEvent<'review.hidden'>): Promise<number> {
    const e = event.data;
    const title = '관람후기가 숨김 처리되었어요';
    const body = [e.performanceTitle && `〈${e.performanceTitle}〉`, `사유: ${excerpt(e.reason)}`]
      .filter(Boolean)
      .join(' · ');
    return this.d.notifier.deliver([
      {
        userId: e.userId,
        type: 'REVIEW_HIDDEN',
        dedupeKey: `REVIEW_HIDDEN:${e.reviewId}`,
        title,
        body,
        link: myReviewsLink,
        mail: { template: 'notice', data: { title, body, link: `${this.d.publicUrl}${myReviewsLink}` } },
      },
    ]);
  }

  async replied(event: ParsedEvent<'review.replied'>): Promise<number> {
    const e = event.data;
    const title = '내 관람후기에 공연장 답글이 달렸어요';
    const body = [e.performanceTitle && `〈${e.performanceTitle}〉`, excerpt(e.reply)]
      .filter(Boolean)
      .join(' · ');
    const link = reviewLink(e.performanceId, e.reviewId);
    return this.d.notifier.deliver([
      {
        userId: e.userId,
        type: 'REVIEW_REPLIED',
        dedupeKey: `REVIEW_REPLIED:${e.reviewId}:${e.repliedAt}`,
        title,
        body,
        link,
        mail: { template: 'notice', data: { title, body, link: `${this.d.publicUrl}${link}` } },
      },
    ]);
  }
}
