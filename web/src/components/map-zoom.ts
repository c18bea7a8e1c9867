/** How far the seat map zooms, as screen pixels per map unit (a seat is 22 units wide). */
export const MAX_SCALE = 3;
/** "Fit" never blows a small hall up beyond this: a few seats should not fill a laptop screen. */
export const MAX_FIT = 1.5;
export const STEP = 1.5;

/** The scale at which the map's full width fits the box. */
export function fitScale(boxWidth: number, mapWidth: number): number {
  if (boxWidth <= 0 || mapWidth <= 0) return 1;
  return Math.min(boxWidth / mapWidth, MAX_FIT);
}

/**
 * A wanted scale kept between fit and the maximum; `null` means "at fit", so the map follows the box
 * when it changes size (a phone turned sideways).
 */
export function clampZoom(wanted: number, fit: number): number | null {
  const max = Math.max(MAX_SCALE, fit);
  const scale = Math.min(Math.max(wanted, fit), max);
  // Within a hair of fit counts as fit, or a pinch back out would leave the map a pixel too wide.
  return Math.abs(scale - fit) < 0.01 ? null : scale;
}

/** The scale two fingers ask for: the scale when the pinch began times how far apart they have moved. */
export function pinchScale(startScale: number, startDistance: number, distance: number): number {
  return startDistance > 0 ? (startScale * distance) / startDistance : startScale;
}
