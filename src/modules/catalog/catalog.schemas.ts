import { Type, type Static } from 'typebox';
import { IdParams, Page, QueryInteger, Size, Uuid } from '../../http/schemas.ts';

export { IdParams };
/** A seat grade such as VIP, R, S, A. */
const Grade = Type.String({ pattern: '^[A-Z]{1,5}$' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Instant = Type.String({ format: 'date-time' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const PerformanceStatus = Type.Union([
  Type.Literal('DRAFT'),
  Type.Literal('ON_SALE'),
  Type.Literal('CLOSED'),
  Type.Literal('ENDED'),
]);
export type PerformanceStatus = Static<typeof PerformanceStatus>;
const WritableStatus = Type.Union([Type.Literal('DRAFT'), Type.Literal('ON_SALE'), Type.Literal('CLOSED')]);

export const Category = Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() });

// ---- admin: venues
export const SectionInput = Type.Object(
  {
    name: Text(40),
    grade: Grade,
    rows: Type.Integer({ minimum: 1, maximum: 200 }),
    seatsPerRow: Type.Integer({ minimum: 1, maximum: 200 }),
  },
  { additionalProperties: false },
);
/** How to find and reach a venue; null clears a field. Latitude and longitude come together. */
const venueContactFields = {
  latitude: Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()], {
    description: 'WGS84 degrees, -90..90; null with longitude when unknown',
  }),
  longitude: Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()], {
    description: 'WGS84 degrees, -180..180; null with latitude when unknown',
  }),
  phone: Type.Union([Type.String({ maxLength: 30, pattern: '^[0-9+()\\- ]{3,30}$' }), Type.Null()]),
  parking: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  directions: Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]),
};
export const CreateVenueBody = Type.Object(
  {
    name: Text(100),
    address: Text(300),
    sections: Type.Array(SectionInput, { minItems: 1, maxItems: 50 }),
    latitude: Type.Optional(venueContactFields.latitude),
    longitude: Type.Optional(venueContactFields.longitude),
    phone: Type.Optional(venueContactFields.phone),
    parking: Type.Optional(venueContactFields.parking),
    directions: Type.Optional(venueContactFields.directions),
  },
  { additionalProperties: false },
);
export type CreateVenueBody = Static<typeof CreateVenueBody>;
/** Everything but the section layout (seats of existing showtimes were generated from it). */
export const UpdateVenueBody = Type.Partial(
  Type.Object({ name: Text(100), address: Text(300), ...venueContactFields }),
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateVenueBody = Static<typeof UpdateVenueBody>;
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
/** A venue as the admin console lists it. */
export const AdminVenue = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  seatCount: Type.Integer(),
  grades: Type.Array(Type.String()),
  latitude: NullableNumber,
  longitude: NullableNumber,
  phone: NullableString,
  parking: NullableString,
  directions: NullableString,
});
export type AdminVenue = Static<typeof AdminVenue>;
export const VenueView = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.String(),
  seatCount: Type.Integer(),
  sections: Type.Array(
    Type.Object({
      name: Type.String(),
      grade: Type.String(),
      rows: Type.Integer(),
      seatsPerRow: Type.Integer(),
    }),
  ),
});
export type VenueView = Static<typeof VenueView>;

