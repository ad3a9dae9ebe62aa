/**
 * Log-scale sliders: an integer position 0..SLIDER_STEPS maps geometrically onto [min, max], so
 * position 0 is min, SLIDER_STEPS is max and the middle is sqrt(min · max). Needs 0 < min < max.
 */
export const SLIDER_STEPS = 1000;

/** The slider position (an integer in 0..1000) nearest to `value`; out-of-range values pin to an end. */
export function toSliderPosition(value: number, min: number, max: number): number {
  if (!(value > min)) return 0; // also NaN
  if (value >= max) return SLIDER_STEPS;
  const fraction = Math.log(value / min) / Math.log(max / min);
  return Math.round(fraction * SLIDER_STEPS);
}

/** The value at slider position `pos` (clamped to 0..1000); the ends are exactly min and max. */
export function fromSliderPosition(pos: number, min: number, max: number): number {
  if (!(pos > 0)) return min; // also NaN
  if (pos >= SLIDER_STEPS) return max;
  return min * Math.pow(max / min, pos / SLIDER_STEPS);
}
