import { describe, expect, it } from 'vitest';
import { MAX_FIT, MAX_SCALE, clampZoom, fitScale, pinchScale } from './map-zoom.ts';

describe('seat map zoom', () => {
  it('fits a wide section into a phone and does not blow a small hall up past the fit limit', () => {
    expect(fitScale(340, 852)).toBeCloseTo(0.399, 3);
    expect(fitScale(1100, 280)).toBe(MAX_FIT);
    expect(fitScale(0, 280)).toBe(1);
  });

  it('keeps the zoom between fit and the maximum, snapping back to fit', () => {
    expect(clampZoom(0.2, 0.4)).toBeNull();
    expect(clampZoom(0.405, 0.4)).toBeNull();
    expect(clampZoom(10, 0.4)).toBe(MAX_SCALE);
    expect(clampZoom(1.2, 0.4)).toBe(1.2);
  });

  it('scales with the distance between two fingers', () => {
    expect(pinchScale(1, 100, 200)).toBe(2);
    expect(pinchScale(1.5, 0, 200)).toBe(1.5);
  });
});