// ---- admin: performances
const PriceInput = Type.Object(
  { grade: Grade, price: Type.Integer({ minimum: 1, maximum: 10_000_000 }) },
  { additionalProperties: false },
);
const TicketTypeInput = Type.Object(
  {
    code: Type.String({
      pattern: '^[A-Z][A-Z0-9_]{1,23}$',
      description:
        "YOUTH, DISABLED, VETERAN or the theatre's own; ADULT (the list price) is always sold and cannot be listed",
    }),
    name: Text(40),
    discountPercent: Type.Integer({ minimum: 1, maximum: 100, description: 'Percent off the grade price' }),
    proofRequired: Type.Optional(Type.Boolean({ description: 'The door checks a document (default false)' })),
    proofNote: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type TicketTypeInput = Static<typeof TicketTypeInput>;
const performanceFields = {
  title: Text(200),
  description: Type.String({ maxLength: 5000 }),
  categoryId: Uuid,
  venueId: Uuid,
  startDate: Day,
  endDate: Day,
  runningMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  ageRating: Type.Integer({ minimum: 0, maximum: 19 }),
  cast: Type.Array(Text(100), { maxItems: 50 }),
  // An https URL or a path on this site ("//host" would leave it): null means the generated poster.
  posterUrl: Type.Union([
    Type.String({ maxLength: 500, pattern: '^(https://[^\\s/]+(/\\S*)?|/[^/\\s]\\S*)$' }),
    Type.Null(),
  ]),
  prices: Type.Array(PriceInput, { minItems: 1, maxItems: 20 }),
  ticketTypes: Type.Array(TicketTypeInput, {
    maxItems: 10,
    description: 'Discounted ticket types besides ADULT, in the order buyers see them (default none)',
  }),
  status: WritableStatus,
};
export const CreatePerformanceBody = Type.Object(
  {
    ...performanceFields,
    description: Type.Optional(performanceFields.description),
    cast: Type.Optional(performanceFields.cast),
    posterUrl: Type.Optional(performanceFields.posterUrl),
    ticketTypes: Type.Optional(performanceFields.ticketTypes),
    status: Type.Optional(performanceFields.status),
  },
  { additionalProperties: false },
);
export type CreatePerformanceBody = Static<typeof CreatePerformanceBody>;
export const UpdatePerformanceBody = Type.Partial(Type.Object(performanceFields), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdatePerformanceBody = Static<typeof UpdatePerformanceBody>;

export const PerformanceDetail = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  category: Category,
  venue: Type.Object({
    id: Uuid,
    name: Type.String(),
    address: Type.String(),
    latitude: NullableNumber,
    longitude: NullableNumber,
    phone: NullableString,
    parking: NullableString,
    directions: NullableString,
  }),
  startDate: Type.String(),
  endDate: Type.String(),
  runningMinutes: Type.Integer(),
  ageRating: Type.Integer(),
  cast: Type.Array(Type.String()),
  posterUrl: Type.String(),
  prices: Type.Array(Type.Object({ grade: Type.String(), price: Type.Integer() })),
  ticketTypes: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      discountPercent: Type.Integer(),
      proofRequired: Type.Boolean(),
      proofNote: NullableString,
      prices: Type.Array(Type.Object({ grade: Type.String(), price: Type.Integer() }), {
        description: "This type's price per grade, as checkout charges it",
      }),
    }),
    { description: 'ADULT (the list price) first, then the discounts the theatre offers' },
  ),
  status: PerformanceStatus,
  viewCount: Type.Integer(),
  wishCount: Type.Integer({
    description: 'How many users wished for it (찜); as old as the cached detail, at most about 5 minutes',
  }),
});
export type PerformanceDetail = Static<typeof PerformanceDetail>;

// ---- admin: showtimes
const QueueFields = (enabledRequired: boolean) =>
  Type.Object(
    {
      enabled: enabledRequired ? Type.Boolean() : Type.Optional(Type.Boolean()),
      admitPerSecond: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
      maxActive: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
      sessionSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 3600 })),
      opensBeforeMinutes: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 1440,
          description:
            'The waiting room opens this many minutes before salesOpenAt (default QUEUE_OPENS_BEFORE_SALES_MINUTES); entrants before salesOpenAt are drawn at random at the open',
        }),
      ),
      proofOfWork: Type.Optional(
        Type.Boolean({
          description:
            'Entering the waiting room needs a solved proof-of-work challenge (GET …/queue/challenge); default off',
        }),
      ),
      powDifficulty: Type.Optional(
        Type.Union([Type.Integer({ minimum: 1000, maximum: 10_000_000 }), Type.Null()], {
          description:
            'The challenge maxnumber (about half as many hashes on average); null = QUEUE_POW_DIFFICULTY. Raised automatically for an address that enters in bursts',
        }),
      ),
    },
    { additionalProperties: false },
  );
