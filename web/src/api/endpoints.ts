import { API_BASE, call, request, setAccessToken, type Conditional } from './client.ts';
import type {
  LoginResult,
  NewCoupon,
  NewPerformance,
  NewShowtime,
  NewVenue,
  VenueChange,
  OpeningSoonQuery,
  PerformanceChange,
  ProfileChange,
  ShowtimeChange,
  RankingQuery,
  ReservationBody,
  SearchQuery,
  SeatMap,
  SignupBody,
  FindEmailBody,
  WithdrawBody,
  SocialProvider,
  NotificationSettingsChange,
  CouponEdit,
  OrdersQuery,
  AdminCancelBody,
  AdminUserChange,
  NewInquiry,
  DeskQuery,
  NewReview,
  ReviewChange,
  ReviewSort,
} from './types.ts';

/**
 * Every endpoint the web app uses. Each goes through `call`, which checks the route, its method,
 * parameters and body against the generated OpenAPI types and gives the answer the route's type.
 * Routes are relative to /api/v1.
 */

export type { SearchQuery, NewPerformance, NewShowtime, NewCoupon } from './types.ts';

const admissionHeader = (token?: string | null): Record<string, string> =>
  token ? { 'x-admission-token': token } : {};

export const auth = {
  // Mail is written in the language the page is shown in.
  requestCode: (email: string, lang: string) =>
    call('POST', '/auth/email-verifications', { body: { email }, headers: { 'accept-language': lang } }),
  confirmCode: (email: string, code: string) =>
    call('POST', '/auth/email-verifications/confirm', { body: { email, code } }),
  signup: (body: SignupBody) => call('POST', '/auth/signup', { body }),
  login: async (email: string, password: string): Promise<LoginResult> => {
    const result = await call('POST', '/auth/login', { body: { email, password }, noRefresh: true });
    setAccessToken(result.accessToken);
    return result;
  },
  logout: async (): Promise<void> => {
    try {
      await call('POST', '/auth/logout', { noRefresh: true });
    } finally {
      setAccessToken(null);
    }
  },
  me: () => call('GET', '/users/me'),
  requestPasswordReset: (email: string, lang: string) =>
    call('POST', '/auth/password-resets', { body: { email }, headers: { 'accept-language': lang } }),
  confirmPasswordReset: (token: string, newPassword: string, lang: string) =>
    call('POST', '/auth/password-resets/confirm', {
      body: { token, newPassword },
      headers: { 'accept-language': lang },
      noRefresh: true,
    }),
  findEmail: (body: FindEmailBody, lang: string) =>
    call('POST', '/auth/find-email', { body, headers: { 'accept-language': lang } }),
};

/** Notification settings (per category and channel) and the unsubscribe links of notification mail. */
export const notificationSettings = {
  get: () => call('GET', '/users/me/notification-settings'),
  update: (body: NotificationSettingsChange) => call('PATCH', '/users/me/notification-settings', { body }),
  previewUnsubscribe: (token: string) =>
    call('GET', '/notifications/unsubscribe', { query: { token }, noRefresh: true }),
  unsubscribe: (token: string) =>
    call('POST', '/notifications/unsubscribe', { body: { token }, noRefresh: true }),
};

/** The profile page: the account, its consents, its devices and withdrawal. */
export const account = {
  update: (body: ProfileChange) => call('PATCH', '/users/me', { body }),
  sessions: () => call('GET', '/users/me/sessions'),
  endSession: (id: string) => call('DELETE', '/users/me/sessions/{id}', { path: { id } }),
  endOtherSessions: () => call('DELETE', '/users/me/sessions'),
  withdraw: async (body: WithdrawBody): Promise<void> => {
    await call('DELETE', '/users/me', { body });
    // The session ended on the server with the account; nothing is left to refresh.
    setAccessToken(null);
  },
};

