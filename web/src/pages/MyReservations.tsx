import { booking, catalog, reviews, tickets as ticketApi } from '../api/endpoints.ts';
import type { RefundPolicy, Reservation, Ticket } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useInterval, useTitle } from '../lib/hooks.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { splitByShowtime } from './reservations/by-showtime.ts';
import { ReservationCard } from './reservations/ReservationCard.tsx';
import './reservations/reservations.css';

function ReservationList(props: {
  items: Reservation[];
  tickets: Ticket[];
  policy: RefundPolicy | undefined;
  onChanged: () => void;
  reviewed: ReadonlySet<string>;
}) {
  return (
    <ul className="reservations">
      {props.items.map((r) => (
        <ReservationCard
          key={r.id}
          r={r}
          tickets={props.tickets.filter((tk) => tk.reservationId === r.id)}
          policy={props.policy}
          onChanged={props.onChanged}
          reviewed={props.reviewed.has(r.id)}
        />
      ))}
    </ul>
  );
}

export default function MyReservations() {
  const { t } = useI18n();
  useTitle(t('nav.reservations'));
  const reservations = useAsync(async () => (await booking.reservations()).items, []);
  const tickets = useAsync(() => ticketApi.list(), []);
  const policy = useAsync(() => catalog.refundPolicy(), []);
  // Which bookings already have a review (their card says so instead of offering 관람후기 쓰기).
  const reviewed = useAsync(
    async () => new Set((await reviews.mine(1, 100)).items.map((r) => r.reservationId)),
    [],
  );
  const list = reservations.data ?? [];
  // Tickets are issued by the worker shortly after payment: look again until every paid one has them.
  const waiting = list.some(
    (r) => r.status === 'CONFIRMED' && !(tickets.data ?? []).some((tk) => tk.reservationId === r.id),
  );
  useInterval(tickets.reload, waiting ? 2000 : null);

  if (reservations.loading && !reservations.data) return <Loading />;
  const { upcoming, past } = splitByShowtime(list, Date.now());
  const shared = {
    tickets: tickets.data ?? [],
    policy: policy.data ?? undefined,
    reviewed: reviewed.data ?? new Set<string>(),
    onChanged: () => {
      reservations.reload();
      tickets.reload();
    },
  };
  return (
    <div className="stack my-reservations">
      <h1>{t('nav.reservations')}</h1>
      <ErrorBox error={reservations.error} onRetry={reservations.reload} />
      <ErrorBox error={tickets.error} onRetry={tickets.reload} />
      {list.length === 0 && !reservations.error && <Empty>{t('res.none')}</Empty>}
      {list.length > 0 && (
        <section aria-labelledby="res-upcoming" data-testid="upcoming">
          <h2 id="res-upcoming">
            {t('res.upcoming')} <span className="count">{upcoming.length}</span>
          </h2>
          {upcoming.length === 0 ? (
            <p className="muted">{t('res.noUpcoming')}</p>
          ) : (
            <ReservationList items={upcoming} {...shared} />
          )}
        </section>
      )}
      {past.length > 0 && (
        // Past shows matter less (a receipt, a refund): folded, so today's tickets come first.
        <details className="past" data-testid="past">
          <summary>
            <h2>
              {t('res.past')} <span className="count">{past.length}</span>
            </h2>
          </summary>
          <ReservationList items={past} {...shared} />
        </details>
      )}
    </div>
  );
}
