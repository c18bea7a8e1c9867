import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Uuid } from '../../http/schemas.ts';
import type { StoredCard } from './assistant.tables.ts';
import type { ModelTool } from './model.ts';
import type {
  AssistantBookings,
  AssistantCatalog,
  AssistantTickets,
  PerformanceHit,
  ShowtimeFacts,
} from './ports.ts';

/** What a tool runs with: the caller comes from the authenticated request, never from the model. */
export interface ToolContext {
  userId: string;
}

export interface ToolPorts {
  catalog: AssistantCatalog;
  bookings: AssistantBookings;
  tickets: AssistantTickets;
}

/** A tool's answer to the model, and the cards (links) its facts justify. */
export interface ToolOutcome {
  result: unknown;
  cards: StoredCard[];
  /** True when the tool refused or failed: the model is told, the turn goes on. */
  error?: boolean;
}

const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const Day = Type.String({ pattern: DAY_PATTERN, description: 'YYYY-MM-DD (Korean date)' });

const SearchArgs = Type.Object(
  {
    query: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Words to look for: a title, a cast member, a genre word such as 뮤지컬, 콘서트, 연극',
      }),
    ),
    region: Type.Optional(Type.String({ maxLength: 20, description: 'A region such as 서울, 경기, 부산' })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10, description: 'At most this many (default 5)' }),
    ),
  },
  { additionalProperties: false },
);
const PerformanceArgs = Type.Object({ performanceId: Uuid }, { additionalProperties: false });
const ShowtimesArgs = Type.Object(
  {
    performanceId: Uuid,
    date: Type.Optional(
      Type.String({
        pattern: DAY_PATTERN,
        description: 'Only showtimes starting on this Korean date (YYYY-MM-DD)',
      }),
    ),
  },
  { additionalProperties: false },
);
const ShowtimeArgs = Type.Object({ showtimeId: Uuid }, { additionalProperties: false });
const ReservationArgs = Type.Object({ reservationId: Uuid }, { additionalProperties: false });
const NoArgs = Type.Object({}, { additionalProperties: false });

interface ToolDef<S extends TSchema> {
  description: string;
  parameters: S;
  run: (args: Static<S>, ctx: ToolContext) => Promise<ToolOutcome>;
}

const MAX_SHOWTIMES = 30;
const CARD_LIMIT = 6;

const kstFormat = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const kstDay = (iso: string): string =>
  new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
/** "12월 5일 (금) 19:30" */
export const kstLabel = (iso: string): string => kstFormat.format(new Date(iso));

function performanceCard(p: { id: string; title: string }, subtitle: string): StoredCard {
  return {
    kind: 'performance',
    performanceId: p.id,
    title: p.title,
    subtitle,
    link: `/performances/${p.id}`,
  };
}

function showtimeCard(performanceId: string, title: string, s: ShowtimeFacts): StoredCard {
  const step = s.queueEnabled ? 'queue' : 'seats';
  return {
    kind: 'showtime',
    performanceId,
    showtimeId: s.id,
    title,
    subtitle: `${kstLabel(s.startsAt)} · 남은 좌석 ${s.availableSeats}석`,
    link: `/performances/${performanceId}/showtimes/${s.id}/${step}`,
  };
}

const hitFacts = (p: PerformanceHit) => ({
  performanceId: p.id,
  title: p.title,
  genre: p.category.name,
  venue: p.venue.name,
  region: p.venue.region,
  startDate: p.startDate,
  endDate: p.endDate,
  status: p.status,
  lowestPrice: p.minPrice,
});

const showtimeFacts = (s: ShowtimeFacts) => ({
  showtimeId: s.id,
  startsAt: s.startsAt,
  startsAtKorean: kstLabel(s.startsAt),
  salesOpenAt: s.salesOpenAt,
  status: s.status,
  seatsLeft: s.availableSeats,
  totalSeats: s.totalSeats,
  seatsLeftByGrade: s.availableByGrade.map((g) => ({
    grade: g.grade,
    price: g.price,
    seatsLeft: g.available,
  })),
  cast: s.cast,
  waitingRoom: s.queueEnabled,
});

const notFound = (what: string): ToolOutcome => ({
  result: { error: { code: 'NOT_FOUND', message: `${what} not found` } },
  cards: [],
  error: true,
});

