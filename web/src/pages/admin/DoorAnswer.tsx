import { ApiError } from '../../api/client.ts';
import type { DoorTicket } from '../../api/types.ts';
import type { Key } from '../../i18n/dict.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The refusals the door shows as a red answer; anything else (network, rights) is an ordinary error. */
const REFUSALS = ['WRONG_SHOWTIME', 'TICKET_ALREADY_USED', 'TICKET_REVOKED', 'INVALID_TICKET'] as const;
type Refusal = (typeof REFUSALS)[number];

export type DoorResult =
  { kind: 'ok'; ticket: DoorTicket } | { kind: 'refused'; code: Refusal; ticket: DoorTicket | null };

/** A check-in error as the door's red answer, or null when it is not a refusal of the ticket. */
export function refusalOf(err: unknown): DoorResult | null {
  if (!(err instanceof ApiError) || !(REFUSALS as readonly string[]).includes(err.code)) return null;
  const p = err.problem;
  const ticket =
    typeof p.ticketId === 'string' && typeof p.seat === 'object' && p.seat
      ? {
          ticketId: p.ticketId,
          showtimeId: String(p.showtimeId ?? ''),
          seat: p.seat as DoorTicket['seat'],
          ticketType: (p.ticketType ?? null) as DoorTicket['ticketType'],
          usedAt: typeof p.usedAt === 'string' ? p.usedAt : null,
          show: (p.show ?? null) as DoorTicket['show'],
          holder: (p.holder ?? null) as DoorTicket['holder'],
        }
      : null;
  return { kind: 'refused', code: err.code as Refusal, ticket };
}

const VERDICT: Record<Refusal, Key> = {
  WRONG_SHOWTIME: 'door.wrongShowtime',
  TICKET_ALREADY_USED: 'door.alreadyUsed',
  TICKET_REVOKED: 'door.revoked',
  INVALID_TICKET: 'door.invalid',
};

/**
 * The big answer: green to admit, red to refuse with the reason in words. It keeps its place (an
 * idle panel before the first scan), so the form below never jumps while someone is typing.
 */
export function DoorAnswer({ result, busy }: { result: DoorResult | null; busy: boolean }) {
  const { t, dateTime } = useI18n();
  if (!result) {
    return (
      <section className="door-answer idle" aria-live="polite" data-testid="door-answer" data-result="idle">
        <p className="door-verdict">{busy ? t('door.checking') : t('door.idle')}</p>
      </section>
    );
  }
  const ok = result.kind === 'ok';
  const ticket = result.ticket;
  const reason = (() => {
    if (result.kind === 'ok') return null;
    if (result.code === 'WRONG_SHOWTIME' && ticket?.show)
      return t('door.wrongShowtimeWhich', { when: dateTime(ticket.show.startsAt) });
    if (result.code === 'TICKET_ALREADY_USED' && ticket?.usedAt)
      return t('door.usedAt', { when: dateTime(ticket.usedAt) });
    if (result.code === 'TICKET_REVOKED') return t('door.revokedHint');
    if (result.code === 'INVALID_TICKET') return t('door.invalidHint');
    return null;
  })();
  return (
    <section
      className={`door-answer ${ok ? 'ok' : 'refused'}`}
      role={ok ? 'status' : 'alert'}
      data-testid="door-answer"
      data-result={ok ? 'ok' : 'refused'}
      data-code={result.kind === 'refused' ? result.code : undefined}
    >
      <p className="door-verdict">
        <span aria-hidden="true">{ok ? '✓ ' : '✕ '}</span>
        {ok ? t('door.ok') : t(VERDICT[result.code])}
      </p>
      {reason && <p className="door-reason">{reason}</p>}
      {ticket && (
        <>
          <p className="door-seat" data-testid="door-seat">
            {t('door.seat', {
              section: ticket.seat.section,
              row: ticket.seat.row,
              number: ticket.seat.number,
            })}{' '}
            <span className="door-grade">{ticket.seat.grade}</span>
          </p>
          {ticket.ticketType && (
            <p className="door-type" data-testid="door-ticket-type">
              {ticket.ticketType.name}
              {ticket.ticketType.proofRequired && (
                <strong className="door-proof" data-testid="door-proof">
                  {t('door.proof')}
                </strong>
              )}
            </p>
          )}
          <dl className="door-facts">
            <div>
              <dt>{t('door.show')}</dt>
              <dd>{ticket.show?.title ?? t('door.unknownShow')}</dd>
            </div>
            {ticket.show && (
              <div>
                <dt>{t('door.when')}</dt>
                <dd>{dateTime(ticket.show.startsAt)}</dd>
              </div>
            )}
            {ticket.holder && (
              <div>
                <dt>{t('door.holder')}</dt>
                <dd>
                  {ticket.holder.nickname} <span className="door-email">{ticket.holder.email}</span>
                </dd>
              </div>
            )}
          </dl>
        </>
      )}
    </section>
  );
}
