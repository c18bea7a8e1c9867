import { request, setAccessToken } from './client.ts';
import type {
  AdminCoupon,
  Category,
  CreatedReservation,
  DoorShowtime,
  DoorTicket,
  Hold,
  IssuableCoupon,
  LiveFigures,
  LoginResult,
  Page,
  Performance,
  PerformanceStatus,
  PerformanceSummary,
  QueueState,
  Ranking,
  Reservation,
  Seat,
  Showtime,
  Ticket,
  User,
  UserCoupon,
  Venue,
} from './types.ts';

/** Every endpoint of shared/API.md the web app uses, typed. Paths are relative to /api/v1. */

const admissionHeader = (token?: string | null): Record<string, string> =>
  token ? { 'x-admission-token': token } : {};

export const auth = {
  requestCode: (email: string) => request<void>('POST', '/auth/email-verifications', { body: { email } }),
  confirmCode: (email: string, code: string) =>
    request<{ verificationToken: string }>('POST', '/auth/email-verifications/confirm', {
      body: { email, code },
    }),
  signup: (body: {
    email: string;
    password: string;
    nickname: string;
    phone?: string;
    birthDate?: string;
    verificationToken?: string;
  }) => request<User>('POST', '/auth/signup', { body }),
  login: async (email: string, password: string): Promise<LoginResult> => {
    const result = await request<LoginResult>('POST', '/auth/login', {
      body: { email, password },
      noRefresh: true,
    });
    setAccessToken(result.accessToken);
    return result;
  },
  logout: async (): Promise<void> => {
    try {
      await request<void>('POST', '/auth/logout', { noRefresh: true });
    } finally {
      setAccessToken(null);
    }
  },
  me: () => request<User>('GET', '/users/me'),
};

export interface SearchQuery {
  q?: string;
  category?: string;
  from?: string;
  to?: string;
  status?: PerformanceStatus | '';
  sort?: 'popular' | 'latest' | 'date' | 'views';
  page?: number;
  size?: number;
}

export const catalog = {
  categories: () => request<Category[]>('GET', '/categories'),
  search: (query: SearchQuery) =>
    request<Page<PerformanceSummary>>('GET', '/performances', { query: { ...query } }),
  performance: (id: string) => request<Performance>('GET', `/performances/${id}`),
  showtimes: (performanceId: string) =>
    request<Showtime[]>('GET', `/performances/${performanceId}/showtimes`),
  seats: (showtimeId: string) =>
    request<{ showtimeId: string; seats: Seat[] }>('GET', `/showtimes/${showtimeId}/seats`),
  rankings: (by: 'views' | 'sales', period: 'realtime' | 'daily' | 'weekly', limit = 10) =>
    request<Ranking[]>('GET', '/rankings/performances', { query: { by, period, limit } }),
};

export const queue = {
  enter: (showtimeId: string) => request<QueueState>('POST', `/showtimes/${showtimeId}/queue`),
  status: (showtimeId: string) => request<QueueState>('GET', `/showtimes/${showtimeId}/queue`),
  leave: (showtimeId: string) => request<void>('DELETE', `/showtimes/${showtimeId}/queue`),
};

export const booking = {
  hold: (showtimeId: string, seatIds: string[], admissionToken?: string | null) =>
    request<Hold>('POST', `/showtimes/${showtimeId}/holds`, {
      body: { seatIds },
      headers: admissionHeader(admissionToken),
    }),
  releaseHold: (holdId: string) => request<void>('DELETE', `/holds/${holdId}`),
  reserve: (
    body: { holdId: string; userCouponId?: string },
    idempotencyKey: string,
    admissionToken?: string | null,
  ) =>
    request<CreatedReservation>('POST', '/reservations', {
      body,
      headers: { 'idempotency-key': idempotencyKey, ...admissionHeader(admissionToken) },
    }),
  complete: (paymentId: string) =>
    request<{ reservationId: string; status: 'CONFIRMED' | 'FAILED' }>(
      'POST',
      `/payments/${paymentId}/complete`,
    ),
  reservations: () => request<Reservation[] | Page<Reservation>>('GET', '/reservations'),
  reservation: (id: string) => request<Reservation>('GET', `/reservations/${id}`),
  cancel: (id: string) =>
    request<{ id: string; status: 'CANCELLED'; refundAmount: number }>('POST', `/reservations/${id}/cancel`),
};

