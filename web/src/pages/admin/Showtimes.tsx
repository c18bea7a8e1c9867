import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { admin, catalog } from '../../api/endpoints.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, Notice } from '../../components/States.tsx';
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

export default function Showtimes() {
  const { t, dateTime, number } = useI18n();
  useTitle(t('admin.showtimes'));
  const [params, setParams] = useSearchParams();
  const performanceId = params.get('performance') ?? '';
  const showtimes = useAsync(
    () => (performanceId ? catalog.showtimes(performanceId) : Promise.resolve([])),
    [performanceId],
  );
  const inAWeek = new Date(Date.now() + 7 * 86400_000);
  const [form, setForm] = useState({
    startsAt: localInput(inAWeek),
    salesOpenAt: localInput(new Date()),
    salesCloseAt: localInput(new Date(inAWeek.getTime() - 3600_000)),
    maxTicketsPerUser: 4,
    queueEnabled: true,
    admitPerSecond: 50,
    maxActive: 500,
    sessionSeconds: 600,
    opensBeforeMinutes: 30,
  });
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>): void => setForm({ ...form, ...patch });

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      const result = await admin.createShowtime(performanceId, {
        startsAt: new Date(form.startsAt).toISOString(),
        salesOpenAt: new Date(form.salesOpenAt).toISOString(),
        salesCloseAt: new Date(form.salesCloseAt).toISOString(),
        maxTicketsPerUser: form.maxTicketsPerUser,
        queue: {
          enabled: form.queueEnabled,
          admitPerSecond: form.admitPerSecond,
          maxActive: form.maxActive,
          sessionSeconds: form.sessionSeconds,
          opensBeforeMinutes: form.opensBeforeMinutes,
        },
      });
      setCreated(result.id);
      showtimes.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="stack">
      <h1>{t('admin.showtimes')}</h1>
      <PerformancePicker value={performanceId} onChange={(id) => setParams(id ? { performance: id } : {})} />
      {!performanceId && <Empty>{t('admin.pickPerformance')}</Empty>}
      <ErrorBox error={showtimes.error} onRetry={showtimes.reload} />
      {performanceId && showtimes.data?.length === 0 && <Empty>{t('show.noShowtimes')}</Empty>}
      <ul className="showtimes">
        {showtimes.data?.map((s) => (
          <li key={s.id} className="showtime">
            <div>
              <strong>{dateTime(s.startsAt)}</strong>
              <p className="muted">
                {t('admin.salesWindow', { from: dateTime(s.salesOpenAt), to: dateTime(s.salesCloseAt) })} ·{' '}
                {t('show.seatsLeft', { left: number(s.availableSeats), total: number(s.totalSeats) })}
                {s.queueEnabled && ` · ${t('show.queued')}`}
              </p>
            </div>
            <Link to={`/admin?showtime=${s.id}&performance=${performanceId}`}>{t('admin.live')}</Link>
          </li>
        ))}
      </ul>
      {performanceId && (
        <form onSubmit={(e) => void submit(e)} className="stack card-form" aria-labelledby="ns-h">
          <h2 id="ns-h">{t('admin.addShowtime')}</h2>
          <div className="row">
            <label>
              {t('admin.startsAt')}
              <input
                type="datetime-local"
                required
                value={form.startsAt}
                onChange={(e) => set({ startsAt: e.target.value })}
              />
            </label>
            <label>
              {t('admin.salesOpenAt')}
              <input
                type="datetime-local"
                required
                value={form.salesOpenAt}
                onChange={(e) => set({ salesOpenAt: e.target.value })}
              />
            </label>
            <label>
              {t('admin.salesCloseAt')}
              <input
                type="datetime-local"
                required
                value={form.salesCloseAt}
                onChange={(e) => set({ salesCloseAt: e.target.value })}
              />
            </label>
            <label>
              {t('admin.limit')}
              <input
                type="number"
                min={1}
                max={20}
                value={form.maxTicketsPerUser}
                onChange={(e) => set({ maxTicketsPerUser: Number(e.target.value) })}
              />
            </label>
          </div>
          <fieldset>
            <legend>{t('admin.queue')}</legend>
            <label className="check">
              <input
                type="checkbox"
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
                  min={1}
                  value={form.admitPerSecond}
                  onChange={(e) => set({ admitPerSecond: Number(e.target.value) })}
                />
              </label>
              <label>
                {t('admin.maxActive')}
                <input
                  type="number"
                  min={1}
                  value={form.maxActive}
                  onChange={(e) => set({ maxActive: Number(e.target.value) })}
                />
              </label>
              <label>
                {t('admin.sessionSeconds')}
                <input
                  type="number"
                  min={30}
                  value={form.sessionSeconds}
                  onChange={(e) => set({ sessionSeconds: Number(e.target.value) })}
                />
              </label>
              <label>
                {t('admin.opensBeforeMinutes')}
                <input
                  type="number"
                  min={0}
                  max={1440}
                  value={form.opensBeforeMinutes}
                  onChange={(e) => set({ opensBeforeMinutes: Number(e.target.value) })}
                />
              </label>
            </div>
          </fieldset>
          <ErrorBox error={error} />
          {created && <Notice kind="success">{t('admin.created', { name: created })}</Notice>}
          <button type="submit" className="btn primary">
            {t('action.create')}
          </button>
        </form>
      )}
    </div>
  );
}
