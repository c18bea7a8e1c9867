import { lazy, Suspense, useState } from 'react';
import type { VenueDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Loading } from '../../components/States.tsx';

const VenueMap = lazy(() => import('./VenueMap.tsx'));

/** Links to the two map apps Koreans use; with coordinates they open on the point. */
export function mapLinks(v: Pick<VenueDetail, 'name' | 'address' | 'latitude' | 'longitude'>): {
  kakao: string;
  naver: string;
} {
  const has = typeof v.latitude === 'number' && typeof v.longitude === 'number';
  return {
    kakao: has
      ? `https://map.kakao.com/link/map/${encodeURIComponent(v.name)},${v.latitude},${v.longitude}`
      : `https://map.kakao.com/link/search/${encodeURIComponent(v.address)}`,
    naver: `https://map.naver.com/p/search/${encodeURIComponent(v.address)}`,
  };
}

function MapLinks({ venue }: { venue: VenueDetail }) {
  const { t } = useI18n();
  const links = mapLinks(venue);
  return (
    <p className="map-links">
      <a className="btn secondary small" href={links.kakao} target="_blank" rel="noopener noreferrer">
        {t('venue.kakao')}
      </a>
      <a className="btn secondary small" href={links.naver} target="_blank" rel="noopener noreferrer">
        {t('venue.naver')}
      </a>
    </p>
  );
}

/**
 * The venue tab: where it is and how to get there. The map (Leaflet, its own chunk) loads only when
 * this tab is open; without network (tiles fail, or the browser says offline) it gives way to the
 * address and links to Kakao Map and Naver Map.
 */
export function VenueTab({ venue }: { venue: VenueDetail }) {
  const { t } = useI18n();
  const hasPoint = typeof venue.latitude === 'number' && typeof venue.longitude === 'number';
  const [mapFailed, setMapFailed] = useState(false);
  const rows: [string, string | null][] = [
    [t('venue.address'), venue.address],
    [t('venue.phone'), venue.phone],
    [t('venue.parking'), venue.parking],
    [t('venue.directions'), venue.directions],
  ];
  return (
    <div className="venue-tab">
      <h2 className="venue-name">{venue.name}</h2>
      <dl className="info-table">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={value ? 'pre-line' : 'muted'}>
              {label === t('venue.phone') && value ? (
                <a href={`tel:${value}`}>{value}</a>
              ) : (
                (value ?? t('venue.none'))
              )}
            </dd>
          </div>
        ))}
      </dl>
      <h3 className="sub-h">{t('venue.map')}</h3>
      {hasPoint && !mapFailed ? (
        <Suspense fallback={<Loading />}>
          <VenueMap
            latitude={venue.latitude}
            longitude={venue.longitude}
            label={t('venue.mapLabel', { name: venue.name })}
            onUnavailable={() => setMapFailed(true)}
          />
        </Suspense>
      ) : (
        <div className="map-fallback" data-testid="map-fallback" role="note">
          <p>{hasPoint ? t('venue.mapOffline') : t('venue.noLocation')}</p>
          <p className="map-fallback-address">
            <strong>{venue.name}</strong>
            <br />
            {venue.address}
          </p>
        </div>
      )}
      <MapLinks venue={venue} />
    </div>
  );
}