export const tickets = {
  list: () => request<Ticket[]>('GET', '/tickets'),
  qrSvg: (id: string) => request<string>('GET', `/tickets/${id}/qr.svg`, { text: true }),
};

export const coupons = {
  issuable: () => request<IssuableCoupon[]>('GET', '/coupons'),
  issue: (id: string) =>
    request<{ userCouponId: string; couponId: string; validUntil: string }>('POST', `/coupons/${id}/issue`),
  mine: () => request<UserCoupon[]>('GET', '/users/me/coupons'),
};

export interface NewPerformance {
  title: string;
  description: string;
  categoryId: string;
  venueId: string;
  startDate: string;
  endDate: string;
  runningMinutes: number;
  ageRating: number;
  cast?: string[];
  posterUrl?: string;
  prices: Array<{ grade: string; price: number }>;
  status?: PerformanceStatus;
}

export interface NewShowtime {
  startsAt: string;
  salesOpenAt: string;
  salesCloseAt: string;
  maxTicketsPerUser: number;
  queue?: {
    enabled: boolean;
    admitPerSecond: number;
    maxActive: number;
    sessionSeconds: number;
    /** The waiting room opens this many minutes before sales; early entrants are drawn at random. */
    opensBeforeMinutes?: number;
  };
}

export interface NewCoupon {
  name: string;
  discountType: 'FIXED' | 'PERCENT';
  discountValue: number;
  maxDiscount?: number;
  minOrderAmount?: number;
  stock: number;
  issueStartsAt: string;
  issueEndsAt: string;
  validUntil: string;
}

export const admin = {
  venues: () => request<Venue[] | Page<Venue>>('GET', '/admin/venues'),
  createVenue: (body: {
    name: string;
    address: string;
    sections: Array<{ name: string; grade: string; rows: number; seatsPerRow: number }>;
  }) => request<Venue>('POST', '/admin/venues', { body }),
  createPerformance: (body: NewPerformance) => request<Performance>('POST', '/admin/performances', { body }),
  updatePerformance: (id: string, body: Partial<NewPerformance>) =>
    request<Performance>('PATCH', `/admin/performances/${id}`, { body }),
  deletePerformance: (id: string) => request<void>('DELETE', `/admin/performances/${id}`),
  createShowtime: (performanceId: string, body: NewShowtime) =>
    request<{ id: string; seatCount: number }>('POST', `/admin/performances/${performanceId}/showtimes`, {
      body,
    }),
  createCoupon: (body: NewCoupon) => request<{ id: string }>('POST', '/admin/coupons', { body }),
  coupons: () =>
    request<AdminCoupon[] | Page<AdminCoupon>>('GET', '/admin/coupons', { query: { size: 100 } }),
  /** The door always names its showtime: another showtime's ticket is then refused (WRONG_SHOWTIME). */
  checkIn: (code: string, showtimeId: string) =>
    request<DoorTicket & { status: 'USED'; usedAt: string }>('POST', '/admin/check-ins', {
      body: { code, showtimeId },
    }),
  doorShowtimes: () => request<DoorShowtime[]>('GET', '/admin/check-ins/showtimes'),
  live: (showtimeId: string) => request<LiveFigures>('GET', `/admin/showtimes/${showtimeId}/live`),
};

/** Lists come as an array or as a page; the UI wants the items. */
export function itemsOf<T>(list: T[] | Page<T>): T[] {
  return Array.isArray(list) ? list : list.items;
}
