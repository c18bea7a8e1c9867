/**
 * Names for the shapes of the API, all taken from `openapi.d.ts`: the types generated from the
 * server's own OpenAPI document (`npm run api:types`, checked by test/openapi-types.test.ts). Nothing
 * here is written by hand; a server change that breaks a page fails `tsc -p web/tsconfig.json`.
 */
import type { paths } from './openapi.d.ts';

/** A path of the API as the document spells it: `/api/v1/...` with `{param}` segments. */
export type ApiPath = keyof paths;
type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body a route answers with on `status` (200 unless given). */
export type ResponseOf<P extends ApiPath, M extends Method, Status extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (Status extends keyof R ? Json<R[Status]> : never) : never;

/** The JSON body a route takes. */
export type BodyOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query parameters a route takes. */
export type QueryOf<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

// --- accounts -------------------------------------------------------------------------------------

export type User = ResponseOf<'/api/v1/users/me', 'get'>;
export type Role = User['role'];
export type LoginResult = ResponseOf<'/api/v1/auth/login', 'post'>;
export type SignupBody = BodyOf<'/api/v1/auth/signup', 'post'>;
export type FindEmailBody = BodyOf<'/api/v1/auth/find-email', 'post'>;
export type ProfileChange = BodyOf<'/api/v1/users/me', 'patch'>;
export type Language = User['language'];
export type DeviceSession = ResponseOf<'/api/v1/users/me/sessions', 'get'>[number];
export type WithdrawBody = BodyOf<'/api/v1/users/me', 'delete'>;
export type NotificationSettingsChange = BodyOf<'/api/v1/users/me/notification-settings', 'patch'>;
export type NotificationSettings = ResponseOf<'/api/v1/users/me/notification-settings', 'get'>;

// --- catalogue ------------------------------------------------------------------------------------

export type Category = ResponseOf<'/api/v1/categories', 'get'>[number];
export type OnsaleAlert = ResponseOf<'/api/v1/users/me/onsale-alerts', 'get'>['items'][number];
export type PerformanceSummary = ResponseOf<'/api/v1/performances', 'get'>['items'][number];
export type PerformanceStatus = PerformanceSummary['status'];
export type SearchQuery = QueryOf<'/api/v1/performances', 'get'>;
export type Performance = ResponseOf<'/api/v1/performances/{id}', 'get'>;
export type GradePrice = Performance['prices'][number];
/** A ticket type the performance sells (ADULT, the list price, first) with its price per grade. */
export type TicketTypeOffer = Performance['ticketTypes'][number];
/** The venue or category of a performance: the API sends the object, the page shows its name. */
export type Named = { name: string } | null | undefined;
export type Showtime = ResponseOf<'/api/v1/performances/{id}/showtimes', 'get'>[number];
export type GradeAvailability = Showtime['availableByGrade'][number];
export type VenueDetail = Performance['venue'];
export type RefundPolicy = ResponseOf<'/api/v1/refund-policy', 'get'>;
export type RefundQuote = ResponseOf<'/api/v1/reservations/{id}/refund-quote', 'get'>;
export type SeatMap = ResponseOf<'/api/v1/showtimes/{id}/seats', 'get'>;
export type Seat = SeatMap['seats'][number];
export type SeatStatus = Seat['status'];
export type Ranking = ResponseOf<'/api/v1/rankings/performances', 'get'>[number];
export type RankingQuery = QueryOf<'/api/v1/rankings/performances', 'get'>;
export type Suggestion = ResponseOf<'/api/v1/search/suggestions', 'get'>[number];
export type OpeningSoon = ResponseOf<'/api/v1/performances/opening-soon', 'get'>[number];
export type OpeningSoonQuery = QueryOf<'/api/v1/performances/opening-soon', 'get'>;

// --- waiting room and checkout --------------------------------------------------------------------

export type QueueState = ResponseOf<'/api/v1/showtimes/{id}/queue', 'get'>;
export type Hold = ResponseOf<'/api/v1/showtimes/{id}/holds', 'post', 201>;
/** One of my coupons priced against a held order by the server (the discount a reservation applies). */
export type CouponQuote = ResponseOf<'/api/v1/holds/{id}/coupon-quotes', 'get'>[number];
export type ReservationBody = BodyOf<'/api/v1/reservations', 'post'>;
export type CreatedReservation = ResponseOf<'/api/v1/reservations', 'post', 201>;
export type PaymentCompletion = ResponseOf<'/api/v1/payments/{paymentId}/complete', 'post'>;
export type Reservation = ResponseOf<'/api/v1/reservations/{id}', 'get'>;
export type ReservationStatus = Reservation['status'];
export type Cancellation = ResponseOf<'/api/v1/reservations/{id}/cancel', 'post'>;
export type Ticket = ResponseOf<'/api/v1/tickets', 'get'>[number];

// --- coupons --------------------------------------------------------------------------------------

export type IssuableCoupon = ResponseOf<'/api/v1/coupons', 'get'>[number];
export type DiscountType = IssuableCoupon['discountType'];
export type IssuedCoupon = ResponseOf<'/api/v1/coupons/{id}/issue', 'post', 201>;
export type UserCoupon = ResponseOf<'/api/v1/users/me/coupons', 'get'>[number];

// --- back office ----------------------------------------------------------------------------------

