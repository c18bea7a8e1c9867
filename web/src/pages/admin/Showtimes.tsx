import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { admin, catalog, type NewShowtime } from '../../api/endpoints.ts';
import type { AdminShowtime, ShowtimeChange } from '../../api/types.ts';
import { errorId, fieldErrors, invalidProps } from '../../api/fieldErrors.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, FieldMessage, Notice } from '../../components/States.tsx';
import { localInput } from '../../components/format.ts';

export function PerformancePicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const list = useAsync(() => catalog.search({ sort: 'latest', size: 100 }), []);
  return (
    <label>
      {t('admin.performance')}
      <select name="performance" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {list.data?.items.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Form {
  startsAt: string;
  salesOpenAt: string;
  salesCloseAt: string;
  maxTicketsPerUser: number;
  /** Names separated by commas, as typed. */
  cast: string;
  queueEnabled: boolean;
  admitPerSecond: number;
  maxActive: number;
  sessionSeconds: number;
  opensBeforeMinutes: number;
  proofOfWork: boolean;
  /** Empty: the server's default difficulty. */
  powDifficulty: string;
}

const HOUR = 3_600_000;

/**
 * A new showtime that passes the server's checks as it is: 19:30 on the first day of the run that is
 * still ahead (tomorrow at the earliest, the last day at the latest), sales from the next full hour
 * until an hour before the start.
 */
function blankForm(run: { startDate: string; endDate: string } | undefined): Form {
  const tomorrow = localInput(new Date(Date.now() + 24 * HOUR)).slice(0, 10);
  let day = run && run.startDate > tomorrow ? run.startDate : tomorrow;
  if (run && day > run.endDate) day = run.endDate;
  const startsAt = new Date(`${day}T19:30`);
  const open = new Date(Math.ceil((Date.now() + 1) / HOUR) * HOUR);
  return {
    startsAt: localInput(startsAt),
    salesOpenAt: localInput(open < startsAt ? open : new Date()),
    salesCloseAt: localInput(new Date(startsAt.getTime() - HOUR)),
    maxTicketsPerUser: 4,
    cast: '',
    queueEnabled: true,
    admitPerSecond: 50,
    maxActive: 500,
    sessionSeconds: 600,
    opensBeforeMinutes: 30,
    // New showtimes ask for the entry check; the API's default stays off for older clients.
    proofOfWork: true,
    powDifficulty: '',
  };
}

function formOf(s: AdminShowtime): Form {
  return {
    startsAt: localInput(new Date(s.startsAt)),
    salesOpenAt: localInput(new Date(s.salesOpenAt)),
    salesCloseAt: localInput(new Date(s.salesCloseAt)),
    maxTicketsPerUser: s.maxTicketsPerUser,
    cast: s.cast.join(', '),
    queueEnabled: s.queue.enabled,
    admitPerSecond: s.queue.admitPerSecond,
    maxActive: s.queue.maxActive,
    sessionSeconds: s.queue.sessionSeconds,
    opensBeforeMinutes: s.queue.opensBeforeMinutes ?? 30,
    proofOfWork: s.queue.proofOfWork,
    powDifficulty: s.queue.powDifficulty === null ? '' : String(s.queue.powDifficulty),
  };
}

const iso = (local: string): string => new Date(local).toISOString();

function bodyOf(f: Form): NewShowtime {
  return {
    startsAt: iso(f.startsAt),
    salesOpenAt: iso(f.salesOpenAt),
    salesCloseAt: iso(f.salesCloseAt),
    maxTicketsPerUser: f.maxTicketsPerUser,
    cast: f.cast
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    queue: {
      enabled: f.queueEnabled,
      admitPerSecond: f.admitPerSecond,
      maxActive: f.maxActive,
      sessionSeconds: f.sessionSeconds,
      opensBeforeMinutes: f.opensBeforeMinutes,
      proofOfWork: f.proofOfWork,
      powDifficulty: f.powDifficulty.trim() === '' ? null : Number(f.powDifficulty),
    },
  };
}

/** Only what differs from the loaded showtime: an unchanged start is never a "move". */
function changesOf(original: Form, f: Form): ShowtimeChange {
  const before = bodyOf(original);
  const after = bodyOf(f);
  const change: ShowtimeChange = {};
  if (original.startsAt !== f.startsAt) change.startsAt = after.startsAt;
  if (original.salesOpenAt !== f.salesOpenAt) change.salesOpenAt = after.salesOpenAt;
  if (original.salesCloseAt !== f.salesCloseAt) change.salesCloseAt = after.salesCloseAt;
  if (before.maxTicketsPerUser !== after.maxTicketsPerUser)
    change.maxTicketsPerUser = after.maxTicketsPerUser;
  if (JSON.stringify(before.cast) !== JSON.stringify(after.cast)) change.cast = after.cast;
  if (JSON.stringify(before.queue) !== JSON.stringify(after.queue)) change.queue = after.queue;
  return change;
}

export default function Showtimes() {
  const { t, dateTime, date, number, lang } = useI18n();
  useTitle(t('admin.showtimes'));
  const [params, setParams] = useSearchParams();
  const performanceId = params.get('performance') ?? '';
  const showtimes = useAsync(
    () => (performanceId ? catalog.showtimes(performanceId) : Promise.resolve([])),
    [performanceId],
  );
  const performance = useAsync(
    () => (performanceId ? catalog.performance(performanceId) : Promise.resolve(undefined)),
    [performanceId],
  );
  const run = performance.data;
  const [draft, setForm] = useState<Form | null>(null);
  const form = draft ?? blankForm(run);
  const [editing, setEditing] = useState<{ showtime: AdminShowtime; original: Form } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [nothing, setNothing] = useState(false);
  const set = (patch: Partial<Form>): void => setForm({ ...form, ...patch });
  const errors = fieldErrors(error, lang);
  const shown = Object.keys(errors);
  const startFixed = (editing?.showtime.soldSeats ?? 0) > 0;
  const openFixed = editing ? Date.parse(editing.showtime.salesOpenAt) <= Date.now() : false;

  const reset = (): void => {
    setEditing(null);
    setForm(null);
    setError(null);
    setNothing(false);
  };

  const pick = (id: string): void => {
    reset();
    setDone(null);
    setParams(id ? { performance: id } : {});
  };

  const edit = async (id: string): Promise<void> => {
    setError(null);
    setDone(null);
    setNothing(false);
    setListError(null);
    try {
      const s = await admin.showtime(id);
      setEditing({ showtime: s, original: formOf(s) });
      setForm(formOf(s));
      document.getElementById('ns-h')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (err) {
      setListError(err);
    }
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    setDone(null);
    setNothing(false);
    try {
      if (editing) {
        const change = changesOf(editing.original, form);
        if (Object.keys(change).length === 0) {
          setNothing(true);
          return;
        }
        const s = await admin.updateShowtime(editing.showtime.id, change);
        setEditing({ showtime: s, original: formOf(s) });
        setForm(formOf(s));
        setDone(t('admin.showtimeSaved', { when: dateTime(s.startsAt) }));
      } else {
        const body = bodyOf(form);
        await admin.createShowtime(performanceId, body);
        setDone(t('admin.showtimeCreated', { when: dateTime(body.startsAt) }));
        setForm(null);
      }
      showtimes.reload();
    } catch (err) {
      setError(err);
    }
  };

  const field = (key: string) => invalidProps(errors, key);

  return (
    <div className="stack">
      <h1>{t('admin.showtimes')}</h1>
      <PerformancePicker value={performanceId} onChange={pick} />
      {!performanceId && <Empty>{t('admin.pickPerformance')}</Empty>}
      {run && (
        <p className="muted">{t('admin.runHint', { from: date(run.startDate), to: date(run.endDate) })}</p>
      )}
      <ErrorBox error={performance.error ?? showtimes.error} onRetry={showtimes.reload} />
      <ErrorBox error={listError} inline />
      {performanceId && showtimes.data?.length === 0 && <Empty>{t('show.noShowtimes')}</Empty>}
      <ul className="showtimes">
        {showtimes.data?.map((s) => (
          <li
            key={s.id}
            className="showtime admin-showtime"
            aria-current={editing?.showtime.id === s.id ? 'true' : undefined}
          >
            <div>
              <strong>{dateTime(s.startsAt)}</strong>
              <p className="muted">
                {t('admin.salesWindow', { from: dateTime(s.salesOpenAt), to: dateTime(s.salesCloseAt) })} ·{' '}
                {t('show.seatsLeft', { left: number(s.availableSeats), total: number(s.totalSeats) })} ·{' '}
                {t('admin.limit')} {number(s.maxTicketsPerUser)}
                {s.queueEnabled && ` · ${t('show.queued')}`}
              </p>
            </div>
            <div className="row actions">
              <button
                type="button"
                className="btn secondary small"
                onClick={() => void edit(s.id)}
                aria-label={`${dateTime(s.startsAt)} ${t('admin.edit')}`}
              >
                {t('admin.edit')}
              </button>
              <Link to={`/admin?showtime=${s.id}&performance=${performanceId}`}>{t('admin.live')}</Link>
            </div>
          </li>
        ))}
      </ul>
      {performanceId && !performance.error && (
        <form onSubmit={(e) => void submit(e)} className="stack card-form" aria-labelledby="ns-h" noValidate>
          <h2 id="ns-h">
            {editing
              ? t('admin.editShowtime', { when: dateTime(editing.showtime.startsAt) })
              : t('admin.addShowtime')}
          </h2>
          {editing && startFixed && (
            <Notice>
              {t('admin.soldSeats', { n: number(editing.showtime.soldSeats) })} · {t('admin.startFixed')}
            </Notice>
          )}
          {editing && openFixed && <Notice>{t('admin.openFixed')}</Notice>}
          <div className="row">
            <label>
              {t('admin.startsAt')}
              <input
                type="datetime-local"
                name="startsAt"
                {...field('startsAt')}
                disabled={startFixed}
                value={form.startsAt}
                onChange={(e) => set({ startsAt: e.target.value })}
              />
              <FieldMessage id={errorId('startsAt')} message={errors.startsAt} />
            </label>
            <label>
              {t('admin.salesOpenAt')}
              <input
                type="datetime-local"
                name="salesOpenAt"
                {...field('salesOpenAt')}
                disabled={openFixed}
                value={form.salesOpenAt}
                onChange={(e) => set({ salesOpenAt: e.target.value })}
              />
              <FieldMessage id={errorId('salesOpenAt')} message={errors.salesOpenAt} />
            </label>
            <label>
              {t('admin.salesCloseAt')}
              <input
                type="datetime-local"
                name="salesCloseAt"
                {...field('salesCloseAt')}
                value={form.salesCloseAt}
                onChange={(e) => set({ salesCloseAt: e.target.value })}
              />
              <FieldMessage id={errorId('salesCloseAt')} message={errors.salesCloseAt} />
            </label>
            <label>
              {t('admin.limit')}
              <input
                type="number"
                name="maxTicketsPerUser"
                {...field('maxTicketsPerUser')}
                min={1}
                max={20}
                value={form.maxTicketsPerUser}
                onChange={(e) => set({ maxTicketsPerUser: Number(e.target.value) })}
              />
              <FieldMessage id={errorId('maxTicketsPerUser')} message={errors.maxTicketsPerUser} />
            </label>
            <label>
              {t('admin.showtimeCast')}
              <input
                name="cast"
                {...field('cast')}
                placeholder={t('admin.showtimeCastHint')}
                value={form.cast}
                onChange={(e) => set({ cast: e.target.value })}
              />
              <FieldMessage id={errorId('cast')} message={errors.cast} />
            </label>
          </div>
          <fieldset>
            <legend>{t('admin.queue')}</legend>
            <label className="check">
              <input
                type="checkbox"
                name="queueEnabled"
                checked={form.queueEnabled}
                onChange={(e) => set({ queueEnabled: e.target.checked })}
              />
              {t('admin.queueEnabled')}
            </label>
            <div className="row">
              <label>
                {t('admin.admitPerSecond')}
                <input
                  type="number"
                  name="admitPerSecond"
                  {...field('queue.admitPerSecond')}
                  min={1}
                  value={form.admitPerSecond}
                  onChange={(e) => set({ admitPerSecond: Number(e.target.value) })}
                />
                <FieldMessage id={errorId('queue.admitPerSecond')} message={errors['queue.admitPerSecond']} />
              </label>
              <label>
                {t('admin.maxActive')}
                <input
                  type="number"
                  name="maxActive"
                  {...field('queue.maxActive')}
                  min={1}
                  value={form.maxActive}
                  onChange={(e) => set({ maxActive: Number(e.target.value) })}
                />
                <FieldMessage id={errorId('queue.maxActive')} message={errors['queue.maxActive']} />
              </label>
              <label>
                {t('admin.sessionSeconds')}
                <input
                  type="number"
                  name="sessionSeconds"
                  {...field('queue.sessionSeconds')}
                  min={30}
                  value={form.sessionSeconds}
                  onChange={(e) => set({ sessionSeconds: Number(e.target.value) })}
                />
                <FieldMessage id={errorId('queue.sessionSeconds')} message={errors['queue.sessionSeconds']} />
              </label>
              <label>
                {t('admin.opensBeforeMinutes')}
                <input
                  type="number"
                  name="opensBeforeMinutes"
                  {...field('queue.opensBeforeMinutes')}
                  min={0}
                  max={1440}
                  value={form.opensBeforeMinutes}
                  onChange={(e) => set({ opensBeforeMinutes: Number(e.target.value) })}
                />
                <FieldMessage
                  id={errorId('queue.opensBeforeMinutes')}
                  message={errors['queue.opensBeforeMinutes']}
                />
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  name="proofOfWork"
                  checked={form.proofOfWork}
                  onChange={(e) => set({ proofOfWork: e.target.checked })}
                />
                {t('admin.proofOfWork')}
              </label>
              <label>
                {t('admin.powDifficulty')}
                <input
                  type="number"
                  name="powDifficulty"
                  {...field('queue.powDifficulty')}
                  min={1000}
                  max={10000000}
                  step={1000}
                  value={form.powDifficulty}
                  disabled={!form.proofOfWork}
                  onChange={(e) => set({ powDifficulty: e.target.value })}
                />
                <FieldMessage id={errorId('queue.powDifficulty')} message={errors['queue.powDifficulty']} />
              </label>
            </div>
          </fieldset>
          <ErrorBox error={error} shownFields={shown} inline />
          {nothing && <Notice>{t('admin.noChanges')}</Notice>}
          {done && <Notice kind="success">{done}</Notice>}
          <div className="row">
            <button type="submit" className="btn primary">
              {editing ? t('admin.save') : t('action.create')}
            </button>
            {editing && (
              <button type="button" className="btn secondary" onClick={reset}>
                {t('admin.cancelEdit')}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
