/**
 * The price of a seat of list price `listPrice` sold with `discountPercent` off: rounded to 100 won
 * as Korean box offices price, never below 0; no discount is the list price itself. The same rule as
 * the server's `ticketTypePrice` (src/modules/catalog/ticket-types.ts), so the admin's preview shows
 * what checkout will charge (src/modules/catalog/ticket-types.test.ts fails when the two differ).
 */
export function ticketTypePrice(listPrice: number, discountPercent: number): number {
  if (discountPercent === 0) return listPrice;
  return Math.max(0, Math.round((listPrice * (100 - discountPercent)) / 10_000) * 100);
}

/** The list price's code: every performance sells it, so the admin never lists it. */
export const ADULT = 'ADULT';

export interface TicketTypePreset {
  code: string;
  name: string;
  discountPercent: number;
  proofNote: string;
}

/** The discounts most Korean theatres offer, each checked at the door. */
export const TICKET_TYPE_PRESETS: readonly TicketTypePreset[] = [
  { code: 'YOUTH', name: '청소년', discountPercent: 20, proofNote: '청소년증 또는 학생증' },
  { code: 'DISABLED', name: '장애인', discountPercent: 50, proofNote: '장애인 등록증(복지카드)' },
  { code: 'VETERAN', name: '국가유공자', discountPercent: 50, proofNote: '국가유공자증' },
];