export const catalog = {
  categories: () => call('GET', '/categories'),
  search: (query: SearchQuery) => call('GET', '/performances', { query }),
  performance: (id: string) => call('GET', '/performances/{id}', { path: { id } }),
  showtimes: (performanceId: string) =>
    call('GET', '/performances/{id}/showtimes', { path: { id: performanceId } }),
  /** With `kept`, a conditional GET that answers the kept map while it has not changed. */
  seats: (showtimeId: string, kept?: Conditional<SeatMap>) =>
    call('GET', '/showtimes/{id}/seats', { path: { id: showtimeId }, conditional: kept }),
  /** REFUND_POLICY as the detail page shows it (owned by checkout, which applies it). */
  refundPolicy: () => call('GET', '/refund-policy'),
  rankings: (by: RankingQuery['by'], period: RankingQuery['period'], limit = 10, category?: string) =>
    call('GET', '/rankings/performances', { query: { by, period, limit, category } }),
  /** Up to 8 performances for what is typed so far (prefix, 초성, typos). */
  suggestions: (q: string, signal?: AbortSignal) =>
    call('GET', '/search/suggestions', { query: { q }, signal }),
  /** The ticket-open list: sales opening within `days`, with each opening date and time. */
  openingSoon: (query: OpeningSoonQuery = {}) => call('GET', '/performances/opening-soon', { query }),
};

export const queue = {
  /** `altcha`: a solved proof-of-work payload, for a showtime that asks for one. */
  enter: (showtimeId: string, altcha?: string) =>
    call('POST', '/showtimes/{id}/queue', { path: { id: showtimeId }, body: altcha ? { altcha } : {} }),
  challenge: (showtimeId: string) =>
    call('GET', '/showtimes/{id}/queue/challenge', { path: { id: showtimeId } }),
  status: (showtimeId: string) => call('GET', '/showtimes/{id}/queue', { path: { id: showtimeId } }),
  leave: (showtimeId: string) => call('DELETE', '/showtimes/{id}/queue', { path: { id: showtimeId } }),
};

export const booking = {
  hold: (showtimeId: string, seatIds: string[], admissionToken?: string | null) =>
    call('POST', '/showtimes/{id}/holds', {
      path: { id: showtimeId },
      body: { seatIds },
      headers: admissionHeader(admissionToken),
    }),
  releaseHold: (holdId: string) => call('DELETE', '/holds/{id}', { path: { id: holdId } }),
  /** Each of my coupons priced against the held order, by the server's discount rule. */
  couponQuotes: (holdId: string, ticketTypes?: string) =>
    call('GET', '/holds/{id}/coupon-quotes', { path: { id: holdId }, query: { ticketTypes } }),
  reserve: (body: ReservationBody, idempotencyKey: string, admissionToken?: string | null) =>
    call('POST', '/reservations', {
      body,
      headers: { 'idempotency-key': idempotencyKey, ...admissionHeader(admissionToken) },
    }),
  complete: (paymentId: string) => call('POST', '/payments/{paymentId}/complete', { path: { paymentId } }),
  reservations: () => call('GET', '/reservations'),
  reservation: (id: string) => call('GET', '/reservations/{id}', { path: { id } }),
  /** What cancelling now would refund (the cancel refunds exactly this), the fee and the deadline. */
  refundQuote: (id: string) => call('GET', '/reservations/{id}/refund-quote', { path: { id } }),
  /** A virtual-account payment is refunded into `refundAccount` (required for those). */
  cancel: (id: string, refundAccount?: { bank: string; number: string; holder: string }) =>
    call('POST', '/reservations/{id}/cancel', {
      path: { id },
      body: refundAccount ? { refundAccount } : null,
    }),
};

export const tickets = {
  list: () => call('GET', '/tickets'),
  /** The QR code as SVG text (the route answers image/svg+xml, not JSON). */
  qrSvg: (id: string) =>
    call('GET', '/tickets/{id}/qr.svg', { path: { id }, text: true }) as unknown as Promise<string>,
};

export const coupons = {
  issuable: () => call('GET', '/coupons'),
  issue: (id: string) => call('POST', '/coupons/{id}/issue', { path: { id } }),
  mine: () => call('GET', '/users/me/coupons'),
};

export const wishlist = {
  ids: () => call('GET', '/users/me/wishlist/ids'),
  page: (page = 1, size = 20) => call('GET', '/users/me/wishlist', { query: { page, size } }),
  add: (performanceId: string) =>
    call('PUT', '/users/me/wishlist/{performanceId}', { path: { performanceId } }),
  remove: (performanceId: string) =>
    call('DELETE', '/users/me/wishlist/{performanceId}', { path: { performanceId } }),
};

export const assistant = {
  status: () => call('GET', '/assistant'),
  conversation: (id: string) => call('GET', '/assistant/conversations/{id}', { path: { id } }),
};

