import { useState, type FormEvent } from 'react';
import { admin } from '../../api/endpoints.ts';
import type { CreatedVenue } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, Notice } from '../../components/States.tsx';

interface SectionDraft {
  name: string;
  grade: string;
  rows: number;
  seatsPerRow: number;
}

/** The venues of GET /admin/venues (with their grades, for the performance form's prices). */
export function useVenues() {
  return useAsync(() => admin.venues(), []);
}

export default function Venues() {
  const { t, number } = useI18n();
  useTitle(t('admin.venues'));
  const venues = useVenues();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [sections, setSections] = useState<SectionDraft[]>([
    { name: 'A', grade: 'VIP', rows: 2, seatsPerRow: 10 },
    { name: 'B', grade: 'R', rows: 3, seatsPerRow: 12 },
  ]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedVenue | null>(null);

  const setSection = (i: number, patch: Partial<SectionDraft>): void =>
    setSections(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      setCreated(await admin.createVenue({ name, address, sections }));
      venues.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="stack">
      <h1>{t('admin.venues')}</h1>
      {venues.data?.length === 0 && <Empty>{t('admin.noVenues')}</Empty>}
      <ul>
        {venues.data?.map((v) => (
          <li key={v.id}>
            <strong>{v.name}</strong> · {t('admin.seats', { n: number(v.seatCount) })}{' '}
            <code className="small">{v.id}</code>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void submit(e)} className="stack card-form">
        <h2>{t('admin.newVenue')}</h2>
        <label>
          {t('admin.name')}
          <input name="venueName" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('admin.address')}
          <input name="address" required value={address} onChange={(e) => setAddress(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('admin.sections')}</legend>
          {sections.map((s, i) => (
            <div className="row" key={i}>
              <label>
                {t('admin.section')}
                <input value={s.name} required onChange={(e) => setSection(i, { name: e.target.value })} />
              </label>
              <label>
                {t('admin.grade')}
                <input value={s.grade} required onChange={(e) => setSection(i, { grade: e.target.value })} />
              </label>
              <label>
                {t('admin.rows')}
                <input
                  type="number"
                  min={1}
                  max={100}
                  value={s.rows}
                  onChange={(e) => setSection(i, { rows: Number(e.target.value) })}
                />
              </label>
              <label>
                {t('admin.seatsPerRow')}
                <input
                  type="number"
                  min={1}
                  max={200}
                  value={s.seatsPerRow}
                  onChange={(e) => setSection(i, { seatsPerRow: Number(e.target.value) })}
                />
              </label>
              <button
                type="button"
                className="btn secondary"
                onClick={() => setSections(sections.filter((_, j) => j !== i))}
              >
                {t('action.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn secondary"
            onClick={() => setSections([...sections, { name: '', grade: 'S', rows: 1, seatsPerRow: 10 }])}
          >
            {t('admin.addSection')}
          </button>
        </fieldset>
        <ErrorBox error={error} />
        {created && <Notice kind="success">{t('admin.created', { name: created.name })}</Notice>}
        <button type="submit" className="btn primary">
          {t('action.create')}
        </button>
      </form>
    </div>
  );
}