export type AdminCoupon = ResponseOf<'/api/v1/admin/coupons', 'get'>['items'][number];
export type CouponEdit = BodyOf<'/api/v1/admin/coupons/{id}', 'patch'>;
export type CouponHolders = ResponseOf<'/api/v1/admin/coupons/{id}/holders', 'get'>;
export type OrdersQuery = QueryOf<'/api/v1/admin/orders', 'get'>;
export type OrderSummary = ResponseOf<'/api/v1/admin/orders', 'get'>['items'][number];
export type OrderStatus = OrderSummary['status'];
export type OrderDetail = ResponseOf<'/api/v1/admin/orders/{id}', 'get'>;
export type AdminCancelBody = BodyOf<'/api/v1/admin/orders/{id}/cancel', 'post'>;
export type AdminUser = ResponseOf<'/api/v1/admin/users', 'get'>['items'][number];
export type AdminUserChange = BodyOf<'/api/v1/admin/users/{id}', 'patch'>;
export type AuditEntry = ResponseOf<'/api/v1/admin/audit-log', 'get'>['items'][number];
export type NewCoupon = BodyOf<'/api/v1/admin/coupons', 'post'>;
export type Venue = ResponseOf<'/api/v1/admin/venues', 'get'>[number];
export type NewVenue = BodyOf<'/api/v1/admin/venues', 'post'>;
export type VenueChange = BodyOf<'/api/v1/admin/venues/{id}', 'patch'>;
export type CreatedVenue = ResponseOf<'/api/v1/admin/venues', 'post', 201>;
export type NewPerformance = BodyOf<'/api/v1/admin/performances', 'post'>;
export type PerformanceChange = BodyOf<'/api/v1/admin/performances/{id}', 'patch'>;
/** A discount the admin lists for a performance (ADULT is implicit). */
export type TicketTypeInput = NonNullable<NewPerformance['ticketTypes']>[number];
export type NewShowtime = BodyOf<'/api/v1/admin/performances/{id}/showtimes', 'post'>;
export type ShowtimeChange = BodyOf<'/api/v1/admin/showtimes/{id}', 'patch'>;
export type AdminShowtime = ResponseOf<'/api/v1/admin/showtimes/{id}', 'get'>;
export type CreatedShowtime = ResponseOf<'/api/v1/admin/performances/{id}/showtimes', 'post', 201>;
export type LiveFigures = ResponseOf<'/api/v1/admin/showtimes/{id}/live', 'get'>;
/** A showtime the door can serve (GET /admin/check-ins/showtimes). */
export type DoorShowtime = ResponseOf<'/api/v1/admin/check-ins/showtimes', 'get'>[number];
export type CheckInBody = BodyOf<'/api/v1/admin/check-ins', 'post'>;
/** A ticket checked in at the door (POST /admin/check-ins). */
export type CheckedIn = ResponseOf<'/api/v1/admin/check-ins', 'post'>;
/**
 * How the door describes a ticket: a check-in's answer, or the same fields carried by its 409
 * refusals (TICKET_ALREADY_USED, TICKET_REVOKED, WRONG_SHOWTIME), where `usedAt` may be null.
 */
export type DoorTicket = Omit<CheckedIn, 'status' | 'usedAt'> & { usedAt: string | null };

export type SocialProvider = ResponseOf<'/api/v1/auth/oauth/providers', 'get'>['providers'][number];
export type LinkedIdentity = ResponseOf<'/api/v1/users/me/identities', 'get'>['identities'][number];
export type KeywordAlert = ResponseOf<'/api/v1/users/me/keyword-alerts', 'get'>['items'][number];

// --- 1:1 inquiries and banned words ---------------------------------------------------------------

export type InquiryThread = ResponseOf<'/api/v1/inquiries/{id}', 'get'>;
export type InquirySummary = ResponseOf<'/api/v1/inquiries', 'get'>['items'][number];
export type InquiryMessage = InquiryThread['messages'][number];
export type InquiryCategory = InquiryThread['category'];
export type InquiryStatus = InquiryThread['status'];
export type NewInquiry = BodyOf<'/api/v1/inquiries', 'post'>;
export type DeskInquiry = ResponseOf<'/api/v1/admin/inquiries', 'get'>['items'][number];
export type DeskThread = ResponseOf<'/api/v1/admin/inquiries/{id}', 'get'>;
export type DeskQuery = QueryOf<'/api/v1/admin/inquiries', 'get'>;
export type BannedWord = ResponseOf<'/api/v1/admin/banned-words', 'get'>['items'][number];
// --- reviews --------------------------------------------------------------------------------------

export type ReviewPage = ResponseOf<'/api/v1/performances/{id}/reviews', 'get'>;
export type Review = ReviewPage['items'][number];
export type ReviewSort = NonNullable<QueryOf<'/api/v1/performances/{id}/reviews', 'get'>['sort']>;
export type NewReview = BodyOf<'/api/v1/performances/{id}/reviews', 'post'>;
export type ReviewChange = BodyOf<'/api/v1/reviews/{id}', 'patch'>;
export type MyReview = ResponseOf<'/api/v1/users/me/reviews', 'get'>['items'][number];
export type ModeratedReview = ResponseOf<'/api/v1/admin/reviews', 'get'>['items'][number];
export type AssistantStatus = ResponseOf<'/api/v1/assistant', 'get'>;
export type AssistantConversation = ResponseOf<'/api/v1/assistant/conversations/{id}', 'get'>;
export type AssistantCard = AssistantConversation['messages'][number]['cards'][number];
export type ChatMessage = ResponseOf<'/api/v1/performances/{id}/chat/messages', 'get'>['items'][number];
export type ChatMembers = ResponseOf<'/api/v1/performances/{id}/chat/members', 'get'>;
