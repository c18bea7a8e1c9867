import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';

/** OpenStreetMap's public tiles; a deployment with its own tile server changes this one line. */
const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
/** Seoul City Hall: where an empty picker starts. */
const SEOUL: L.LatLngTuple = [37.5665, 126.978];
/** No tile within this long counts as no map (a closed network may neither load nor fail fast). */
const TILE_TIMEOUT_MS = 6_000;

export interface VenueMapProps {
  latitude: number | null;
  longitude: number | null;
  /** Accessible name of the map region. */
  label: string;
  /** Admin picking: a click moves the point. */
  onPick?: (latitude: number, longitude: number) => void;
  /** Tiles cannot load (offline, blocked, or none within the timeout). */
  onUnavailable: () => void;
}

/**
 * A Leaflet map with the venue's point. Loaded only when shown (its own chunk, CSS included), so the
 * first page load does not pay for it. The marker is a circle drawn by Leaflet (no image assets).
 */
export default function VenueMap({ latitude, longitude, label, onPick, onUnavailable }: VenueMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const unavailable = useRef(onUnavailable);
  unavailable.current = onUnavailable;

  useEffect(() => {
    if (!el.current) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      unavailable.current();
      return;
    }
    const has = latitude !== null && longitude !== null;
    const m = L.map(el.current, {
      center: has ? [latitude, longitude] : SEOUL,
      zoom: has ? 16 : 11,
      scrollWheelZoom: false,
    });
    map.current = m;
    let loaded = false;
    let failed = false;
    const fail = (): void => {
      if (loaded || failed) return;
      failed = true;
      unavailable.current();
    };
    const tiles = L.tileLayer(TILES, { attribution: ATTRIBUTION, maxZoom: 19 });
    tiles.on('tileload', () => {
      loaded = true;
    });
    tiles.on('tileerror', fail);
    tiles.addTo(m);
    const timer = setTimeout(fail, TILE_TIMEOUT_MS);
    window.addEventListener('offline', fail);
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.(round(e.latlng.lat), round(e.latlng.lng)));
    return () => {
      clearTimeout(timer);
      window.removeEventListener('offline', fail);
      m.remove();
      map.current = null;
      marker.current = null;
    };
    // The map is built once; the point follows in the effect below.
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (latitude === null || longitude === null) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at: L.LatLngTuple = [latitude, longitude];
    if (marker.current) marker.current.setLatLng(at);
    else
      marker.current = L.circleMarker(at, {
        radius: 10,
        color: '#4420a8',
        weight: 3,
        fillColor: '#5b2bd6',
        fillOpacity: 0.8,
      }).addTo(m);
    if (!m.getBounds().contains(at)) m.setView(at, Math.max(m.getZoom(), 15));
  }, [latitude, longitude]);

  return <div ref={el} className="venue-map" role="region" aria-label={label} data-testid="venue-map" />;
}

/** Six decimals: about 10 cm, more than a venue needs. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
