/**
 * The one error table. Every failure a client can see has a stable UPPER_SNAKE code here, mapped to
 * its HTTP status and a short title. Routes and services throw `AppError(code)`; the error handler in
 * app.ts renders application/problem+json from this table. Clients branch on `code`, never on text.
 */
export const ERROR_TABLE = {
  // platform
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, title: 'An Idempotency-Key header is required' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used with another request' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still running' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'A dependency is unavailable' },
  INTERNAL_ERROR: { status: 500, title: 'Internal error' },

  // auth and users
  INVALID_CODE: { status: 400, title: 'The verification code is wrong or expired' },
  TOO_MANY_ATTEMPTS: { status: 429, title: 'Too many wrong codes; request a new one' },
  EMAIL_TAKEN: { status: 409, title: 'The email is already registered' },
  EMAIL_NOT_VERIFIED: { status: 400, title: 'The email has not been verified' },
  WEAK_PASSWORD: { status: 400, title: 'The password does not meet the policy' },
  INVALID_CREDENTIALS: { status: 401, title: 'Email or password is wrong' },
  INVALID_TOKEN: { status: 401, title: 'The token is invalid or expired' },
  REFRESH_TOKEN_REUSED: { status: 401, title: 'The refresh token was already used; sign in again' },
  WRONG_PASSWORD: { status: 400, title: 'The current password is wrong' },
  USER_NOT_FOUND: { status: 404, title: 'User not found' },

  // accounts: devices and withdrawal
  SESSION_NOT_FOUND: { status: 404, title: 'Session not found' },
  HAS_UPCOMING_TICKETS: { status: 409, title: 'Tickets for upcoming shows are still held' },
  RECENT_SIGN_IN_REQUIRED: { status: 403, title: 'Sign in again to confirm it is you' },
  // social sign-in (Kakao, Naver, Google)
  OAUTH_FAILED: { status: 400, title: 'Signing in with the provider failed' },
  OAUTH_EMAIL_IN_USE: {
    status: 409,
    title: 'An account already uses this email; sign in to it and link the provider in the profile',
  },
  OAUTH_EMAIL_REQUIRED: { status: 400, title: 'The provider did not share an email address' },
  OAUTH_IDENTITY_TAKEN: { status: 409, title: 'This provider account is linked to another account' },
  IDENTITY_NOT_FOUND: { status: 404, title: 'No such provider is linked to the account' },
  LAST_SIGN_IN_METHOD: { status: 409, title: 'This is the last way to sign in to the account' },

  // catalogue
  CATEGORY_NOT_FOUND: { status: 404, title: 'Category not found' },
  VENUE_NOT_FOUND: { status: 404, title: 'Venue not found' },
  PERFORMANCE_NOT_FOUND: { status: 404, title: 'Performance not found' },
  WISHLIST_FULL: { status: 409, title: 'The wishlist holds as many performances as it can' },
  ONSALE_ALERTS_FULL: { status: 409, title: 'As many sales-open alerts as an account may have' },
  ONSALE_ALERT_NOT_FOUND: { status: 404, title: 'Sales-open alert not found' },
  KEYWORD_LIMIT: { status: 409, title: 'The user has as many keyword alerts as allowed' },
  KEYWORD_ALERT_NOT_FOUND: { status: 404, title: 'Keyword alert not found' },
  SHOWTIME_NOT_FOUND: { status: 404, title: 'Showtime not found' },
  GRADE_PRICE_MISSING: { status: 422, title: 'A seat grade has no price' },
  INVALID_DATE_RANGE: { status: 400, title: 'The dates are not in order' },
  SHOWTIME_HAS_SALES: { status: 409, title: 'The showtime has sold seats; its start cannot move' },
  SALES_ALREADY_OPEN: { status: 409, title: 'Sales have opened; the opening time cannot move' },

  // waiting room
  ADMISSION_REQUIRED: { status: 403, title: 'An admission token from the waiting room is required' },
  QUEUE_NOT_ENABLED: { status: 409, title: 'This showtime has no waiting room' },
  NOT_IN_QUEUE: { status: 404, title: 'You are not in this queue' },
  QUEUE_NOT_OPEN: { status: 409, title: 'The waiting room is not open yet' },
  STREAM_LIMIT: { status: 429, title: 'Too many open event streams' },
  CHALLENGE_REQUIRED: {
    status: 400,
    title: 'Entering this waiting room needs a solved, unused proof-of-work challenge',
  },

  // holds, reservations, payments
  SEATS_UNAVAILABLE: { status: 409, title: 'Some seats are not available' },
  TICKET_LIMIT_EXCEEDED: { status: 422, title: 'The per-user ticket limit would be exceeded' },
  SALES_NOT_OPEN: { status: 409, title: 'Sales are not open for this showtime' },
  TICKET_TYPE_UNAVAILABLE: { status: 422, title: 'The performance does not sell this ticket type' },
  HOLD_NOT_FOUND: { status: 404, title: 'Hold not found' },
  HOLD_EXPIRED: { status: 409, title: 'The hold has expired' },
  RESERVATION_NOT_FOUND: { status: 404, title: 'Reservation not found' },
  PAYMENT_NOT_FOUND: { status: 404, title: 'Payment not found' },
  AMOUNT_MISMATCH: { status: 409, title: 'The paid amount does not match the order' },
  NOT_CANCELLABLE: { status: 409, title: 'The reservation cannot be cancelled' },
  REFUND_ACCOUNT_REQUIRED: {
    status: 400,
    title: 'A virtual-account payment is refunded into an account: give refundAccount {bank, number, holder}',
  },
  INVALID_SIGNATURE: { status: 401, title: 'The webhook signature is invalid' },
  PAYMENT_GATEWAY_UNAVAILABLE: { status: 502, title: 'The payment gateway did not answer' },

  // tickets
  TICKET_NOT_FOUND: { status: 404, title: 'Ticket not found' },
  TICKET_ALREADY_USED: { status: 409, title: 'The ticket was already used' },
  INVALID_TICKET: { status: 400, title: 'The ticket code is not valid' },
  WRONG_SHOWTIME: { status: 409, title: 'The ticket is for another showtime' },
  TICKET_REVOKED: { status: 409, title: 'The ticket was revoked' },

  // account recovery (password reset, find my email)
  INVALID_RESET_TOKEN: { status: 400, title: 'The reset link is invalid, used or expired' },

  // notification settings and unsubscribe links
  BOOKING_MAIL_REQUIRED: { status: 400, title: 'Booking mail cannot be turned off' },
  INVALID_UNSUBSCRIBE_TOKEN: { status: 400, title: 'The unsubscribe link is not valid' },

  // coupons
  COUPON_NOT_FOUND: { status: 404, title: 'Coupon not found' },
  COUPON_ALREADY_ISSUED: { status: 409, title: 'You already have this coupon' },
  COUPON_SOLD_OUT: { status: 410, title: 'The coupon is sold out' },
  COUPON_NOT_ISSUABLE: { status: 409, title: 'The coupon cannot be issued now' },
  COUPON_NOT_APPLICABLE: { status: 422, title: 'The coupon cannot be applied to this order' },

  // uploaded images (docs/uploads.md)
  IMAGE_REQUIRED: { status: 400, title: 'The request carries no image file' },
  IMAGE_TOO_LARGE: { status: 413, title: 'The image file is larger than allowed' },
  IMAGE_TYPE_UNSUPPORTED: { status: 415, title: 'The file is not a JPEG, PNG or WebP image' },
  IMAGE_UNREADABLE: { status: 422, title: 'The image could not be read' },
  IMAGE_TOO_MANY_PIXELS: { status: 422, title: 'The image has more pixels than allowed' },
  // admin desks (docs/admin-desks.md)
  REFUND_EXCEEDS_PAID: { status: 422, title: 'The refunds would add up to more than was paid' },
  NOTHING_TO_REFUND: { status: 409, title: 'Everything paid has already been refunded' },
  ACCOUNT_SUSPENDED: { status: 403, title: 'The account is suspended' },
  CANNOT_CHANGE_OWN_ACCOUNT: { status: 409, title: 'Admins cannot suspend or demote themselves' },
  COUPON_STOCK_DECREASE: { status: 422, title: 'Once issuing has started, stock can only grow' },
  // what users write for others to read (src/infra/content-screen.ts)
  BANNED_WORDS: { status: 422, title: 'The text contains words that are not allowed' },
  BANNED_WORD_EXISTS: { status: 409, title: 'The word is already on the banned-words list' },
  BANNED_WORD_NOT_FOUND: { status: 404, title: 'Banned word not found' },
  // 1:1 inquiries (docs/inquiries.md)
  INQUIRY_NOT_FOUND: { status: 404, title: 'Inquiry not found' },
  INQUIRY_CLOSED: { status: 409, title: 'The inquiry is closed' },
  // reviews (docs/reviews.md)
  REVIEW_NOT_FOUND: { status: 404, title: 'Review not found' },
  NOT_A_BUYER: { status: 403, title: 'Only a buyer whose show has started can review it' },
  ALREADY_REVIEWED: { status: 409, title: 'This reservation already has a review' },
  ALREADY_VOTED: { status: 409, title: 'You already found this review helpful' },
  ALREADY_REPORTED: { status: 409, title: 'You already reported this review' },
  OWN_REVIEW: { status: 409, title: 'Authors cannot vote for or report their own review' },
  REVIEW_HIDDEN: { status: 409, title: 'The review is hidden' },
  // the AI assistant (docs/assistant.md)
  ASSISTANT_UNAVAILABLE: { status: 503, title: 'The assistant is not available right now' },
  ASSISTANT_TIMEOUT: { status: 504, title: 'The assistant took too long to answer' },
  ASSISTANT_BUSY: {
    status: 429,
    title: 'The assistant has used its capacity for this minute; try again shortly',
  },
  CONVERSATION_NOT_FOUND: { status: 404, title: 'Conversation not found' },
  // fan chat (docs/chat.md); the WebSocket's error frames carry these codes too
  WEBSOCKET_REQUIRED: { status: 426, title: 'This address takes a WebSocket connection' },
  CHAT_MESSAGE_NOT_FOUND: { status: 404, title: 'Chat message not found' },
  CHAT_MUTED: { status: 403, title: 'You are muted in this chat room for now' },
  CHAT_RATE_LIMITED: { status: 429, title: 'Messages are being sent too fast' },
  CHAT_IMAGE_INVALID: { status: 422, title: 'The image is not one uploaded for chat here' },
  CHAT_ALREADY_REPORTED: { status: 409, title: 'You already reported this message' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

export class AppError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    /** Extra members of the problem document, e.g. `{ seatIds }`. */
    readonly extra?: Record<string, unknown>,
    /** Response headers to send with the problem, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    // A client error is an answer, not a fault: its stack says nothing and capturing one is most of
    // what a refusal costs (every 429, 403 and 409 of an onsale rush). Server errors keep theirs.
    const stackTraceLimit = Error.stackTraceLimit;
    if (ERROR_TABLE[code].status < 500) Error.stackTraceLimit = 0;
    super(detail ?? ERROR_TABLE[code].title);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'AppError';
    this.status = ERROR_TABLE[code].status;
    this.title = ERROR_TABLE[code].title;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extra: string]: unknown;
}

/** Each code's problem type URI, made once (refusals are built by the thousand in an onsale). */
const PROBLEM_TYPES = new Map<string, string>(
  Object.keys(ERROR_TABLE).map((code) => [
    code,
    `https://culture-ticket.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
  ]),
);

/**
 * The problem document of `code`. The five standard members come first and win over an extra of the
 * same name. Built member by member: a literal that spreads `extra` first and then adds members costs
 * V8 several microseconds each time (about 5 µs on the bench machine, 50 times this), and every refusal
 * of an onsale rush is built here.
 */
export function problemOf(code: ErrorCode, detail?: string, extra?: Record<string, unknown>): Problem {
  const { status, title } = ERROR_TABLE[code];
  const problem: Problem = { type: PROBLEM_TYPES.get(code)!, title, status, detail: detail ?? title, code };
  if (extra !== undefined) {
    for (const key in extra) if (!STANDARD_MEMBERS.has(key)) problem[key] = extra[key];
  }
  return problem;
}

const STANDARD_MEMBERS: ReadonlySet<string> = new Set(['type', 'title', 'status', 'detail', 'code']);

/**
 * An error about one field, with the `errors: [{ field, rule, message }]` member every validation
 * problem carries (src/http/error-handler.ts `FieldError`), so a form can put it next to the field.
 */
export function fieldError(
  code: ErrorCode,
  field: string,
  rule: string,
  message: string,
  extra: Record<string, unknown> = {},
): AppError {
  return new AppError(code, `${field} ${message}`, { errors: [{ field, rule, message, ...extra }] });
}
