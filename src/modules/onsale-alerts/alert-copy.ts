import type { NewNotification } from '../notifications/index.ts';

/** "12월 24일 (목) 19:00" in Korea's time, as notifications show a date. */
export function kst(at: Date): string {
  const parts = new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('month')}월 ${get('day')}일 (${get('weekday')}) ${get('hour')}:${get('minute')}`;
}

export interface OpeningFacts {
  showtimeId: string;
  performanceId: string;
  title: string;
  salesOpenAt: string;
}

/**
 * The ONSALE_SOON / ONSALE_OPEN notification of one subscriber. The dedupe key names the performance
 * and the opening time, whatever the subscription: "tickets for this show open at this time" is one
 * fact, so someone subscribed to the performance and to a showtime, or to two showtimes opening
 * together, is told once (docs/onsale-alerts.md).
 */
export function openingNotice(
  userId: string,
  phase: 'ONSALE_SOON' | 'ONSALE_OPEN',
  f: OpeningFacts,
  publicUrl: string,
): NewNotification {
  const key = `${phase}:perf:${f.performanceId}:${f.salesOpenAt}`;
  const soon = phase === 'ONSALE_SOON';
  return {
    userId,
    type: phase,
    dedupeKey: key,
    title: soon ? `10분 뒤 티켓 오픈: ${f.title}` : `티켓이 열렸어요: ${f.title}`,
    body: soon
      ? `${kst(new Date(f.salesOpenAt))}에 예매가 시작돼요.`
      : '지금 예매할 수 있어요. 좋은 자리는 빨리 나가요.',
    link: `/performances/${f.performanceId}`,
    mail: {
      template: 'onsale-alert',
      data: {
        phase: soon ? 'SOON' : 'OPEN',
        performanceTitle: f.title,
        salesOpenAt: f.salesOpenAt,
        link: `${publicUrl}/performances/${f.performanceId}`,
      },
    },
  };
}
