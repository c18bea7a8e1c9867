import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { admin } from '../../api/endpoints.ts';
import type { CreatedVenue, Venue } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync, useTitle } from '../../lib/hooks.ts';
import { Empty, ErrorBox, FieldMessage, Loading, Notice } from '../../components/States.tsx';
import { errorId, fieldErrors, invalidProps, rowErrors } from '../../api/fieldErrors.ts';
import './venues.css';

const VenueMap = lazy(() => import('../detail/VenueMap.tsx'));

interface SectionDraft {
  name: string;
  grade: string;
  rows: number;
  seatsPerRow: number;
}

/** The editable fields of a venue as the form holds them (coordinates as typed). */
interface VenueDraft {
  name: string;
  address: string;
  phone: string;
  parking: string;
  directions: string;
  latitude: string;
  longitude: string;
}

const emptyDraft: VenueDraft = {
  name: '',
  address: '',
  phone: '',
  parking: '',
  directions: '',
  latitude: '',
  longitude: '',
};

function draftOf(v: Venue): VenueDraft {
  return {
    name: v.name,
    address: v.address,
    phone: v.phone ?? '',
    parking: v.parking ?? '',
    directions: v.directions ?? '',
    latitude: v.latitude === null ? '' : String(v.latitude),
    longitude: v.longitude === null ? '' : String(v.longitude),
  };
}

type CoordError = 'admin.latitudeRange' | 'admin.longitudeRange' | 'admin.coordsPair';