const showtimeFields = {
  startsAt: Instant,
  salesOpenAt: Instant,
  salesCloseAt: Instant,
  maxTicketsPerUser: Type.Integer({ minimum: 1, maximum: 20 }),
};
const ShowtimeCast = Type.Array(Text(100), {
  maxItems: 50,
  description: "This showtime's cast (default: none listed)",
});
export const CreateShowtimeBody = Type.Object(
  { ...showtimeFields, cast: Type.Optional(ShowtimeCast), queue: Type.Optional(QueueFields(true)) },
  { additionalProperties: false },
);
export type CreateShowtimeBody = Static<typeof CreateShowtimeBody>;
/**
 * Any of the create fields; the result obeys the create rules. `startsAt` cannot move once a seat is
 * sold (409 SHOWTIME_HAS_SALES) and `salesOpenAt` cannot move once sales have opened (409
 * SALES_ALREADY_OPEN).
 */
export const UpdateShowtimeBody = Type.Partial(
  Type.Object({ ...showtimeFields, cast: ShowtimeCast, queue: QueueFields(false) }),
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateShowtimeBody = Static<typeof UpdateShowtimeBody>;
/** A showtime as the admin console edits it. */
export const AdminShowtime = Type.Object({
  id: Uuid,
  performanceId: Uuid,
  startsAt: Type.String({ format: 'date-time' }),
  salesOpenAt: Type.String({ format: 'date-time' }),
  salesCloseAt: Type.String({ format: 'date-time' }),
  maxTicketsPerUser: Type.Integer(),
  cast: Type.Array(Type.String()),
  queue: Type.Object({
    enabled: Type.Boolean(),
    admitPerSecond: Type.Integer(),
    maxActive: Type.Integer(),
    sessionSeconds: Type.Integer(),
    opensBeforeMinutes: Type.Union([Type.Integer(), Type.Null()]),
    proofOfWork: Type.Boolean(),
    powDifficulty: Type.Union([Type.Integer(), Type.Null()]),
  }),
  seatCount: Type.Integer(),
  soldSeats: Type.Integer(),
});
export type AdminShowtime = Static<typeof AdminShowtime>;

// ---- public reads
export const SORTS = ['popular', 'latest', 'date', 'views'] as const;
export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    category: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: 'category slug' })),
    region: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 20,
        description:
          'region of the venue: 서울, 경기, 인천, 부산… (a full name such as 서울특별시 also works)',
      }),
    ),
    priceMin: Type.Optional(
      QueryInteger({ minimum: 0, maximum: 10_000_000, description: 'some grade costs at least this (KRW)' }),
    ),
    priceMax: Type.Optional(
      QueryInteger({ minimum: 0, maximum: 10_000_000, description: 'some grade costs at most this (KRW)' }),
    ),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    status: Type.Optional(PerformanceStatus),
    sort: Type.Optional(Type.Union(SORTS.map((s) => Type.Literal(s)))),
    // Deep pages of a search cost an OFFSET scan: 1000 pages is far past what anyone reads.
    page: Page(1000),
    size: Size(),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const PerformanceSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  category: Category,
  venue: Type.Object({
    id: Uuid,
    name: Type.String(),
    region: Type.Union([Type.String(), Type.Null()], { description: '서울, 경기, 부산…; null when unknown' }),
  }),
  startDate: Type.String(),
  endDate: Type.String(),
  posterUrl: Type.String(),
  status: PerformanceStatus,
  minPrice: Type.Union([Type.Integer(), Type.Null()]),
  viewCount: Type.Integer(),
  salesCount: Type.Integer(),
});
export type PerformanceSummary = Static<typeof PerformanceSummary>;
export const PerformancePage = Type.Object({
  items: Type.Array(PerformanceSummary),
  page: Type.Integer(),
  size: Type.Integer(),
  total: Type.Integer(),
  approximate: Type.Optional(
    Type.Boolean({
      description:
        'true when nothing matched the words as typed and these were found by spacing, initial consonants or a typo',
    }),
  ),
});
export type PerformancePage = Static<typeof PerformancePage>;

