/** Colours of the dark-knowledge heatmaps. */

/** Probabilities below this are drawn as the palest cell, whatever the maps hold. */
export const LOG_FLOOR = 1e-6;

/**
 * The colour scale's ends: the smallest and largest value of the maps shown (so that at T = 1,
 * where off-diagonal means are ~10⁻⁴, and at T = 20, where they are ~0.05, the map still spans
 * its whole palette), the low end no lower than LOG_FLOOR.
 */
export function logRange(...maps: Float64Array[]): [number, number] {
  let low = Infinity;
  let high = 0;
  for (const map of maps) {
    for (const v of map) {
      if (v > 0) low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  low = Math.max(LOG_FLOOR, Number.isFinite(low) ? low : LOG_FLOOR);
  return [low, Math.max(high, low * 10)];
}

/** 0–1 position of a probability on a log scale from `low` to `high`. */
export function logFraction(p: number, [low, high]: readonly [number, number]): number {
  if (!(p > low)) return 0;
  return Math.min(1, Math.log10(p / low) / Math.log10(high / low));
}

/** Pale to deep indigo (the page's accent hue) as `fraction` goes 0 → 1. */
export function sequentialColor(fraction: number): string {
  return `hsl(240 60% ${(97 - 62 * fraction).toFixed(1)}%)`;
}

/** Blue below zero, orange above, white at zero; `scale` is the largest magnitude shown. */
export function divergingColor(value: number, scale: number): string {
  const f = scale > 0 ? Math.min(1, Math.abs(value) / scale) : 0;
  const hue = value < 0 ? 215 : 28;
  return `hsl(${hue} 80% ${(98 - 48 * f).toFixed(1)}%)`;
}