export const notifications = {
  page: (page = 1, size = 20, unread = false) =>
    call('GET', '/users/me/notifications', { query: unread ? { page, size, unread } : { page, size } }),
  markRead: (ids: string[]) => call('POST', '/users/me/notifications/read', { body: { ids } }),
  markAllRead: () => call('POST', '/users/me/notifications/read', { body: { all: true } }),
};

export const onsaleAlerts = {
  list: () => call('GET', '/users/me/onsale-alerts'),
  add: (target: { performanceId: string } | { showtimeId: string }) =>
    call('POST', '/users/me/onsale-alerts', { body: target }),
  remove: (id: string) => call('DELETE', '/users/me/onsale-alerts/{id}', { path: { id } }),
};

export const keywordAlerts = {
  list: () => call('GET', '/users/me/keyword-alerts'),
  add: (keyword: string) => call('POST', '/users/me/keyword-alerts', { body: { keyword } }),
  remove: (id: string) => call('DELETE', '/users/me/keyword-alerts/{id}', { path: { id } }),
};

/** 관람후기: the public list, the author's own, votes, reports (docs/reviews.md). */
export const reviews = {
  list: (performanceId: string, sort: ReviewSort, page = 1, size = 10) =>
    call('GET', '/performances/{id}/reviews', { path: { id: performanceId }, query: { sort, page, size } }),
  create: (performanceId: string, body: NewReview) =>
    call('POST', '/performances/{id}/reviews', { path: { id: performanceId }, body }),
  edit: (id: string, body: ReviewChange) => call('PATCH', '/reviews/{id}', { path: { id }, body }),
  remove: (id: string) => call('DELETE', '/reviews/{id}', { path: { id } }),
  vote: (id: string) => call('POST', '/reviews/{id}/helpful', { path: { id } }),
  unvote: (id: string) => call('DELETE', '/reviews/{id}/helpful', { path: { id } }),
  report: (id: string, reason: string) =>
    call('POST', '/reviews/{id}/reports', { path: { id }, body: { reason } }),
  mine: (page = 1, size = 20) => call('GET', '/users/me/reviews', { query: { page, size } }),
  moderation: (reported: boolean, page = 1, size = 20) =>
    call('GET', '/admin/reviews', { query: { reported, page, size } }),
  hide: (id: string, reason: string) =>
    call('POST', '/admin/reviews/{id}/hide', { path: { id }, body: { reason } }),
  reply: (id: string, body: string) =>
    call('POST', '/admin/reviews/{id}/reply', { path: { id }, body: { body } }),
};

export const admin = {
  venues: () => call('GET', '/admin/venues'),
  createVenue: (body: NewVenue) => call('POST', '/admin/venues', { body }),
  updateVenue: (id: string, body: VenueChange) => call('PATCH', '/admin/venues/{id}', { path: { id }, body }),
  createPerformance: (body: NewPerformance) => call('POST', '/admin/performances', { body }),
  updatePerformance: (id: string, body: PerformanceChange) =>
    call('PATCH', '/admin/performances/{id}', { path: { id }, body }),
  deletePerformance: (id: string) => call('DELETE', '/admin/performances/{id}', { path: { id } }),
  createShowtime: (performanceId: string, body: NewShowtime) =>
    call('POST', '/admin/performances/{id}/showtimes', { path: { id: performanceId }, body }),
  showtime: (id: string) => call('GET', '/admin/showtimes/{id}', { path: { id } }),
  updateShowtime: (id: string, body: ShowtimeChange) =>
    call('PATCH', '/admin/showtimes/{id}', { path: { id }, body }),
  createCoupon: (body: NewCoupon) => call('POST', '/admin/coupons', { body }),
  coupons: () => call('GET', '/admin/coupons', { query: { size: 100 } }),
  /** The door always names its showtime: another showtime's ticket is then refused (WRONG_SHOWTIME). */
  checkIn: (code: string, showtimeId: string) =>
    call('POST', '/admin/check-ins', { body: { code, showtimeId } }),
  doorShowtimes: () => call('GET', '/admin/check-ins/showtimes'),
  live: (showtimeId: string) => call('GET', '/admin/showtimes/{id}/live', { path: { id: showtimeId } }),
  editCoupon: (id: string, body: CouponEdit) => call('PATCH', '/admin/coupons/{id}', { path: { id }, body }),
  stopCoupon: (id: string) => call('DELETE', '/admin/coupons/{id}', { path: { id } }),
  couponHolders: (id: string, page = 1) =>
    call('GET', '/admin/coupons/{id}/holders', { path: { id }, query: { page, size: 50 } }),
  orders: (query: OrdersQuery) => call('GET', '/admin/orders', { query: { ...query, format: 'json' } }),
  /** The same search as a CSV file (text), every match. */
  ordersCsv: (query: OrdersQuery) =>
    request<string>('GET', '/admin/orders', { query: { ...query, format: 'csv' }, text: true }),
  order: (id: string) => call('GET', '/admin/orders/{id}', { path: { id } }),
  cancelOrder: (id: string, body: AdminCancelBody) =>
    call('POST', '/admin/orders/{id}/cancel', { path: { id }, body }),
  users: (query: { q?: string; page?: number }) =>
    call('GET', '/admin/users', { query: { ...query, size: 50 } }),
  updateUser: (id: string, body: AdminUserChange) =>
    call('PATCH', '/admin/users/{id}', { path: { id }, body }),
  auditLog: (page = 1) => call('GET', '/admin/audit-log', { query: { page, size: 50 } }),
};