/** The coordinates of a draft, or which field is wrong (checked here so the message names it in Korean). */
function coordinates(
  d: VenueDraft,
):
  | { ok: true; latitude: number | null; longitude: number | null }
  | { ok: false; field: 'latitude' | 'longitude'; error: CoordError } {
  const lat = d.latitude.trim();
  const lng = d.longitude.trim();
  if (lat === '' && lng === '') return { ok: true, latitude: null, longitude: null };
  if (lat === '' || lng === '')
    return { ok: false, field: lat === '' ? 'latitude' : 'longitude', error: 'admin.coordsPair' };
  const latitude = Number(lat);
  const longitude = Number(lng);
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
    return { ok: false, field: 'latitude', error: 'admin.latitudeRange' };
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
    return { ok: false, field: 'longitude', error: 'admin.longitudeRange' };
  return { ok: true, latitude, longitude };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The venues of GET /admin/venues (with their grades, for the performance form's prices). */
export function useVenues() {
  return useAsync(() => admin.venues(), []);
}

/**
 * Name, address, contact and location. The location is picked on the map (Leaflet, loaded with the
 * form) or typed; no geocoding service is reachable, so an address is not turned into a point.
 */
function VenueFields({
  draft,
  onChange,
  errors,
}: {
  draft: VenueDraft;
  onChange: (patch: Partial<VenueDraft>) => void;
  /** Form key → message: the server's (in words) and the coordinate check's, each under its field. */
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  const [mapDown, setMapDown] = useState(false);
  const parsed = coordinates(draft);
  const message = (key: keyof VenueDraft) => <FieldMessage id={errorId(key)} message={errors[key]} />;
  return (
    <>
      <label>
        {t('admin.name')}
        <input
          name="venueName"
          required
          {...invalidProps(errors, 'name')}
          value={draft.name}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        {message('name')}
      </label>
      <label>
        {t('admin.address')}
        <input
          name="address"
          required
          {...invalidProps(errors, 'address')}
          value={draft.address}
          onChange={(e) => onChange({ address: e.target.value })}
        />
        {message('address')}
      </label>
      <label>
        {t('admin.phone')}
        <input
          name="phone"
          type="tel"
          inputMode="tel"
          placeholder="02-1234-5678"
          {...invalidProps(errors, 'phone')}
          value={draft.phone}
          onChange={(e) => onChange({ phone: e.target.value })}
        />
        {message('phone')}
      </label>
      <label>
        {t('admin.parking')}
        <textarea
          name="parking"
          rows={2}
          {...invalidProps(errors, 'parking')}
          value={draft.parking}
          onChange={(e) => onChange({ parking: e.target.value })}
        />
        {message('parking')}
      </label>
      <label>
        {t('admin.directions')}
        <textarea
          name="directions"
          rows={2}
          {...invalidProps(errors, 'directions')}
          value={draft.directions}
          onChange={(e) => onChange({ directions: e.target.value })}
        />
        {message('directions')}
      </label>
      <fieldset className="location-field">
        <legend>{t('admin.location')}</legend>
        <p className="small muted">{t('admin.locationHint')}</p>
        <div className="row">
          <label>
            {t('admin.latitude')}
            <input
              name="latitude"
              inputMode="decimal"
              placeholder="37.5665"
              value={draft.latitude}
              {...invalidProps(errors, 'latitude')}
              onChange={(e) => onChange({ latitude: e.target.value })}
            />
            {message('latitude')}
          </label>
          <label>
            {t('admin.longitude')}
            <input
              name="longitude"
              inputMode="decimal"
              placeholder="126.9780"
              value={draft.longitude}
              {...invalidProps(errors, 'longitude')}
              onChange={(e) => onChange({ longitude: e.target.value })}
            />
            {message('longitude')}
          </label>
          <button
            type="button"
            className="btn secondary small"
            onClick={() => onChange({ latitude: '', longitude: '' })}
          >
            {t('admin.clearLocation')}
          </button>
        </div>
        {mapDown && <Notice kind="warn">{t('admin.mapUnavailable')}</Notice>}
        <Suspense fallback={<Loading />}>
          <VenueMap
            latitude={parsed.ok ? parsed.latitude : null}
            longitude={parsed.ok ? parsed.longitude : null}
            label={t('admin.location')}
            onPick={(latitude, longitude) =>
              onChange({ latitude: String(latitude), longitude: String(longitude) })
            }
            onUnavailable={() => setMapDown(true)}
          />
        </Suspense>
      </fieldset>
    </>
  );
}

type CoordProblem = { field: 'latitude' | 'longitude'; error: CoordError };

/** The server's field errors and the coordinate check's, by form key (the coordinate's first). */
function useVenueErrors(error: unknown, coordError: CoordProblem | null): Record<string, string> {
  const { t, lang } = useI18n();
  const errors = fieldErrors(error, lang);
  return coordError ? { ...errors, [coordError.field]: t(coordError.error) } : errors;
}

function EditVenue({ venue, onDone }: { venue: Venue; onDone: (saved: Venue | null) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<VenueDraft>(() => draftOf(venue));
  const [coordError, setCoordError] = useState<CoordProblem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const errors = useVenueErrors(error, coordError);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    const c = coordinates(draft);
    if (!c.ok) {
      setCoordError({ field: c.field, error: c.error });
      return;
    }
    setCoordError(null);
    setBusy(true);
    try {
      const saved = await admin.updateVenue(venue.id, {
        name: draft.name,
        address: draft.address,
        phone: orNull(draft.phone),
        parking: orNull(draft.parking),
        directions: orNull(draft.directions),
        latitude: c.latitude,
        longitude: c.longitude,
      });
      onDone(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="stack card-form"
      aria-labelledby="edit-venue-h"
      noValidate
    >
      <h2 id="edit-venue-h" ref={heading} tabIndex={-1}>
        {t('admin.editVenue', { name: venue.name })}
      </h2>
      <VenueFields
        draft={draft}
        onChange={(patch) => {
          setDraft({ ...draft, ...patch });
          if ('latitude' in patch || 'longitude' in patch) setCoordError(null);
        }}
        errors={errors}
      />
      <p className="small muted">{t('admin.sectionsFixed')}</p>
      <ErrorBox error={error} shownFields={Object.keys(errors)} inline />
      <div className="row">
        <button type="submit" className="btn primary" disabled={busy}>
          {t('admin.save')}
        </button>
        <button type="button" className="btn secondary" onClick={() => onDone(null)}>
          {t('admin.cancelEdit')}
        </button>
      </div>
    </form>
  );
}

export default function Venues() {
  const { t, number, lang } = useI18n();
  useTitle(t('admin.venues'));
  const venues = useVenues();
  const [draft, setDraft] = useState<VenueDraft>(emptyDraft);
  const [coordError, setCoordError] = useState<CoordProblem | null>(null);
  const [sections, setSections] = useState<SectionDraft[]>([
    { name: 'A', grade: 'VIP', rows: 2, seatsPerRow: 10 },
    { name: 'B', grade: 'R', rows: 3, seatsPerRow: 12 },
  ]);
  const [error, setError] = useState<unknown>(null);
  const errors = useVenueErrors(error, coordError);
  const sectionErrors = rowErrors(error, 'sections', lang);
  const [created, setCreated] = useState<CreatedVenue | null>(null);
  const [editing, setEditing] = useState<Venue | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const setSection = (i: number, patch: Partial<SectionDraft>): void =>
    setSections(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    const c = coordinates(draft);
    if (!c.ok) {
      setCoordError({ field: c.field, error: c.error });
      return;
    }
    setCoordError(null);
    try {
      setCreated(
        await admin.createVenue({
          name: draft.name,
          address: draft.address,
          sections,
          phone: orNull(draft.phone),
          parking: orNull(draft.parking),
          directions: orNull(draft.directions),
          latitude: c.latitude,
          longitude: c.longitude,
        }),
      );
      setDraft(emptyDraft);
      venues.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="stack">
      <h1>{t('admin.venues')}</h1>
      {saved && <Notice kind="success">{t('admin.saved', { name: saved })}</Notice>}
      {venues.data?.length === 0 && <Empty>{t('admin.noVenues')}</Empty>}
      <ul className="venue-list">
        {venues.data?.map((v) => (
          <li key={v.id} data-testid="admin-venue" data-venue-id={v.id}>
            <div>
              <strong>{v.name}</strong> · {t('admin.seats', { n: number(v.seatCount) })}
              <br />
              <span className="small muted">
                {v.address} ·{' '}
                {v.latitude !== null && v.longitude !== null
                  ? `${v.latitude}, ${v.longitude}`
                  : t('admin.noLocation')}
              </span>
            </div>
            <button
              type="button"
              className="btn secondary small"
              aria-label={t('admin.editVenue', { name: v.name })}
              onClick={() => {
                setSaved(null);
                setEditing(v);
              }}
            >
              {t('admin.edit')}
            </button>
          </li>
        ))}
      </ul>
      {editing && (
        <EditVenue
          key={editing.id}
          venue={editing}
          onDone={(result) => {
            setEditing(null);
            if (result) {
              setSaved(result.name);
              venues.reload();
            }
          }}
        />
      )}
      {!editing && (
        <form onSubmit={(e) => void submit(e)} className="stack card-form" noValidate>
          <h2>{t('admin.newVenue')}</h2>
          <VenueFields
            draft={draft}
            onChange={(patch) => {
              setDraft({ ...draft, ...patch });
              if ('latitude' in patch || 'longitude' in patch) setCoordError(null);
            }}
            errors={errors}
          />
          <fieldset>
            <legend>{t('admin.sections')}</legend>
            {Object.keys(sectionErrors).length === 0 && (
              <FieldMessage id={errorId('sections')} message={errors.sections} />
            )}
            {sections.map((s, i) => {
              // Each section's messages sit under its own inputs (`body.sections.1.rows` → row 2, 열 수).
              const key = (p: keyof SectionDraft) => `sections.${i}.${p}`;
              const cell = (p: keyof SectionDraft) => ({
                ...invalidProps(sectionErrors, key(p)),
                name: key(p),
              });
              const note = (p: keyof SectionDraft) => (
                <FieldMessage id={errorId(key(p))} message={sectionErrors[key(p)]} />
              );
              return (
                <div className="row" key={i}>
                  <label>
                    {t('admin.section')}
                    <input
                      {...cell('name')}
                      value={s.name}
                      required
                      onChange={(e) => setSection(i, { name: e.target.value })}
                    />
                    {note('name')}
                  </label>
                  <label>
                    {t('admin.grade')}
                    <input
                      {...cell('grade')}
                      value={s.grade}
                      required
                      onChange={(e) => setSection(i, { grade: e.target.value })}
                    />
                    {note('grade')}
                  </label>
                  <label>
                    {t('admin.rows')}
                    <input
                      {...cell('rows')}
                      type="number"
                      min={1}
                      max={200}
                      value={s.rows}
                      onChange={(e) => setSection(i, { rows: Number(e.target.value) })}
                    />
                    {note('rows')}
                  </label>
                  <label>
                    {t('admin.seatsPerRow')}
                    <input
                      {...cell('seatsPerRow')}
                      type="number"
                      min={1}
                      max={200}
                      value={s.seatsPerRow}
                      onChange={(e) => setSection(i, { seatsPerRow: Number(e.target.value) })}
                    />
                    {note('seatsPerRow')}
                  </label>
                  <button
                    type="button"
                    className="btn secondary"
                    onClick={() => setSections(sections.filter((_, j) => j !== i))}
                  >
                    {t('action.remove')}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className="btn secondary"
              onClick={() => setSections([...sections, { name: '', grade: 'S', rows: 1, seatsPerRow: 10 }])}
            >
              {t('admin.addSection')}
            </button>
          </fieldset>
          <ErrorBox
            error={error}
            shownFields={[
              ...Object.keys(errors),
              ...(Object.keys(sectionErrors).length > 0 ? ['sections'] : []),
            ]}
            inline
          />
          {created && <Notice kind="success">{t('admin.created', { name: created.name })}</Notice>}
          <button type="submit" className="btn primary">
            {t('action.create')}
          </button>
        </form>
      )}
    </div>
  );
}
