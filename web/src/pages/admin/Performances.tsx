import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { admin, catalog, type NewPerformance } from '../../api/endpoints.ts';
import type { Performance, PerformanceChange, Venue } from '../../api/types.ts';
import { errorId, fieldErrors, invalidProps, rowErrors } from '../../api/fieldErrors.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Key } from '../../i18n/dict.ts';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, FieldMessage, Notice } from '../../components/States.tsx';
import { localInput } from '../../components/format.ts';
import { useVenues } from './Venues.tsx';
import { inputsOf, rowsOf, TicketTypesEditor, type TicketTypeRow } from './TicketTypesEditor.tsx';
import { PosterField } from './PosterField.tsx';

/** The statuses an admin may set (ENDED is the server's, once the last showtime has passed). */
type SettableStatus = NonNullable<NewPerformance['status']>;
type Status = Performance['status'];

const STATUSES: SettableStatus[] = ['ON_SALE', 'DRAFT', 'CLOSED'];
const DEFAULT_PRICES = 'VIP=150000, R=120000, S=90000';
const USUAL_PRICE: Record<string, number> = { VIP: 150_000, R: 120_000, S: 90_000, A: 60_000 };
const DAY = 86_400_000;

/** 판매중 / 임시저장 / 판매종료 / 공연종료: the console never shows the enum. */
export const statusKey = (s: Status): Key => `perfStatus.${s}` as Key;

/**
 * A price line naming exactly the venue's grades: the API refuses a grade the venue lacks
 * (VALIDATION_FAILED) and a venue grade left unpriced (GRADE_PRICE_MISSING).
 */
function pricesFor(venue: Venue | undefined): string {
  const grades = venue?.grades ?? [];
  if (grades.length === 0) return DEFAULT_PRICES;
  return grades.map((g) => `${g}=${USUAL_PRICE[g] ?? 50_000}`).join(', ');
}

interface Form {
  title: string;
  description: string;
  categoryId: string;
  venueId: string;
  startDate: string;
  endDate: string;
  runningMinutes: number;
  ageRating: number;
  cast: string;
  posterUrl: string;
  /** null: follows the venue's grades until someone types. */
  prices: string | null;
  /** The discounts besides the list price. */
  ticketTypes: TicketTypeRow[];
  status: Status;
}

/** A new run starts in a month and lasts a month: dates that pass the server's checks as they are. */
function blankForm(): Form {
  const day = (offset: number) => localInput(new Date(Date.now() + offset * DAY)).slice(0, 10);
  return {
    title: '',
    description: '',
    categoryId: '',
    venueId: '',
    startDate: day(30),
    endDate: day(60),
    runningMinutes: 120,
    ageRating: 0,
    cast: '',
    posterUrl: '',
    prices: null,
    ticketTypes: [],
    status: 'ON_SALE',
  };
}

function formOf(p: Performance): Form {
  return {
    title: p.title,
    description: p.description,
    categoryId: p.category.id,
    venueId: p.venue.id,
    startDate: p.startDate,
    endDate: p.endDate,
    runningMinutes: p.runningMinutes,
    ageRating: p.ageRating,
    cast: p.cast.join(', '),
    // The generated poster is the server's default, not a URL the admin typed.
    posterUrl: /^https:\/\//.test(p.posterUrl) ? p.posterUrl : '',
    prices: p.prices.map((x) => `${x.grade}=${x.price}`).join(', '),
    ticketTypes: rowsOf(p.ticketTypes),
    status: p.status,
  };
}

function parsePrices(text: string): { grade: string; price: number }[] {
  return text
    .split(',')
    .map((p) => p.split('=').map((x) => x.trim()))
    .filter(([g, v]) => g && v)
    .map(([grade, price]) => ({ grade: grade!.toUpperCase(), price: Number(price) }));
}