/**
 * Social sign-in. Start and callback are full-page visits (the provider's page sits between them),
 * so they are URLs, not calls; linking passes a one-time ticket because a page visit carries no
 * access token.
 */
export const social = {
  providers: () => call('GET', '/auth/oauth/providers'),
  startUrl: (provider: SocialProvider, params: { next?: string; link?: string } = {}): string => {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v) as [string, string][]);
    const search = query.size > 0 ? `?${query}` : '';
    return `${API_BASE}/auth/oauth/${provider}/start${search}`;
  },
  linkTicket: () => call('POST', '/auth/oauth/link-tickets'),
  identities: () => call('GET', '/users/me/identities'),
  unlink: (provider: SocialProvider) =>
    call('DELETE', '/users/me/identities/{provider}', { path: { provider } }),
};

/** 1:1 문의: the buyer's own inquiries and their threads. */
export const inquiries = {
  list: (page = 1) => call('GET', '/inquiries', { query: { page, size: 50 } }),
  open: (body: NewInquiry) => call('POST', '/inquiries', { body }),
  get: (id: string) => call('GET', '/inquiries/{id}', { path: { id } }),
  say: (id: string, body: string) =>
    call('POST', '/inquiries/{id}/messages', { path: { id }, body: { body } }),
  close: (id: string) => call('POST', '/inquiries/{id}/close', { path: { id } }),
};

/** The support desk and the banned-words list (admin console). */
export const supportDesk = {
  list: (query: DeskQuery) => call('GET', '/admin/inquiries', { query }),
  get: (id: string) => call('GET', '/admin/inquiries/{id}', { path: { id } }),
  answer: (id: string, body: string) =>
    call('POST', '/admin/inquiries/{id}/messages', { path: { id }, body: { body } }),
  close: (id: string) => call('POST', '/admin/inquiries/{id}/close', { path: { id } }),
  bannedWords: () => call('GET', '/admin/banned-words'),
  addBannedWord: (word: string) => call('POST', '/admin/banned-words', { body: { word } }),
  removeBannedWord: (id: string) => call('DELETE', '/admin/banned-words/{id}', { path: { id } }),
};

/** Fan chat over HTTP (the live part is the WebSocket in lib/chat.ts; docs/chat.md). */
export const chat = {
  history: (performanceId: string, before?: number, limit = 50) =>
    call('GET', '/performances/{id}/chat/messages', {
      path: { id: performanceId },
      query: before ? { before, limit } : { limit },
    }),
  members: (performanceId: string) =>
    call('GET', '/performances/{id}/chat/members', { path: { id: performanceId } }),
  join: (performanceId: string) =>
    call('PUT', '/performances/{id}/chat/membership', { path: { id: performanceId } }),
  leave: (performanceId: string) =>
    call('DELETE', '/performances/{id}/chat/membership', { path: { id: performanceId } }),
  report: (messageId: number) => call('POST', '/chat/messages/{id}/reports', { path: { id: messageId } }),
  remove: (messageId: number) =>
    call('POST', '/admin/chat/messages/{id}/delete', { path: { id: messageId } }),
  uploadImage: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return call('POST', '/uploads/images', { form });
  },
};
