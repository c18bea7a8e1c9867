/**
 * What the assistant asks other modules, as narrow ports the composition root plugs in (catalogue,
 * checkout, tickets). The assistant never reads their tables, and the model never sees a query: it
 * calls tools, the tools call these.
 */

export interface PerformanceHit {
  id: string;
  title: string;
  category: { name: string; slug: string };
  venue: { name: string; region: string | null };
  startDate: string;
  endDate: string;
  status: string;
  minPrice: number | null;
}

export interface SearchRequest {
  q: string;
  region?: string;
  category?: string;
  from?: string;
  to?: string;
  size: number;
}

export interface PerformanceFacts {
  id: string;
  title: string;
  description: string;
  category: { name: string };
  venue: {
    name: string;
    address: string;
    phone: string | null;
    parking: string | null;
    directions: string | null;
  };
  startDate: string;
  endDate: string;
  runningMinutes: number;
  ageRating: number;
  cast: string[];
  prices: { grade: string; price: number }[];
  status: string;
}

export interface ShowtimeFacts {
  id: string;
  startsAt: string;
  salesOpenAt: string;
  salesCloseAt: string;
  status: string;
  queueEnabled: boolean;
  availableSeats: number;
  totalSeats: number;
  cast: string[];
  availableByGrade: { grade: string; price: number; available: number; total: number }[];
}

export interface AssistantCatalog {
  /** Listed performances only (no drafts), as GET /performances finds them. */
  search(request: SearchRequest): Promise<{ items: PerformanceHit[]; total: number }>;
  /** A listed performance, or null. */
  detail(performanceId: string): Promise<PerformanceFacts | null>;
  /** Showtimes of a listed performance with seats left, or null when there is no such performance. */
  showtimes(performanceId: string): Promise<ShowtimeFacts[] | null>;
  /** The performance a showtime belongs to, or null. */
  performanceOfShowtime(showtimeId: string): Promise<string | null>;
}

export interface ReservationFacts {
  id: string;
  bookingNumber: string | null;
  status: string;
  showtime: {
    id: string;
    performanceId: string;
    title: string;
    startsAt: string;
    venue: { name: string } | null;
  };
  seats: { section: string; row: string; number: number; grade: string; price: number }[];
  total: number;
  refundAmount: number | null;
  createdAt: string;
}

export interface RefundQuoteFacts {
  cancellable: boolean;
  refundAmount: number;
  fee: number;
  percent: number | null;
  deadline: string | null;
}

export interface RefundPolicyFacts {
  rules: { daysBefore: number; percent: number }[];
  cancelDeadlineHoursBefore: number;
}

export interface AssistantBookings {
  /** The user's own reservations, newest first. */
  reservationsOf(userId: string, limit: number): Promise<ReservationFacts[]>;
  /** The refund quote of the user's own reservation; null when it is not theirs or does not exist. */
  refundQuote(userId: string, reservationId: string): Promise<RefundQuoteFacts | null>;
  refundPolicy(): RefundPolicyFacts;
}

export interface TicketFacts {
  reservationId: string;
  showtimeId: string;
  performanceId: string;
  seat: { section: string; row: string; number: number; grade: string };
  status: string;
}

export interface AssistantTickets {
  /** The user's own tickets (never their codes: a code is the ticket). */
  ticketsOf(userId: string): Promise<TicketFacts[]>;
}
