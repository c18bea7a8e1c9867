import { useEffect, useState } from 'react';
import { tickets as ticketApi } from '../../api/endpoints.ts';
import type { Reservation, Ticket } from '../../api/types.ts';
import { Loading } from '../../components/States.tsx';
import { seatLabel } from '../../components/format.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The QR image needs the Bearer token, so it is fetched and shown through a blob URL. */
function TicketQr({ ticket }: { ticket: Ticket }) {
  const { t, lang } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let objectUrl: string | null = null;
    ticketApi
      .qrSvg(ticket.id)
      .then((svg) => {
        objectUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setUrl(objectUrl);
      })
      .catch(() => setFailed(true));
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [ticket.id]);
  if (url)
    return (
      <img
        src={url}
        width={176}
        height={176}
        alt={t('tickets.qrAlt', { seat: seatLabel(ticket.seat, lang) })}
      />
    );
  return failed ? <p className="muted">{t('tickets.qrFailed')}</p> : <Loading />;
}

/**
 * One seat's ticket, complete on its own (what the buyer shows at the door or forwards to a
 * companion): booking number, show, date with weekday, venue, seat and type, and the QR. The long
 * signed code stays folded, so it never widens a phone's page.
 */
export function TicketCard({ ticket, reservation }: { ticket: Ticket; reservation: Reservation }) {
  const { t, lang, dateTime } = useI18n();
  const { showtime } = reservation;
  const venue = showtime.venue;
  const type = ticket.ticketType;
  return (
    <li className="ticket-card" data-testid="ticket" data-status={ticket.status}>
      <div className="ticket-info">
        <p className="ticket-show">{showtime.title || t('res.reservation')}</p>
        <dl className="res-facts">
          <div>
            <dt>{t('res.bookingNumber')}</dt>
            <dd data-testid="ticket-booking-number">{ticket.bookingNumber ?? reservation.bookingNumber}</dd>
          </div>
          {showtime.startsAt && (
            <div>
              <dt>{t('res.when')}</dt>
              <dd data-testid="ticket-when">{dateTime(showtime.startsAt)}</dd>
            </div>
          )}
          {venue && (
            <div>
              <dt>{t('res.venue')}</dt>
              <dd data-testid="ticket-venue">
                {venue.name}
                {venue.address && <span className="ticket-address">{venue.address}</span>}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('res.seat')}</dt>
            <dd data-testid="ticket-seat">
              {t('tickets.seatGrade', { seat: seatLabel(ticket.seat, lang), grade: ticket.seat.grade })}
            </dd>
          </div>
          {type && (
            <div>
              <dt>{t('tickets.type')}</dt>
              <dd data-testid="ticket-type">
                {type.name}
                {type.proofRequired && <span className="ticket-proof"> · {t('tickets.proofHint')}</span>}
              </dd>
            </div>
          )}
        </dl>
      </div>
      <div className="ticket-pass">
        <TicketQr ticket={ticket} />
        <span className={`badge ticket-${ticket.status.toLowerCase()}`}>{t(`ticket.${ticket.status}`)}</span>
        <details className="ticket-code">
          <summary>{t('tickets.showCode')}</summary>
          <p className="small muted">{t('tickets.codeHint')}</p>
          <code data-testid="ticket-code">{ticket.code}</code>
        </details>
      </div>
    </li>
  );
}