export default function Performances() {
  const { t, date, lang } = useI18n();
  useTitle(t('admin.performances'));
  const categories = useAsync(() => catalog.categories(), []);
  const venues = useVenues();
  const list = useAsync(() => catalog.search({ sort: 'latest', size: 50 }), []);
  const [form, setForm] = useState<Form>(blankForm);
  /** The performance being edited and the form as it was loaded (only changed fields are sent). */
  const [editing, setEditing] = useState<{
    id: string;
    title: string;
    original: Form;
    /** The poster it shows (generated, linked or uploaded), for the poster field. */
    posterUrl: string;
  } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [done, setDone] = useState<{ performance: Performance; created: boolean } | null>(null);
  const [nothing, setNothing] = useState(false);
  const set = (patch: Partial<Form>): void => setForm({ ...form, ...patch });
  const venueOf = (id: string): Venue | undefined => venues.data?.find((v) => v.id === id);
  // Selects show the first genre and venue until one is chosen; the body sends what is shown.
  const categoryId = form.categoryId || categories.data?.[0]?.id || '';
  const venueId = form.venueId || venues.data?.[0]?.id || '';
  const prices = form.prices ?? pricesFor(venueOf(venueId));
  const errors = fieldErrors(error, lang);
  const shown = Object.keys(errors);
  const typeErrors = rowErrors(error, 'ticketTypes', lang);

  const bodyOf = (f: Form): NewPerformance => ({
    title: f.title.trim(),
    description: f.description,
    categoryId,
    venueId,
    startDate: f.startDate,
    endDate: f.endDate,
    runningMinutes: f.runningMinutes,
    ageRating: f.ageRating,
    cast: f.cast
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    prices: parsePrices(prices),
    ticketTypes: inputsOf(f.ticketTypes),
    ...(f.status !== 'ENDED' ? { status: f.status } : {}),
    ...(f.posterUrl ? { posterUrl: f.posterUrl } : {}),
  });

  /** The fields that differ from the loaded performance (a PATCH carries only those). */
  const changesOf = (original: Form): PerformanceChange => {
    const before = bodyOf({ ...original });
    const after = bodyOf(form);
    const change: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(after)) {
      if (JSON.stringify(v) !== JSON.stringify(before[k as keyof NewPerformance])) change[k] = v;
    }
    if (original.posterUrl && !form.posterUrl) change.posterUrl = null;
    // Before/after of the generated fields use the current selects; compare with the loaded ones.
    if (original.categoryId !== categoryId) change.categoryId = categoryId;
    else delete change.categoryId;
    if (original.venueId !== venueId) change.venueId = venueId;
    else delete change.venueId;
    if (original.prices !== prices) change.prices = parsePrices(prices);
    else delete change.prices;
    return change as PerformanceChange;
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setDone(null);
    setNothing(false);
    try {
      if (editing) {
        const change = changesOf(editing.original);
        if (Object.keys(change).length === 0) {
          setNothing(true);
          return;
        }
        const p = await admin.updatePerformance(editing.id, change);
        setDone({ performance: p, created: false });
        setEditing({ id: p.id, title: p.title, original: formOf(p), posterUrl: p.posterUrl });
        setForm(formOf(p));
      } else {
        const p = await admin.createPerformance(bodyOf(form));
        setDone({ performance: p, created: true });
        setForm(blankForm());
      }
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  const edit = async (id: string): Promise<void> => {
    setError(null);
    setDone(null);
    setNothing(false);
    try {
      const p = await catalog.performance(id);
      setEditing({ id, title: p.title, original: formOf(p), posterUrl: p.posterUrl });
      setForm(formOf(p));
      document.getElementById('np-h')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (err) {
      setListError(err);
    }
  };
  const cancelEdit = (): void => {
    setEditing(null);
    setForm(blankForm());
    setError(null);
    setNothing(false);
  };

  const changeStatus = async (id: string, status: SettableStatus): Promise<void> => {
    setListError(null);
    await admin.updatePerformance(id, { status }).catch(setListError);
    list.reload();
  };
  const remove = async (id: string): Promise<void> => {
    if (!window.confirm(t('admin.confirmDelete'))) return;
    setListError(null);
    await admin.deletePerformance(id).catch(setListError);
    if (editing?.id === id) cancelEdit();
    list.reload();
  };

  const field = (key: keyof Form) => ({ name: key, ...invalidProps(errors, key) });

  return (
    <div className="stack">
      <h1>{t('admin.performances')}</h1>
      <ErrorBox error={list.error} onRetry={list.reload} />
      <ErrorBox error={listError} inline />
      {list.data?.items.length === 0 && <Empty>{t('search.none')}</Empty>}
      <table className="admin-table stacked">
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
            <tr key={p.id} aria-current={editing?.id === p.id ? 'true' : undefined}>
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
                      {t(statusKey('ENDED'))}
                    </option>
                  )}
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(statusKey(s))}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <div className="row actions">
                  <button
                    type="button"
                    className="btn secondary small"
                    onClick={() => void edit(p.id)}
                    aria-label={`${p.title} ${t('admin.edit')}`}
                  >
                    {t('admin.edit')}
                  </button>
                  <Link to={`/admin/showtimes?performance=${p.id}`}>{t('admin.showtimes')}</Link>
                  <button
                    type="button"
                    className="btn danger small"
                    onClick={() => void remove(p.id)}
                    aria-label={`${p.title} ${t('action.delete')}`}
                  >
                    {t('action.delete')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <form onSubmit={(e) => void submit(e)} className="stack card-form" aria-labelledby="np-h" noValidate>
        <h2 id="np-h">{editing ? t('admin.editing', { name: editing.title }) : t('admin.newPerformance')}</h2>
        <label>
          {t('admin.title')}
          <input {...field('title')} value={form.title} onChange={(e) => set({ title: e.target.value })} />
          <FieldMessage id={errorId('title')} message={errors.title} />
        </label>
        <label>
          {t('admin.description')}
          <textarea
            {...field('description')}
            rows={3}
            value={form.description}
            onChange={(e) => set({ description: e.target.value })}
          />
          <FieldMessage id={errorId('description')} message={errors.description} />
        </label>
        <div className="row">
          <label>
            {t('search.category')}
            <select
              {...field('categoryId')}
              value={categoryId}
              onChange={(e) => set({ categoryId: e.target.value })}
            >
              {categories.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldMessage id={errorId('categoryId')} message={errors.categoryId} />
          </label>
          <label>
            {t('show.venue')}
            <select
              {...field('venueId')}
              value={venueId}
              onChange={(e) => set({ venueId: e.target.value, prices: editing ? form.prices : null })}
            >
              {venues.data?.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
            <FieldMessage id={errorId('venueId')} message={errors.venueId} />
          </label>
          <label>
            {t('admin.status')}
            <select
              {...field('status')}
              value={form.status}
              onChange={(e) => set({ status: e.target.value as Status })}
            >
              {form.status === 'ENDED' && (
                <option value="ENDED" disabled>
                  {t(statusKey('ENDED'))}
                </option>
              )}
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(statusKey(s))}
                </option>
              ))}
            </select>
            <FieldMessage id={errorId('status')} message={errors.status} />
          </label>
        </div>
        <div className="row">
          <label>
            {t('search.from')}
            <input
              type="date"
              {...field('startDate')}
              value={form.startDate}
              onChange={(e) => set({ startDate: e.target.value })}
            />
            <FieldMessage id={errorId('startDate')} message={errors.startDate} />
          </label>
          <label>
            {t('search.to')}
            <input
              type="date"
              {...field('endDate')}
              value={form.endDate}
              onChange={(e) => set({ endDate: e.target.value })}
            />
            <FieldMessage id={errorId('endDate')} message={errors.endDate} />
          </label>
          <label>
            {t('show.running')}
            <input
              type="number"
              {...field('runningMinutes')}
              min={1}
              max={1440}
              value={form.runningMinutes}
              onChange={(e) => set({ runningMinutes: Number(e.target.value) })}
            />
            <FieldMessage id={errorId('runningMinutes')} message={errors.runningMinutes} />
          </label>
          <label>
            {t('show.age')}
            <input
              type="number"
              {...field('ageRating')}
              min={0}
              max={19}
              value={form.ageRating}
              onChange={(e) => set({ ageRating: Number(e.target.value) })}
            />
            <FieldMessage id={errorId('ageRating')} message={errors.ageRating} />
          </label>
        </div>
        <label>
          {t('show.cast')}
          <input
            {...field('cast')}
            value={form.cast}
            onChange={(e) => set({ cast: e.target.value })}
            placeholder="홍길동, 김철수"
          />
          <FieldMessage id={errorId('cast')} message={errors.cast} />
        </label>
        <label>
          {t('admin.prices')}
          <input
            name="prices"
            {...invalidProps(errors, 'prices', 'prices-hint')}
            value={prices}
            onChange={(e) => set({ prices: e.target.value })}
          />
          <FieldMessage id={errorId('prices')} message={errors.prices} />
        </label>
        <p id="prices-hint" className="muted small">
          {t('admin.pricesHint')}
        </p>
        <TicketTypesEditor
          rows={form.ticketTypes}
          onChange={(ticketTypes) => set({ ticketTypes })}
          grades={parsePrices(prices).filter((g) => Number.isInteger(g.price) && g.price > 0)}
          errors={typeErrors}
          listError={Object.keys(typeErrors).length === 0 ? errors.ticketTypes : undefined}
        />
        <div className="row">
          <label>
            {t('admin.posterUrl')}
            <input
              {...field('posterUrl')}
              type="url"
              value={form.posterUrl}
              placeholder="https://"
              onChange={(e) => set({ posterUrl: e.target.value })}
            />
            <FieldMessage id={errorId('posterUrl')} message={errors.posterUrl} />
          </label>
          {form.posterUrl && (
            <img src={form.posterUrl} alt={t('admin.posterPreview')} className="poster sm" />
          )}
        </div>
        {editing && <PosterField key={editing.id} performanceId={editing.id} posterUrl={editing.posterUrl} />}
        <ErrorBox error={error} shownFields={shown} inline />
        {nothing && <Notice>{t('admin.noChanges')}</Notice>}
        {done && (
          <Notice kind="success">
            {t(done.created ? 'admin.created' : 'admin.saved', { name: done.performance.title })}{' '}
            <Link to={`/performances/${done.performance.id}`}>{done.performance.title}</Link>
            {' · '}
            <Link to={`/admin/showtimes?performance=${done.performance.id}`}>{t('admin.addShowtime')}</Link>
          </Notice>
        )}
        <div className="row">
          <button type="submit" className="btn primary">
            {editing ? t('admin.save') : t('action.create')}
          </button>
          {editing && (
            <button type="button" className="btn secondary" onClick={cancelEdit}>
              {t('admin.cancelEdit')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
