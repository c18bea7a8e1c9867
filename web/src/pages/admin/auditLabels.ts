import type { Lang } from '../../i18n/dict.ts';

/**
 * 작업 기록 in words: an entry's action (`PATCH /admin/performances/:id`, `order.refund`) and its
 * target (`performances` + a UUID) read as "공연 수정" and "공연 · 레미제라블", never as the route or
 * the id (those stay in the entry's 바뀐 내용 for whoever needs them).
 */
type Words = { ko: string; en: string };

/** What a target is, by the type the recorders write (the admin path segment or a singular name). */
const TARGETS: Record<string, Words> = {
  venues: { ko: '공연장', en: 'Venue' },
  performances: { ko: '공연', en: 'Performance' },
  showtimes: { ko: '회차', en: 'Showtime' },
  coupons: { ko: '쿠폰', en: 'Coupon' },
  users: { ko: '회원', en: 'Member' },
  orders: { ko: '주문', en: 'Order' },
  reservations: { ko: '주문', en: 'Order' },
  inquiries: { ko: '1:1 문의', en: 'Inquiry' },
  reviews: { ko: '관람후기', en: 'Review' },
  'banned-words': { ko: '금칙어', en: 'Banned word' },
  uploads: { ko: '이미지', en: 'Image' },
  'check-ins': { ko: '입장 확인', en: 'Check-in' },
  chat: { ko: '채팅', en: 'Chat' },
};
const SINGULAR: Record<string, string> = {
  venue: 'venues',
  performance: 'performances',
  showtime: 'showtimes',
  coupon: 'coupons',
  user: 'users',
  order: 'orders',
  reservation: 'reservations',
  inquiry: 'inquiries',
  review: 'reviews',
  'banned-word': 'banned-words',
};

/** Actions named by the services that record their own entries. */
const NAMED: Record<string, Words> = {
  'user.update': { ko: '회원 정보 변경', en: 'Member changed' },
  'banned-word.add': { ko: '금칙어 추가', en: 'Banned word added' },
  'banned-word.remove': { ko: '금칙어 삭제', en: 'Banned word removed' },
  'orders.export': { ko: '주문 CSV 내려받기', en: 'Orders exported (CSV)' },
  'order.cancel': { ko: '관리자 취소·환불', en: 'Cancelled and refunded' },
  'order.refund': { ko: '관리자 부분 환불', en: 'Partly refunded' },
  'review.hide': { ko: '관람후기 숨김', en: 'Review hidden' },
  'review.reply': { ko: '관람후기 답글', en: 'Review replied to' },
  'coupon.update': { ko: '쿠폰 수정', en: 'Coupon edited' },
  'coupon.stop': { ko: '쿠폰 발급 중지', en: 'Coupon issuing stopped' },
  'inquiry.close': { ko: '1:1 문의 종료', en: 'Inquiry closed' },
  'inquiry.answer': { ko: '1:1 문의 답변', en: 'Inquiry answered' },
  'performance.poster.replace': { ko: '포스터 교체', en: 'Poster replaced' },
};

/** The generic recorder's `METHOD /admin/...` routes whose words are not "<target> <verb>". */
const ROUTES: Record<string, Words> = {
  'POST /admin/performances/:id/showtimes': { ko: '회차 등록', en: 'Showtime added' },
  'PUT /admin/performances/:id/poster': { ko: '포스터 교체', en: 'Poster replaced' },
  'DELETE /admin/performances/:id/poster': { ko: '기본 포스터로 되돌림', en: 'Generated poster restored' },
  'POST /admin/orders/:id/cancel': { ko: '관리자 취소·환불', en: 'Cancelled and refunded' },
  'POST /admin/uploads': { ko: '이미지 올림', en: 'Image uploaded' },
  'POST /admin/check-ins': { ko: '입장 확인', en: 'Ticket checked in' },
  'POST /admin/chat/messages/:id/delete': { ko: '채팅 메시지 삭제', en: 'Chat message deleted' },
  'POST /admin/chat/mutes': { ko: '채팅 금지', en: 'Chat mute' },
};

const VERBS: Record<string, Words> = {
  POST: { ko: '등록', en: 'added' },
  PUT: { ko: '수정', en: 'edited' },
  PATCH: { ko: '수정', en: 'edited' },
  DELETE: { ko: '삭제', en: 'deleted' },
};

const targetWords = (type: string): Words | undefined => TARGETS[SINGULAR[type] ?? type];

/** "공연 수정" for `PATCH /admin/performances/:id`; an action nobody named yet reads as itself. */
export function actionLabel(action: string, lang: Lang): string {
  const named = NAMED[action] ?? ROUTES[action];
  if (named) return named[lang];
  const route = /^(POST|PUT|PATCH|DELETE) \/admin\/([a-z-]+)(\/:id)?$/.exec(action);
  const what = route ? targetWords(route[2]!) : undefined;
  const verb = route ? VERBS[route[1]!] : undefined;
  if (!what || !verb) return action;
  return lang === 'ko' ? `${what.ko} ${verb.ko}` : `${what.en} ${verb.en}`;
}

const NAME_KEYS = ['title', 'name', 'word', 'bookingNumber', 'nickname', 'email', 'subject'] as const;

/** The first human name in a recorded state: the title of a show, the name of a venue, … */
function nameIn(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const o = state as Record<string, unknown>;
  for (const k of NAME_KEYS) if (typeof o[k] === 'string' && o[k]) return o[k];
  return nameIn(o.response) ?? nameIn(o.body);
}

/** "공연 · 레미제라블" (the name from the entry's after or before), or the kind alone. */
export function targetLabel(
  entry: { target: { type: string; id: string } | null; before: unknown; after: unknown },
  lang: Lang,
): string {
  if (!entry.target) return '—';
  const kind = targetWords(entry.target.type)?.[lang] ?? entry.target.type;
  const name = nameIn(entry.after) ?? nameIn(entry.before);
  return name ? `${kind} · ${name}` : kind;
}