/** The tools, by the name the model calls them with. */
export function buildTools(ports: ToolPorts) {
  const { catalog, bookings, tickets } = ports;
  const tools = {
    search_performances: {
      description:
        'Search the catalogue of performances (musicals, concerts, plays, classical). Returns matching performances with venue, dates and lowest price. Use from/to to find performances running on given dates.',
      parameters: SearchArgs,
      run: async (args) => {
        const size = args.limit ?? 5;
        const found = await catalog.search({
          q: (args.query ?? '').normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' '),
          region: args.region,
          from: args.from,
          to: args.to,
          size,
        });
        const items = found.items.slice(0, size);
        return {
          result: { total: found.total, performances: items.map(hitFacts) },
          cards: items.map((p) => performanceCard(p, `${p.venue.name} · ${p.startDate} ~ ${p.endDate}`)),
        };
      },
    } satisfies ToolDef<typeof SearchArgs>,

    performance_details: {
      description:
        'Details of one performance: description, cast, running time, age rating, prices by seat grade and its venue.',
      parameters: PerformanceArgs,
      run: async (args) => {
        const p = await catalog.detail(args.performanceId);
        if (!p) return notFound('performance');
        return {
          result: {
            performanceId: p.id,
            title: p.title,
            genre: p.category.name,
            description: p.description.slice(0, 1500),
            cast: p.cast,
            runningMinutes: p.runningMinutes,
            minimumAge: p.ageRating,
            startDate: p.startDate,
            endDate: p.endDate,
            status: p.status,
            pricesByGrade: p.prices,
            venue: p.venue,
          },
          cards: [performanceCard(p, `${p.venue.name} · ${p.startDate} ~ ${p.endDate}`)],
        };
      },
    } satisfies ToolDef<typeof PerformanceArgs>,

    venue_info: {
      description: 'The venue of a performance: name, address, phone, parking and directions.',
      parameters: PerformanceArgs,
      run: async (args) => {
        const p = await catalog.detail(args.performanceId);
        if (!p) return notFound('performance');
        return {
          result: { performanceId: p.id, title: p.title, venue: p.venue },
          cards: [performanceCard(p, p.venue.name)],
        };
      },
    } satisfies ToolDef<typeof PerformanceArgs>,

    list_showtimes: {
      description:
        'Showtimes of one performance with their sales status and seats left per grade (VIP, R, S, A…). Give a date to get only that day.',
      parameters: ShowtimesArgs,
      run: async (args) => {
        const [list, p] = await Promise.all([
          catalog.showtimes(args.performanceId),
          catalog.detail(args.performanceId),
        ]);
        if (!list || !p) return notFound('performance');
        const matching = args.date ? list.filter((s) => kstDay(s.startsAt) === args.date) : list;
        const shown = matching.slice(0, MAX_SHOWTIMES);
        const cards = [performanceCard(p, `${p.venue.name} · ${p.startDate} ~ ${p.endDate}`)];
        // A few showtimes (one day asked for) each get a card to their booking page.
        if (shown.length <= 3) cards.push(...shown.map((s) => showtimeCard(p.id, p.title, s)));
        return {
          result: {
            performanceId: p.id,
            title: p.title,
            showtimes: shown.map(showtimeFacts),
            ...(matching.length > shown.length ? { more: matching.length - shown.length } : {}),
          },
          cards,
        };
      },
    } satisfies ToolDef<typeof ShowtimesArgs>,

    showtime_seats: {
      description: 'Seats left per grade (with prices) for one showtime, and whether it is on sale.',
      parameters: ShowtimeArgs,
      run: async (args) => {
        const performanceId = await catalog.performanceOfShowtime(args.showtimeId);
        const [list, p] = performanceId
          ? await Promise.all([catalog.showtimes(performanceId), catalog.detail(performanceId)])
          : [null, null];
        const s = list?.find((x) => x.id === args.showtimeId);
        if (!s || !p) return notFound('showtime');
        return {
          result: { performanceId: p.id, title: p.title, ...showtimeFacts(s) },
          cards: [showtimeCard(p.id, p.title, s)],
        };
      },
    } satisfies ToolDef<typeof ShowtimeArgs>,

    my_reservations: {
      description:
        "The signed-in user's own reservations (newest first): booking number, status, show, date, seats, amount paid and any refund.",
      parameters: NoArgs,
      run: async (_args, ctx) => {
        const list = await bookings.reservationsOf(ctx.userId, 10);
        return {
          result: {
            reservations: list.map((r) => ({
              reservationId: r.id,
              bookingNumber: r.bookingNumber,
              status: r.status,
              title: r.showtime.title,
              performanceId: r.showtime.performanceId,
              startsAt: r.showtime.startsAt,
              startsAtKorean: r.showtime.startsAt ? kstLabel(r.showtime.startsAt) : null,
              venue: r.showtime.venue?.name ?? null,
              seats: r.seats.map((s) => `${s.grade} ${s.section} ${s.row}열 ${s.number}번`),
              totalPaid: r.total,
              refundAmount: r.refundAmount,
            })),
          },
          cards:
            list.length > 0
              ? [
                  {
                    kind: 'reservation',
                    title: '내 예매 내역',
                    subtitle: `${list.length}건`,
                    link: '/me/reservations',
                  },
                ]
              : [],
        };
      },
    } satisfies ToolDef<typeof NoArgs>,

    my_tickets: {
      description: "The signed-in user's own tickets: show, seat and status (ISSUED, USED, REVOKED).",
      parameters: NoArgs,
      run: async (_args, ctx) => {
        const list = (await tickets.ticketsOf(ctx.userId)).slice(0, 30);
        return { result: { tickets: list }, cards: [] };
      },
    } satisfies ToolDef<typeof NoArgs>,

    refund_quote: {
      description:
        "What cancelling one of the signed-in user's own reservations would refund right now, the fee, and the deadline. The user cancels on the reservations page; you cannot cancel.",
      parameters: ReservationArgs,
      run: async (args, ctx) => {
        const quote = await bookings.refundQuote(ctx.userId, args.reservationId);
        if (!quote) return notFound('reservation');
        return {
          result: { reservationId: args.reservationId, ...quote },
          cards: [
            {
              kind: 'reservation',
              reservationId: args.reservationId,
              title: '예매 취소하러 가기',
              subtitle: quote.cancellable
                ? `환불 예정 ${quote.refundAmount.toLocaleString('ko-KR')}원`
                : '취소 불가',
              link: '/me/reservations',
            },
          ],
        };
      },
    } satisfies ToolDef<typeof ReservationArgs>,

    refund_policy: {
      description:
        'The refund policy: percent refunded by days before the show, and until when cancelling is possible.',
      parameters: NoArgs,
      run: async () => ({ result: bookings.refundPolicy(), cards: [] }),
    } satisfies ToolDef<typeof NoArgs>,
  };
  return tools;
}

