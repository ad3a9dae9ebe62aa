/** Colours of the dark-knowledge heatmaps. */

/** Probabilities below this are drawn as the palest cell. */
export const LOG_FLOOR = 1e-4;

/** 0–1 position of a probability on a log scale from LOG_FLOOR to 1. */
export function logFraction(p: number): number {
  if (!(p > LOG_FLOOR)) return 0;
  return Math.min(1, Math.log10(p / LOG_FLOOR) / -Math.log10(LOG_FLOOR));
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
