import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { admin, catalog, type NewPerformance } from '../../api/endpoints.ts';
import type { Performance, Venue } from '../../api/types.ts';

/** The statuses an admin may set (ENDED is the server's, once the last showtime has passed). */
type SettableStatus = NonNullable<NewPerformance['status']>;
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, Notice } from '../../components/States.tsx';
import { useVenues } from './Venues.tsx';

const STATUSES: SettableStatus[] = ['ON_SALE', 'DRAFT', 'CLOSED'];
const DEFAULT_PRICES = 'VIP=150000, R=120000, S=90000';
const USUAL_PRICE: Record<string, number> = { VIP: 150_000, R: 120_000, S: 90_000, A: 60_000 };

/**
 * A price line naming exactly the venue's grades: the API refuses a grade the venue lacks
 * (VALIDATION_FAILED) and a venue grade left unpriced (GRADE_PRICE_MISSING).
 */
function pricesFor(venue: Venue | undefined): string {
  const grades = venue?.grades ?? [];
  if (grades.length === 0) return DEFAULT_PRICES;
  return grades.map((g) => `${g}=${USUAL_PRICE[g] ?? 50_000}`).join(', ');
}

export default function Performances() {
  const { t, date } = useI18n();
  useTitle(t('admin.performances'));
  const categories = useAsync(() => catalog.categories(), []);
  const venues = useVenues();
  const list = useAsync(() => catalog.search({ sort: 'latest', size: 50 }), []);
  const today = new Date().toISOString().slice(0, 10);
  const [form, setForm] = useState({
    title: '',
    description: '',
    categoryId: '',
    venueId: '',
    startDate: today,
    endDate: today,
    runningMinutes: 120,
    ageRating: 0,
    cast: '',
    posterUrl: '',
    prices: null as string | null,
    status: 'ON_SALE' as SettableStatus,
  });
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Performance | null>(null);
  const set = (patch: Partial<typeof form>): void => setForm({ ...form, ...patch });
  const venueOf = (id: string): Venue | undefined =>
    venues.data?.find((v) => v.id === id) ?? venues.data?.[0];
  // Until someone types prices, they follow the chosen venue's grades.
  const prices = form.prices ?? pricesFor(venueOf(form.venueId));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    const priceList = prices
      .split(',')
      .map((p) => p.split('=').map((x) => x.trim()))
      .filter(([g, v]) => g && v)
      .map(([grade, price]) => ({ grade: grade!, price: Number(price) }));
    const body: NewPerformance = {
      title: form.title.trim(),
      description: form.description,
      categoryId: form.categoryId || categories.data?.[0]?.id || '',
      venueId: form.venueId || venues.data?.[0]?.id || '',
      startDate: form.startDate,
      endDate: form.endDate,
      runningMinutes: form.runningMinutes,
      ageRating: form.ageRating,
      cast: form.cast
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      prices: priceList,
      status: form.status,
      ...(form.posterUrl ? { posterUrl: form.posterUrl } : {}),
    };
    try {
      const p = await admin.createPerformance(body);
      setCreated(p);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  const changeStatus = async (id: string, status: SettableStatus): Promise<void> => {
    await admin.updatePerformance(id, { status }).catch(setError);
    list.reload();
  };
  const remove = async (id: string): Promise<void> => {
    if (!window.confirm(t('admin.confirmDelete'))) return;
    await admin.deletePerformance(id).catch(setError);
    list.reload();
  };

  return (
    <div className="stack">
      <h1>{t('admin.performances')}</h1>
      <ErrorBox error={list.error} onRetry={list.reload} />
      {list.data?.items.length === 0 && <Empty>{t('search.none')}</Empty>}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.title')}</th>
            <th scope="col">{t('show.period')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.items.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/performances/${p.id}`}>{p.title}</Link>
              </td>
              <td>{p.startDate && `${date(p.startDate)} – ${p.endDate ? date(p.endDate) : ''}`}</td>
              <td>
                <select
                  aria-label={t('admin.status')}
                  value={p.status}
                  onChange={(e) => void changeStatus(p.id, e.target.value as SettableStatus)}
                >
                  {p.status === 'ENDED' && (
                    <option value="ENDED" disabled>
                      ENDED
                    </option>
                  )}
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </td>
              <td className="row">
                <Link to={`/admin/showtimes?performance=${p.id}`}>{t('admin.showtimes')}</Link>
                <button type="button" className="btn danger small" onClick={() => void remove(p.id)}>
                  {t('action.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form onSubmit={(e) => void submit(e)} className="stack card-form" aria-labelledby="np-h">
        <h2 id="np-h">{t('admin.newPerformance')}</h2>
        <label>
          {t('admin.title')}
          <input name="title" required value={form.title} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <label>
          {t('admin.description')}
          <textarea
            name="description"
            rows={3}
            value={form.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </label>
        <div className="row">
          <label>
            {t('search.category')}
            <select
              name="categoryId"
              value={form.categoryId}
              onChange={(e) => set({ categoryId: e.target.value })}
            >
              {categories.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('show.venue')}
            <select
              name="venueId"
              value={form.venueId}
              onChange={(e) => set({ venueId: e.target.value, prices: null })}
            >
              {venues.data?.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('admin.status')}
            <select
              name="status"
              value={form.status}
              onChange={(e) => set({ status: e.target.value as SettableStatus })}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          <label>
            {t('search.from')}
            <input
              type="date"
              name="startDate"
              required
              value={form.startDate}
              onChange={(e) => set({ startDate: e.target.value })}
            />
          </label>
          <label>
            {t('search.to')}
            <input
              type="date"
              name="endDate"
              required
              value={form.endDate}
              onChange={(e) => set({ endDate: e.target.value })}
            />
          </label>
          <label>
            {t('show.running')}
            <input
              type="number"
              name="runningMinutes"
              min={1}
              value={form.runningMinutes}
              onChange={(e) => set({ runningMinutes: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('show.age')}
            <input
              type="number"
              name="ageRating"
              min={0}
              max={19}
              value={form.ageRating}
              onChange={(e) => set({ ageRating: Number(e.target.value) })}
            />
          </label>
        </div>
        <label>
          {t('show.cast')}
          <input
            name="cast"
            value={form.cast}
            onChange={(e) => set({ cast: e.target.value })}
            placeholder="홍길동, 김철수"
          />
        </label>
        <label>
          {t('admin.prices')}
          <input
            name="prices"
            required
            value={prices}
            onChange={(e) => set({ prices: e.target.value })}
            aria-describedby="prices-hint"
          />
        </label>
        <p id="prices-hint" className="muted small">
          {t('admin.pricesHint')}
        </p>
        <div className="row">
          <label>
            {t('admin.posterUrl')}
            <input
              name="posterUrl"
              type="url"
              value={form.posterUrl}
              placeholder="https://"
              pattern="https://.*"
              onChange={(e) => set({ posterUrl: e.target.value })}
            />
          </label>
          {form.posterUrl && (
            <img src={form.posterUrl} alt={t('admin.posterPreview')} className="poster sm" />
          )}
        </div>
        <ErrorBox error={error} />
        {created && (
          <Notice kind="success">
            {t('admin.created', { name: created.title })}{' '}
            <Link to={`/admin/showtimes?performance=${created.id}`}>{t('admin.addShowtime')}</Link>
          </Notice>
        )}
        <button type="submit" className="btn primary">
          {t('action.create')}
        </button>
      </form>
    </div>
  );
}
