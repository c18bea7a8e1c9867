import type { Counter } from 'prom-client';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/db.ts';
import type { Metrics } from '../../infra/metrics.ts';
import { TicketCodeError, type TicketSigner } from './ticket-code.ts';
import type { TicketRow, TicketsRepository } from './tickets.repository.ts';
import type { DoorShowtimes, ShowtimeLabel, TicketHolders } from './ports.ts';
import { toDoorAnswer } from './tickets.schemas.ts';

/** What the door shows for a scanned ticket, admitted or not. */
export interface DoorAnswer {
  ticket: TicketRow;
  show: ShowtimeLabel | null;
  /** Enough to match a person to the ticket, no more: the nickname and a masked email. */
  holder: { nickname: string; email: string } | null;
}

export interface DoorShowtime extends ShowtimeLabel {
  ticketsIssued: number;
  checkedIn: number;
}

/** Korea has one offset all year (no daylight saving); "today" at the door is a Seoul day. */
const SEOUL_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86400_000;
/** Titles and start times change rarely; a door scanning every second need not ask each time. */
const LABEL_TTL_MS = 30_000;
const LABEL_CACHE_MAX = 1_000;
const LIST_MAX = 200;

/** The first instant of the Seoul calendar day that contains `now`. */
export function startOfSeoulDay(now: Date): Date {
  return new Date(Math.floor((now.getTime() + SEOUL_OFFSET_MS) / DAY_MS) * DAY_MS - SEOUL_OFFSET_MS);
}

/** `kimcs@example.com` → `ki***@example.com`: recognisable to its owner, useless to a bystander. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at > 0 ? email.slice(0, at) : email;
  const domain = at > 0 ? email.slice(at) : '';
  return `${local.slice(0, local.length > 3 ? 2 : 1)}***${domain}`;
}

/**
 * Check-in at the door: the code is verified offline (signature), the ticket is marked USED exactly
 * once, and every answer, admitted or refused, names the show, the seat and the holder so the staff
 * can act on it at a glance.
 */
export interface DoorDeps {
  /** The primary: a check-in is a write, and the door must see every ticket the moment it exists. */
  db: Db;
  repo: TicketsRepository;
  signer: TicketSigner;
  shows: DoorShowtimes;
  holders: TicketHolders;
  metrics: Metrics;
  clock: Clock;
}

export class Door {
  private readonly checkIns: Counter<'result'>;
  private readonly labelCache = new Map<string, { label: ShowtimeLabel; until: number }>();
  private readonly db: Db;
  private readonly repo: TicketsRepository;
  private readonly signer: TicketSigner;
  private readonly shows: DoorShowtimes;
  private readonly holders: TicketHolders;
  private readonly clock: Clock;

  constructor(deps: DoorDeps) {
    ({
      db: this.db,
      repo: this.repo,
      signer: this.signer,
      shows: this.shows,
      holders: this.holders,
      clock: this.clock,
    } = deps);
    const { metrics } = deps;
    this.checkIns = metrics.counter({
      name: 'ticket_check_ins_total',
      help: 'Check-in scans by result',
      labelNames: ['result'],
    });
  }

  /**
   * Admits the ticket to `gateShowtimeId` (any showtime when absent, as older clients expect).
   * Refusals: 400 INVALID_TICKET (not genuine, or no such ticket); 409 TICKET_REVOKED,
   * TICKET_ALREADY_USED (with usedAt) and WRONG_SHOWTIME (naming the ticket's showtime), each with
   * the same description of the ticket as a success.
   */
  async checkIn(code: string, staffId: string, gateShowtimeId?: string): Promise<DoorAnswer> {
    let claims;
    try {
      claims = this.signer.verify(code);
    } catch (err) {
      if (!(err instanceof TicketCodeError)) throw err;
      this.checkIns.inc({ result: 'invalid' });
      throw new AppError('INVALID_TICKET', `The code is not a genuine ticket (${err.message})`);
    }
    const elsewhere = gateShowtimeId !== undefined && claims.showtimeId !== gateShowtimeId;
    // Another showtime's ticket is only looked at, never marked: it stays valid for its own show.
    const outcome = elsewhere
      ? { current: (await this.repo.findByClaims(this.db, claims)) ?? null }
      : await this.repo.markUsed(this.db, { ...claims, staffId }, this.clock.now());
    if ('used' in outcome) {
      this.checkIns.inc({ result: 'used' });
      return this.describe(outcome.used);
    }
    const ticket = outcome.current;
    if (!ticket) {
      this.checkIns.inc({ result: 'invalid' });
      throw new AppError('INVALID_TICKET', 'No such ticket');
    }
    const answer = await this.describe(ticket);
    const extra = { ...toDoorAnswer(answer), ticketStatus: ticket.status };
    // A revoked or used ticket is refused as such wherever it is shown; only a valid one is sent on.
    if (ticket.status === 'REVOKED') {
      this.checkIns.inc({ result: 'revoked' });
      throw new AppError('TICKET_REVOKED', 'The ticket was revoked: its reservation was cancelled', extra);
    }
    if (ticket.status === 'USED') {
      this.checkIns.inc({ result: 'already_used' });
      throw new AppError(
        'TICKET_ALREADY_USED',
        `The ticket was already used at ${ticket.used_at?.toISOString() ?? 'an unknown time'}`,
        extra,
      );
    }
    // ISSUED and not marked: only another showtime's ticket gets here (USED never turns back).
    if (!elsewhere) throw new Error(`ticket ${ticket.id} is ISSUED but was not marked used`);
    this.checkIns.inc({ result: 'wrong_showtime' });
    const named = answer.show
      ? `${answer.show.title} at ${answer.show.startsAt.toISOString()}`
      : `showtime ${ticket.showtime_id}`;
    throw new AppError('WRONG_SHOWTIME', `The ticket is for another showtime: ${named}`, {
      ...extra,
      gateShowtimeId,
    });
  }

  /** Showtimes the door may serve: from the start of today (Seoul) to `days` from now. */
  async showtimes(days: number, now = this.clock.now()): Promise<DoorShowtime[]> {
    const list = await this.shows.startingBetween(
      startOfSeoulDay(now),
      new Date(now.getTime() + days * DAY_MS),
      LIST_MAX,
    );
    const counts = await this.repo.doorCounts(
      this.db,
      list.map((s) => s.showtimeId),
    );
    return list.map((s) => {
      const c = counts.get(s.showtimeId);
      return { ...s, ticketsIssued: c?.issued ?? 0, checkedIn: c?.checkedIn ?? 0 };
    });
  }

  private async describe(ticket: TicketRow): Promise<DoorAnswer> {
    const [show, holder] = await Promise.all([
      this.label(ticket.showtime_id),
      this.holders.holder(ticket.user_id),
    ]);
    return {
      ticket,
      show,
      holder: holder ? { nickname: holder.nickname, email: maskEmail(holder.email) } : null,
    };
  }

  private async label(showtimeId: string): Promise<ShowtimeLabel | null> {
    const now = this.clock.nowMs();
    const cached = this.labelCache.get(showtimeId);
    if (cached && cached.until > now) return cached.label;
    const label = (await this.shows.labels([showtimeId])).get(showtimeId) ?? null;
    if (label) {
      if (this.labelCache.size >= LABEL_CACHE_MAX) this.labelCache.clear();
      this.labelCache.set(showtimeId, { label, until: now + LABEL_TTL_MS });
    }
    return label;
  }
}