export const ShowtimeStatus = Type.Union([
  Type.Literal('BEFORE_SALES'),
  Type.Literal('ON_SALE'),
  Type.Literal('SOLD_OUT'),
  Type.Literal('SALES_CLOSED'),
]);
export const ShowtimeView = Type.Object({
  id: Uuid,
  startsAt: Type.String(),
  salesOpenAt: Type.String(),
  salesCloseAt: Type.String(),
  status: ShowtimeStatus,
  queueEnabled: Type.Boolean(),
  maxTicketsPerUser: Type.Integer(),
  availableSeats: Type.Integer(),
  totalSeats: Type.Integer(),
  cast: Type.Array(Type.String(), { description: "This showtime's cast; empty when not announced" }),
  availableByGrade: Type.Array(
    Type.Object({
      grade: Type.String(),
      price: Type.Integer(),
      available: Type.Integer({ description: 'Seats neither sold nor held' }),
      total: Type.Integer(),
    }),
    { description: 'By price, highest first' },
  ),
});
export type ShowtimeView = Static<typeof ShowtimeView>;

export const SeatStatus = Type.Union([Type.Literal('AVAILABLE'), Type.Literal('HELD'), Type.Literal('SOLD')]);
export const SeatMap = Type.Object({
  showtimeId: Uuid,
  seats: Type.Array(
    Type.Object({
      id: Uuid,
      section: Type.String(),
      row: Type.String(),
      number: Type.Integer(),
      grade: Type.String(),
      price: Type.Integer(),
      status: SeatStatus,
    }),
  ),
});
export type SeatMap = Static<typeof SeatMap>;

export const RankingQuery = Type.Object(
  {
    by: Type.Union([Type.Literal('views'), Type.Literal('sales')], { default: 'views' }),
    period: Type.Union([Type.Literal('realtime'), Type.Literal('daily'), Type.Literal('weekly')], {
      default: 'realtime',
    }),
    limit: QueryInteger({ minimum: 1, maximum: 100, default: 10 }),
    category: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: 'category slug' })),
  },
  { additionalProperties: false },
);
export type RankingQuery = Static<typeof RankingQuery>;
export const RankingEntry = Type.Object({
  rank: Type.Integer(),
  score: Type.Number(),
  performance: Type.Object({ id: Uuid, title: Type.String(), posterUrl: Type.String(), category: Category }),
});
export type RankingEntry = Static<typeof RankingEntry>;

// ---- discovery: suggestions and the ticket-open list
export const SuggestionQuery = Type.Object(
  { q: Type.String({ maxLength: 100, description: 'what is typed so far' }) },
  { additionalProperties: false },
);
export const Suggestion = Type.Object({
  performanceId: Uuid,
  title: Type.String(),
  category: Category,
  posterUrl: Type.String(),
});
export type Suggestion = Static<typeof Suggestion>;

export const OpeningSoonQuery = Type.Object(
  {
    days: QueryInteger({
      minimum: 1,
      maximum: 30,
      default: 7,
      description: 'sales opening within this many days',
    }),
    category: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$', description: 'category slug' })),
    limit: QueryInteger({ minimum: 1, maximum: 50, default: 12, description: 'performances' }),
  },
  { additionalProperties: false },
);
export type OpeningSoonQuery = Static<typeof OpeningSoonQuery>;
export const OpeningSoon = Type.Object({
  performance: Type.Object({
    id: Uuid,
    title: Type.String(),
    category: Category,
    venue: Type.Object({ id: Uuid, name: Type.String(), region: Type.Union([Type.String(), Type.Null()]) }),
    startDate: Type.String(),
    endDate: Type.String(),
    posterUrl: Type.String(),
  }),
  opensAt: Type.String({
    format: 'date-time',
    description: 'the earliest sales opening of the showtimes below',
  }),
  showtimes: Type.Array(Type.Object({ id: Uuid, startsAt: Type.String(), salesOpenAt: Type.String() })),
});
export type OpeningSoon = Static<typeof OpeningSoon>;
