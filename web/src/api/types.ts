/** Shapes of the public contract (shared/API.md). Optional fields are extensions the UI tolerates. */

export type Role = 'USER' | 'STAFF' | 'ADMIN';

export interface User {
  id: string;
  email: string;
  nickname: string;
  role: Role;
  phone?: string;
  birthDate?: string;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Category {
  id: string;
  name: string;
  slug: string;
}

/** A named thing that the API may send either as an object or as its name. */
export type Named =
  string | { id?: string; name: string; slug?: string; address?: string } | null | undefined;

export type PerformanceStatus = 'DRAFT' | 'ON_SALE' | 'CLOSED';

export interface PerformanceSummary {
  id: string;
  title: string;
  posterUrl?: string | null;
  category?: Named;
  venue?: Named;
  startDate?: string;
  endDate?: string;
  status?: PerformanceStatus;
  minPrice?: number | null;
  viewCount?: number;
}

export interface GradePrice {
  grade: string;
  price: number;
}

export interface Performance extends PerformanceSummary {
  description: string;
  runningMinutes: number;
  ageRating: number;
  cast: string[];
  prices: GradePrice[];
}

export interface Showtime {
  id: string;
  startsAt: string;
  salesOpenAt: string;
  salesCloseAt: string;
  status: string;
  queueEnabled: boolean;
  availableSeats: number;
  totalSeats: number;
  maxTicketsPerUser?: number;
}

export type SeatStatus = 'AVAILABLE' | 'HELD' | 'SOLD';

export interface Seat {
  id: string;
  section: string;
  row: string | number;
  number: number;
  grade: string;
  price: number;
  status: SeatStatus;
}

export interface Ranking {
  rank: number;
  score: number;
  performance: { id: string; title: string; posterUrl?: string | null };
}

export interface QueueState {
  status: 'WAITING' | 'ADMITTED';
  /** null for someone who entered before sales opened, until the draw places them. */
  position: number | null;
  ahead: number | null;
  estimatedWaitSeconds: number;
  admissionToken?: string;
  expiresAt?: string;
  /** Entered before sales opened: when the draw orders those entrants at random. */
  drawAt?: string;
}

export interface Hold {
  id: string;
  showtimeId: string;
  seatIds: string[];
  amount: number;
  expiresAt: string;
}

export interface CreatedReservation {
  id: string;
  status: 'PENDING_PAYMENT';
  amount: number;
  discount: number;
  total: number;
  expiresAt: string;
  payment: { id: string; checkoutUrl: string };
}

export type ReservationStatus = 'PENDING_PAYMENT' | 'CONFIRMED' | 'CANCELLED' | 'FAILED' | 'EXPIRED';

export interface Reservation {
  id: string;
  status: ReservationStatus;
  showtime?: {
    id: string;
    performanceId?: string;
    title?: string;
    startsAt?: string;
    performance?: { id?: string; title?: string } | string;
    performanceTitle?: string;
  };
  seats: Array<Partial<Seat> & { id: string }>;
  amount: number;
  discount: number;
  total: number;
  tickets?: unknown[];
  refundAmount?: number | null;
  /** Extension: what a cancellation now would refund. */
  refundPreview?: { refundAmount: number; fee?: number };
}

export interface Ticket {
  id: string;
  reservationId: string;
  showtimeId: string;
  seat: Partial<Seat> | string;
  status: 'ISSUED' | 'USED' | 'REVOKED';
  code: string;
  issuedAt: string;
}

export type DiscountType = 'FIXED' | 'PERCENT';

export interface IssuableCoupon {
  id: string;
  name: string;
  discountType: DiscountType;
  discountValue: number;
  remaining: number;
  issueEndsAt: string;
  maxDiscount?: number;
  minOrderAmount?: number;
}

export interface UserCoupon {
  id: string;
  status: 'AVAILABLE' | 'USED' | 'EXPIRED';
  /** Held by an unpaid reservation: not usable for another order until it ends. */
  reserved?: boolean;
  coupon: {
    id: string;
    name: string;
    discountType: DiscountType;
    discountValue: number;
    maxDiscount?: number | null;
    minOrderAmount?: number | null;
    validUntil?: string;
  };
}

export interface AdminCoupon {
  id: string;
  name: string;
  discountType: DiscountType;
  discountValue: number;
  maxDiscount?: number | null;
  minOrderAmount?: number;
  validUntil: string;
  stock: number;
  issued: number;
  issueStartsAt: string;
  issueEndsAt: string;
}

export interface Venue {
  id: string;
  name: string;
  seatCount?: number;
  address?: string;
  /** GET /admin/venues: the seat grades, in section order. */
  grades?: string[];
  sections?: Array<{ name: string; grade: string; rows: number; seatsPerRow: number }>;
}

export interface LiveFigures {
  waiting: number;
  admittedPerSecond: number;
  active: number;
  held: number;
  sold: number;
  revenue: number;
  series: Array<{ t: string; waiting: number; sold: number; revenue: number }>;
}

/** A showtime the door can serve (GET /admin/check-ins/showtimes). */
export interface DoorShowtime {
  id: string;
  performanceId: string;
  title: string;
  startsAt: string;
  venue: string;
  ticketsIssued: number;
  checkedIn: number;
}

/** How the door describes a ticket: in a check-in's answer and in its 409 refusals. */
export interface DoorTicket {
  ticketId: string;
  showtimeId: string;
  seat: { section: string; row: string; number: number; grade: string };
  usedAt: string | null;
  show: { showtimeId: string; title: string; startsAt: string; venue: string } | null;
  holder: { nickname: string; email: string } | null;
}
