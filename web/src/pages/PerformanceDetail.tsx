import { useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { catalog, coupons as couponsApi } from '../api/endpoints.ts';
import type { Showtime } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync, useNow, useTitle } from '../lib/hooks.ts';
import { dayKey, useDates } from '../lib/dates.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { Poster } from '../components/Poster.tsx';
import { nameOf } from '../components/format.ts';
import { HeartButton } from '../components/HeartButton.tsx';
import { OnsaleAlertButton } from '../components/OnsaleAlertButton.tsx';
import { WishCount } from './detail/WishCount.tsx';
import { Calendar } from './detail/Calendar.tsx';
import { DayShowtimes } from './detail/DayShowtimes.tsx';
import { InfoTab } from './detail/InfoTab.tsx';
import { PriceTable } from './detail/PriceTable.tsx';
import { VenueTab } from './detail/VenueTab.tsx';
import { ReviewsTab } from './detail/ReviewsTab.tsx';
import { ChatTab } from './detail/ChatTab.tsx';
import { bookingPath, salesState } from './detail/sales.ts';
import './detail/detail.css';

export { salesState, type SalesState } from './detail/sales.ts';

type Tab = 'info' | 'venue' | 'reviews' | 'chat';
const TABS: {
  id: Tab;
  label: 'detail.tabInfo' | 'detail.tabVenue' | 'detail.tabReviews' | 'detail.tabChat';
}[] = [
  { id: 'info', label: 'detail.tabInfo' },
  { id: 'venue', label: 'detail.tabVenue' },
  { id: 'reviews', label: 'detail.tabReviews' },
  { id: 'chat', label: 'detail.tabChat' },
];

/** Showtimes by Korean calendar day, in date order. */
function byDay(showtimes: Showtime[]): Map<string, Showtime[]> {
  const out = new Map<string, Showtime[]>();
  for (const s of [...showtimes].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = dayKey(s.startsAt);
    out.set(key, [...(out.get(key) ?? []), s]);
  }
  return out;
}

/** The day a visitor most likely wants: the first with a bookable show, else the first still ahead. */
function defaultDay(days: Map<string, Showtime[]>, now: number): string | null {
  for (const [day, list] of days) if (list.some((s) => salesState(s, now) === 'open')) return day;
  for (const [day, list] of days) if (list.some((s) => new Date(s.startsAt).getTime() > now)) return day;
  return days.keys().next().value ?? null;
}

/**
 * The performance page: what, when, where, how much and how much is left, before anyone picks a
 * seat. A month calendar of show dates, that day's showtimes (seats left per grade, cast), and tabs
 * for the information (prices, ticket open, discounts, refunds), the venue (map) and reviews.
 */
