/**
 * Where the soft-target bars go on their canvas (barCanvas.ts). The layout is the one the CSS
 * gives the bars' accessible boxes (.bars in styles.css): ten class columns `CLASS_GAP` apart,
 * a label row `LABEL_ROW` high under a 1 px base line, and the bars of one class sharing
 * `PAIR_SHARE` of its width, `BAR_GAP` apart, centred.
 */

/** Bars this low on the log scale are drawn at zero height. */
export const LOG_FLOOR = 1e-8;
export const CLASS_GAP = 3;
export const LABEL_ROW = 14;
export const BASE_LINE = 1;
export const PAIR_SHARE = 0.84;
export const BAR_GAP = 1;

/** A probability's bar height, 0 to 1: itself, or its place on a log axis from 1e-8 to 1. */
export function barHeight(p: number, logScale: boolean): number {
  if (!logScale) return p;
  if (p <= LOG_FLOOR) return 0;
  return (Math.log10(p) - Math.log10(LOG_FLOOR)) / -Math.log10(LOG_FLOOR);
}

export interface BarRect {
  series: number;
  cls: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every bar's rectangle, in CSS pixels of a box `width` × `height`, series by series. */
export function barRects(
  width: number,
  height: number,
  probabilities: readonly ArrayLike<number>[],
  logScale: boolean,
): BarRect[] {
  const classes = probabilities[0]?.length ?? 0;
  if (classes === 0) return [];
  const column = (width - CLASS_GAP * (classes - 1)) / classes;
  const area = height - LABEL_ROW - BASE_LINE;
  const n = probabilities.length;
  const barWidth = (PAIR_SHARE * column) / n;
  const pairWidth = barWidth * n + BAR_GAP * (n - 1);
  const rects: BarRect[] = [];
  probabilities.forEach((p, s) => {
    for (let c = 0; c < classes; c++) {
      const h = Math.max(0, Math.min(1, barHeight(p[c], logScale))) * area;
      const x = c * (column + CLASS_GAP) + (column - pairWidth) / 2 + s * (barWidth + BAR_GAP);
      rects.push({ series: s, cls: c, x, y: area - h, width: barWidth, height: h });
    }
  });
  return rects;
}
