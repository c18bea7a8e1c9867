import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type PointerEvent,
  type RefObject,
} from 'react';
import { STEP, clampZoom, fitScale, pinchScale } from './map-zoom.ts';

interface Point {
  x: number;
  y: number;
}

/** A point on the map (in map units) that must stay under a point of the screen while the scale changes. */
interface Anchor {
  mapX: number;
  mapY: number;
  screenX: number;
  screenY: number;
}

/** Wider than a classic scrollbar. */
const SCROLLBAR_SLACK = 24;

const distance = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Zoom for a map drawn at `mapWidth` units inside a scrolling box: buttons, and a pinch with two
 * fingers around their midpoint. The box keeps `touch-action: pan-x pan-y`, so one finger still
 * scrolls natively; a second finger stops the browser's own two-finger pan so the pinch is ours.
 * The scale changes at most once a frame, and only the map's size follows it (the seats are memoised).
 */
export function useMapZoom(
  box: RefObject<HTMLDivElement | null>,
  map: RefObject<SVGSVGElement | null>,
  mapWidth: number,
  resetKey: string,
) {
  const [boxWidth, setBoxWidth] = useState(0);
  const [zoom, setZoom] = useState<number | null>(null);
  const fit = fitScale(boxWidth, mapWidth);
  const scale = zoom ?? fit;
  const current = useRef({ scale, fit });
  current.current = { scale, fit };
  const anchor = useRef<Anchor | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    let last = 0;
    const measure = (): void => {
      const style = getComputedStyle(el);
      const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // A fitted map can make the page tall enough for a scrollbar, which narrows the box, which
      // shrinks the map, which drops the scrollbar…: narrower always counts, a little wider does not.
      if (width < last || width > last + SCROLLBAR_SLACK) {
        last = width;
        setBoxWidth(width);
      }
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box]);

  // Another section (or hall) starts at fit again.
  useEffect(() => setZoom(null), [resetKey]);

  /** Zooms to `wanted`, keeping the map point under (screenX, screenY) where it is. */
  const zoomAround = useCallback(
    (wanted: number, screenX: number, screenY: number): void => {
      const { fit, scale: now } = current.current;
      const next = clampZoom(wanted, fit);
      const rect = map.current?.getBoundingClientRect();
      if (rect && (next ?? fit) !== now) {
        const s = now;
        anchor.current = {
          mapX: (screenX - rect.left) / s,
          mapY: (screenY - rect.top) / s,
          screenX,
          screenY,
        };
      }
      setZoom(next);
    },
    [map],
  );

  useLayoutEffect(() => {
    const a = anchor.current;
    const rect = map.current?.getBoundingClientRect();
    anchor.current = null;
    if (!a || !rect || !box.current) return;
    box.current.scrollLeft += rect.left + a.mapX * scale - a.screenX;
    window.scrollBy(0, rect.top + a.mapY * scale - a.screenY);
  }, [scale, box, map]);

  /** The middle of the part of the box that is on screen: where the buttons zoom around. */
  const visibleMiddle = (): Point => {
    const r = box.current?.getBoundingClientRect();
    if (!r) return { x: 0, y: 0 };
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, window.innerHeight);
    return { x: r.left + r.width / 2, y: (top + Math.max(bottom, top)) / 2 };
  };
  const zoomIn = (): void => {
    const m = visibleMiddle();
    zoomAround(current.current.scale * STEP, m.x, m.y);
  };
  const zoomOut = (): void => {
    const m = visibleMiddle();
    zoomAround(current.current.scale / STEP, m.x, m.y);
  };
  const zoomFit = (): void => {
    const m = visibleMiddle();
    zoomAround(current.current.fit, m.x, m.y);
  };

  const pointers = useRef(new Map<number, Point>());
  const pinch = useRef<{ scale: number; distance: number } | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const pinchFrame = useCallback((): void => {
    frame.current = 0;
    const [a, b] = [...pointers.current.values()];
    if (!pinch.current || !a || !b) return;
    const wanted = pinchScale(pinch.current.scale, pinch.current.distance, distance(a, b));
    zoomAround(wanted, (a.x + b.x) / 2, (a.y + b.y) / 2);
  }, [zoomAround]);

  const onPointerDown = (e: PointerEvent): void => {
    if (e.pointerType !== 'touch') return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()] as [Point, Point];
      pinch.current = { scale: current.current.scale, distance: distance(a, b) };
    }
  };
  const onPointerMove = (e: PointerEvent): void => {
    if (!pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch.current && !frame.current) frame.current = requestAnimationFrame(pinchFrame);
  };
  const onPointerEnd = (e: PointerEvent): void => {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
  };

  // While two fingers are down the browser must not pan; one finger is left alone and scrolls.
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const onTouchMove = (e: TouchEvent): void => {
      if (e.touches.length >= 2 && e.cancelable) e.preventDefault();
    };
    el.addEventListener('touchmove', onTouchMove, { passive: false });
    return () => el.removeEventListener('touchmove', onTouchMove);
  }, [box]);

  return {
    scale,
    atFit: zoom === null,
    atMax: clampZoom(Number.POSITIVE_INFINITY, fit) === scale,
    zoomIn,
    zoomOut,
    zoomFit,
    pointerHandlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp: onPointerEnd,
      onPointerCancel: onPointerEnd,
    },
  };
}