export default function PerformanceDetail() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const dates = useDates();
  const perf = useAsync(() => catalog.performance(id), [id]);
  const showtimes = useAsync(() => catalog.showtimes(id), [id]);
  const policy = useAsync(() => catalog.refundPolicy(), []);
  const coupons = useAsync(() => couponsApi.issuable(), []);
  const now = useNow(1000);
  const [pickedDay, setPickedDay] = useState<string | null>(null);
  const [pickedId, setPickedId] = useState<string | null>(null);
  // `?tab=reviews` or `?tab=chat` opens a tab directly (review and chat notifications link there).
  const [search] = useSearchParams();
  const [tab, setTab] = useState<Tab>(() => TABS.find((x) => x.id === search.get('tab'))?.id ?? 'info');
  const bookingRef = useRef<HTMLElement>(null);
  const tabsRef = useRef<HTMLDivElement>(null);
  useTitle(perf.data?.title ?? '');

  const list = useMemo(() => showtimes.data ?? [], [showtimes.data]);
  const days = useMemo(() => byDay(list), [list]);
  const dayCounts = useMemo(() => new Map([...days].map(([d, l]) => [d, l.length])), [days]);
  // The default is fixed once the showtimes arrive (not re-picked every second as `now` ticks).
  const initialDay = useMemo(() => defaultDay(days, Date.now()), [days]);
  const day = pickedDay ?? initialDay;
  const dayList = day ? (days.get(day) ?? []) : [];
  const selected =
    dayList.find((s) => s.id === pickedId) ??
    dayList.find((s) => salesState(s, now) === 'open') ??
    dayList[0];
  const nextOpen = list
    .map((s) => s.salesOpenAt)
    .filter((at) => new Date(at).getTime() > now)
    .sort()[0];

  if (perf.loading && !perf.data) return <Loading />;
  if (perf.error) return <ErrorBox error={perf.error} onRetry={perf.reload} />;
  const p = perf.data!;
  const selectedState = selected ? salesState(selected, now) : null;

  const showVenue = (): void => {
    setTab('venue');
    tabsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  return (
    <article className="detail-page">
      <div className="detail-layout">
        <div className="detail-main">
          <header className="detail-hero">
            <Poster url={p.posterUrl} title={p.title} size="lg" />
            <div className="detail-summary">
              <div className="detail-titles">
                <p className="detail-category">{nameOf(p.category)}</p>
                <div className="detail-title-row">
                  <h1>{p.title}</h1>
                  <HeartButton performanceId={p.id} />
                </div>
                <WishCount count={p.wishCount} />
              </div>
              <dl className="facts detail-facts">
                <dt>{t('detail.place')}</dt>
                <dd>
                  <button type="button" className="link-button" onClick={showVenue}>
                    {nameOf(p.venue)}
                  </button>
                </dd>
                <dt>{t('detail.period')}</dt>
                <dd>
                  {dates.day(p.startDate, true)} ~{' '}
                  {dates.day(p.endDate, p.endDate.slice(0, 4) !== p.startDate.slice(0, 4))}
                </dd>
                <dt>{t('show.running')}</dt>
                <dd>{t('show.minutes', { n: p.runningMinutes })}</dd>
                <dt>{t('show.age')}</dt>
                <dd>{p.ageRating === 0 ? t('show.allAges') : t('show.ageOver', { n: p.ageRating })}</dd>
                {p.cast.length > 0 && (
                  <>
                    <dt>{t('show.cast')}</dt>
                    <dd>{p.cast.join(', ')}</dd>
                  </>
                )}
                {nextOpen && (
                  <>
                    <dt>{t('detail.ticketOpen')}</dt>
                    <dd className="ticket-open" data-testid="ticket-open">
                      {dates.dayTime(nextOpen, true)}
                    </dd>
                  </>
                )}
                <dt>{t('detail.priceTitle')}</dt>
                <dd>
                  <PriceTable prices={p.prices} />
                </dd>
              </dl>
              {nextOpen && <OnsaleAlertButton performanceId={p.id} />}
            </div>
          </header>

          <div className="tabs" ref={tabsRef}>
            <div role="tablist" aria-label={t('detail.tabs')} className="tablist">
              {TABS.map((x) => (
                <button
                  key={x.id}
                  type="button"
                  role="tab"
                  id={`tab-${x.id}`}
                  aria-selected={tab === x.id}
                  aria-controls={`panel-${x.id}`}
                  tabIndex={tab === x.id ? 0 : -1}
                  onClick={() => setTab(x.id)}
                  onKeyDown={(e) => {
                    const i = TABS.findIndex((y) => y.id === tab);
                    if (e.key === 'ArrowRight') setTab(TABS[(i + 1) % TABS.length]!.id);
                    if (e.key === 'ArrowLeft') setTab(TABS[(i + TABS.length - 1) % TABS.length]!.id);
                  }}
                >
                  {t(x.label)}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
              {tab === 'info' && (
                <InfoTab
                  performance={p}
                  showtimes={list}
                  policy={policy.data}
                  coupons={coupons.data}
                  selected={selected}
                  now={now}
                />
              )}
              {tab === 'venue' && <VenueTab venue={p.venue} />}
              {tab === 'reviews' && <ReviewsTab performanceId={p.id} />}
              {tab === 'chat' && <ChatTab performanceId={p.id} />}
            </div>
          </div>
        </div>

        <aside className="booking-panel" ref={bookingRef} aria-labelledby="book-h" id="booking">
          <h2 id="book-h">{t('detail.pickDate')}</h2>
          {showtimes.loading && !showtimes.data && <Loading />}
          <ErrorBox error={showtimes.error} onRetry={showtimes.reload} />
          {showtimes.data?.length === 0 && <Empty>{t('show.noShowtimes')}</Empty>}
          {list.length > 0 && (
            <>
              <Calendar
                showDays={dayCounts}
                selected={day}
                onSelect={(d) => {
                  setPickedDay(d);
                  setPickedId(null);
                }}
              />
              <h3 className="day-heading" data-testid="day-heading">
                {t('detail.pickTime')}
                {day && (
                  <span className="muted">
                    {' '}
                    · {dates.day(day)} · {t('show.showtimeCount', { n: dayList.length })}
                  </span>
                )}
              </h3>
              {dayList.length === 0 ? (
                <p className="muted">{t('detail.noShowsThatDay')}</p>
              ) : (
                <DayShowtimes
                  showtimes={dayList}
                  performanceId={id}
                  selectedId={selected?.id ?? null}
                  onSelect={setPickedId}
                  now={now}
                />
              )}
            </>
          )}
        </aside>
      </div>

      <div className="sticky-book" data-testid="sticky-book">
        <div className="sticky-book-what">
          {selected ? (
            <>
              <span className="small muted">{t('detail.chosen')}</span>
              <strong>{dates.dayTime(selected.startsAt)}</strong>
            </>
          ) : (
            <span className="small">{t('detail.choose')}</span>
          )}
        </div>
        {selected && selectedState === 'open' ? (
          <Link className="btn" to={bookingPath(id, selected)} data-testid="sticky-book-link">
            {t('show.book')}
          </Link>
        ) : selected && selectedState === 'notOpen' ? (
          <span className="badge open-at">
            {t('detail.opensAt', { when: dates.dayTime(selected.salesOpenAt) })}
          </span>
        ) : (
          <button
            type="button"
            className="btn"
            onClick={() => bookingRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
          >
            {t('detail.pickDate')}
          </button>
        )}
      </div>
    </article>
  );
}
