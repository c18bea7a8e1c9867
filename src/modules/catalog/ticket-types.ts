import { AppError } from '../../errors.ts';

/** The list price: every performance sells it, under this code, whatever else it offers. */
export const ADULT = 'ADULT';

/** A ticket type as the catalogue stores and publishes it. */
export interface TicketType {
  code: string;
  name: string;
  /** Percent off the grade's list price (0 for ADULT). */
  discountPercent: number;
  /** The door checks a document (youth card, disability or veteran card). */
  proofRequired: boolean;
  proofNote: string | null;
}

const ADULT_TYPE: TicketType = {
  code: ADULT,
  name: '일반',
  discountPercent: 0,
  proofRequired: false,
  proofNote: null,
};

/** The types a performance sells: ADULT first, then the stored ones in the theatre's order. */
export function withAdult(stored: TicketType[]): TicketType[] {
  return [ADULT_TYPE, ...stored];
}

/**
 * The price of a seat of list price `listPrice` sold as a type with `discountPercent` off, rounded to
 * 100 won as Korean box offices price (never below 0); no discount is the list price, unrounded. The
 * one pricing rule: the detail page's table, the coupon quotes and the reservation all come from here.
 */
export function ticketTypePrice(listPrice: number, discountPercent: number): number {
  if (discountPercent === 0) return listPrice;
  return Math.max(0, Math.round((listPrice * (100 - discountPercent)) / 10_000) * 100);
}

/** A priced seat of an order: the type it is sold as and what it costs. */
export interface TypedSeatPrice {
  seatId: string;
  ticketType: { code: string; name: string; proofRequired: boolean };
  price: number;
}

/**
 * Prices each seat as the buyer asked (`chosen`: seat id → type code; ADULT when absent). A code the
 * performance does not sell, or a seat id that is not in the order, is refused with
 * TICKET_TYPE_UNAVAILABLE naming it.
 */
export function priceSeats(
  types: TicketType[],
  seats: { id: string; price: number }[],
  chosen: Readonly<Record<string, string>> = {},
): TypedSeatPrice[] {
  const byCode = new Map(types.map((t) => [t.code, t]));
  const seatIds = new Set(seats.map((s) => s.id));
  for (const [seatId, code] of Object.entries(chosen)) {
    if (!seatIds.has(seatId))
      throw new AppError('TICKET_TYPE_UNAVAILABLE', 'A ticket type names a seat that is not in the order', {
        seatId,
      });
    if (!byCode.has(code))
      throw new AppError('TICKET_TYPE_UNAVAILABLE', `This performance does not sell ${code} tickets`, {
        seatId,
        ticketType: code,
      });
  }
  return seats.map((seat) => {
    const type = byCode.get(chosen[seat.id] ?? ADULT) ?? ADULT_TYPE;
    return {
      seatId: seat.id,
      ticketType: { code: type.code, name: type.name, proofRequired: type.proofRequired },
      price: ticketTypePrice(seat.price, type.discountPercent),
    };
  });
}
