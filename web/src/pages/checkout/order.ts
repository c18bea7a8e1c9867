import type { Performance } from '../../api/types.ts';

export type TicketTypeOffer = Performance['ticketTypes'][number];

/** A held seat as checkout shows it. */
export interface OrderSeat {
  id: string;
  label: string;
  grade: string;
}

export interface OrderLine {
  seat: OrderSeat;
  type: TicketTypeOffer | undefined;
  /** The type's price for the seat's grade, as the server publishes it; undefined when unknown. */
  price: number | undefined;
}

/**
 * Each held seat with the type chosen for it (ADULT when none) and that type's published price for
 * the seat's grade. The server prices the reservation by the same table; the page only shows it.
 */
export function orderLines(
  seats: OrderSeat[],
  offers: TicketTypeOffer[],
  chosen: Readonly<Record<string, string>>,
): OrderLine[] {
  return seats.map((seat) => {
    const type = offers.find((o) => o.code === (chosen[seat.id] ?? 'ADULT'));
    return { seat, type, price: type?.prices.find((p) => p.grade === seat.grade)?.price };
  });
}

/** The choices worth sending: seats left at ADULT are left out (the server's default). */
export function nonAdult(chosen: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(chosen).filter(([, code]) => code !== 'ADULT'));
}

/** Korean mobile numbers, as the API accepts them: 010-1234-5678 or 01012345678. */
export const MOBILE = /^01[016789]-?\d{3,4}-?\d{4}$/;

/** 01012345678 → 010-1234-5678 (for display and prefill). */
export function formatMobile(digits: string): string {
  const d = digits.replaceAll('-', '');
  return d.length === 11
    ? `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`
    : d.length === 10
      ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`
      : digits;
}