export type Tools = ReturnType<typeof buildTools>;
export type ToolName = keyof Tools;

/** The tool list in the chat-completions format: one schema gives validation and the model's view. */
export function toolDefinitions(tools: Tools): ModelTool[] {
  return Object.entries(tools).map(([name, t]) => ({
    type: 'function' as const,
    function: {
      name,
      description: t.description,
      parameters: JSON.parse(JSON.stringify(t.parameters)) as Record<string, unknown>,
    },
  }));
}

const checkers = new WeakMap<TSchema, ReturnType<typeof Compile<TSchema>>>();
function checkerOf(schema: TSchema) {
  let c = checkers.get(schema);
  if (!c) checkers.set(schema, (c = Compile(schema)));
  return c;
}

/**
 * Runs one tool call from the model. An unknown tool, arguments that are not JSON or do not match the
 * schema, and a failing service all become an error result the model reads: never a crash of the turn.
 */
export async function runTool(
  tools: Tools,
  name: string,
  rawArgs: string,
  ctx: ToolContext,
): Promise<ToolOutcome> {
  const tool = Object.hasOwn(tools, name) ? (tools[name as ToolName] as ToolDef<TSchema>) : undefined;
  if (!tool) {
    return {
      result: { error: { code: 'UNKNOWN_TOOL', message: `no tool named ${name.slice(0, 60)}` } },
      cards: [],
      error: true,
    };
  }
  let args: unknown;
  try {
    args = rawArgs.trim() === '' ? {} : JSON.parse(rawArgs);
  } catch {
    return invalid('arguments are not JSON');
  }
  const checker = checkerOf(tool.parameters);
  if (!checker.Check(args)) {
    const first = [...checker.Errors(args)][0];
    return invalid(first ? `${first.instancePath || '(root)'} ${first.message}` : 'arguments do not match');
  }
  try {
    return await tool.run(args, ctx);
  } catch {
    return {
      result: { error: { code: 'TOOL_FAILED', message: 'the lookup failed; try again later' } },
      cards: [],
      error: true,
    };
  }
}

function invalid(message: string): ToolOutcome {
  return { result: { error: { code: 'INVALID_ARGUMENTS', message } }, cards: [], error: true };
}

/** The turn's cards: deduplicated by link, most specific (showtime) first, at most CARD_LIMIT. */
export function mergeCards(cards: StoredCard[]): StoredCard[] {
  const order = { showtime: 0, performance: 1, reservation: 2 } as const;
  const seen = new Set<string>();
  return cards
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order[a.c.kind] - order[b.c.kind] || a.i - b.i)
    .map(({ c }) => c)
    .filter((c) => (seen.has(c.link) ? false : (seen.add(c.link), true)))
    .slice(0, CARD_LIMIT);
}
