import { Link } from 'react-router';
import type { IssuableCoupon, Performance, RefundPolicy, Showtime } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useDates } from '../../lib/dates.ts';
import { PriceTable, TicketTypeTable } from './PriceTable.tsx';

/**
 * The ticket-open schedule: showtimes on sale now as one row, and those not yet open grouped by the
 * minute their sales open, earliest first (showtimes whose sales have closed are left out).
 */
export function salesSchedule(
  showtimes: Showtime[],
  now: number,
): { opensAt: string | null; first: string; last: string }[] {
  const groups = new Map<string, { opensAt: string | null; first: string; last: string }>();
  for (const s of showtimes) {
    if (new Date(s.salesCloseAt).getTime() <= now) continue;
    const open = new Date(s.salesOpenAt).getTime();
    const key = open <= now ? '' : new Date(Math.floor(open / 60_000) * 60_000).toISOString();
    const g = groups.get(key);
    if (!g) groups.set(key, { opensAt: key || null, first: s.startsAt, last: s.startsAt });
    else {
      if (s.startsAt < g.first) g.first = s.startsAt;
      if (s.startsAt > g.last) g.last = s.startsAt;
    }
  }
  return [...groups.values()].sort((a, b) => (a.opensAt ?? '').localeCompare(b.opensAt ?? ''));
}

export function RefundPolicyView({
  policy,
  selected,
}: {
  policy: RefundPolicy | undefined;
  selected: Showtime | undefined;
}) {
  const { t } = useI18n();
  const dates = useDates();
  if (!policy) return null;
  const deadline = selected
    ? new Date(
        new Date(selected.startsAt).getTime() - policy.cancelDeadlineHoursBefore * 3600_000,
      ).toISOString()
    : null;
  return (
    <section aria-labelledby="refund-h" className="info-section" data-testid="refund-policy">
      <h2 id="refund-h">{t('detail.refund')}</h2>
      <table className="plain-table">
        <tbody>
          {policy.rules.map((r) => (
            <tr key={r.daysBefore}>
              <th scope="row">{t('detail.refundWhen', { days: r.daysBefore })}</th>
              <td>
                {r.percent === 100 ? t('detail.refundAll') : t('detail.refundPart', { percent: r.percent })}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('detail.refundAfter')}</th>
            <td>{t('detail.refundNone')}</td>
          </tr>
        </tbody>
      </table>
      <p className="strong-note">{t('detail.cancelDeadline', { hours: policy.cancelDeadlineHoursBefore })}</p>
      {deadline && <p className="small">{t('detail.cancelDeadlineAt', { when: dates.dayTime(deadline) })}</p>}
    </section>
  );
}

function Discounts({ coupons }: { coupons: IssuableCoupon[] | undefined }) {
  const { t, price } = useI18n();
  const dates = useDates();
  const live = (coupons ?? []).filter((c) => c.remaining > 0);
  return (
    <section aria-labelledby="disc-h" className="info-section" data-testid="discounts">
      <h2 id="disc-h">{t('detail.discounts')}</h2>
      {live.length === 0 ? (
        <p className="muted">{t('detail.noDiscounts')}</p>
      ) : (
        <ul className="discount-list">
          {live.slice(0, 5).map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>{' '}
              {t('detail.couponOff', {
                amount: c.discountType === 'PERCENT' ? `${c.discountValue}%` : price(c.discountValue),
              })}
              {c.minOrderAmount > 0 && (
                <span className="muted"> · {t('detail.couponMin', { amount: price(c.minOrderAmount) })}</span>
              )}
              <span className="muted small"> · ~{dates.day(c.issueEndsAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">
        {t('detail.couponNote')} <Link to="/coupons">{t('detail.couponsLink')}</Link>
      </p>
    </section>
  );
}

/**
 * Rows of the schedule shown before the rest fold away: a run whose every showtime opens on its own
 * day (51 shows, 51 openings) stays a short table, not a page-long list.
 */
const SCHEDULE_SHOWN = 4;

function ScheduleRows({ rows }: { rows: ReturnType<typeof salesSchedule> }) {
  const { t } = useI18n();
  const dates = useDates();
  return (
    <table className="plain-table">
      <tbody>
        {rows.map((g) => (
          <tr key={g.opensAt ?? 'now'}>
            <th scope="row">
              {g.opensAt ? t('detail.opensAt', { when: dates.dayTime(g.opensAt) }) : t('detail.onSaleNow')}
            </th>
            <td>
              {dates.day(g.first) === dates.day(g.last)
                ? t('detail.salesOpenRow', { day: dates.day(g.first) })
                : t('detail.salesOpenRange', { from: dates.day(g.first), to: dates.day(g.last) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The information tab: the show, prices, when tickets open, discounts and the refund rules. */
export function InfoTab({
  performance,
  showtimes,
  policy,
  coupons,
  selected,
  now,
}: {
  performance: Performance;
  showtimes: Showtime[];
  policy: RefundPolicy | undefined;
  coupons: IssuableCoupon[] | undefined;
  selected: Showtime | undefined;
  now: number;
}) {
  const { t } = useI18n();
  const schedule = salesSchedule(showtimes, now);
  const maxTickets = Math.max(0, ...showtimes.map((s) => s.maxTicketsPerUser));
  return (
    <div className="info-tab">
      {performance.description && (
        <section aria-labelledby="about-h" className="info-section">
          <h2 id="about-h">{t('detail.about')}</h2>
          <p className="description">{performance.description}</p>
        </section>
      )}
      <section aria-labelledby="price-h" className="info-section">
        <h2 id="price-h">{t('detail.priceTitle')}</h2>
        <PriceTable prices={performance.prices} />
        <TicketTypeTable types={performance.ticketTypes} />
      </section>
      {schedule.length > 0 && (
        <section aria-labelledby="sched-h" className="info-section" data-testid="sales-schedule">
          <h2 id="sched-h">{t('detail.salesSchedule')}</h2>
          <ScheduleRows rows={schedule.slice(0, SCHEDULE_SHOWN)} />
          {schedule.length > SCHEDULE_SHOWN && (
            <details className="more-openings">
              <summary>{t('detail.moreOpenings', { n: schedule.length - SCHEDULE_SHOWN })}</summary>
              <ScheduleRows rows={schedule.slice(SCHEDULE_SHOWN)} />
            </details>
          )}
          <ul className="notes small">
            {maxTickets > 0 && <li>{t('detail.maxTickets', { n: maxTickets })}</li>}
            {showtimes.some((s) => s.queueEnabled) && <li>{t('detail.queueNote')}</li>}
          </ul>
        </section>
      )}
      <Discounts coupons={coupons} />
      <RefundPolicyView policy={policy} selected={selected} />
    </div>
  );
}
