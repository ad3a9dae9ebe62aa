/**
 * Bar heights as CSS custom properties on the bars' container, one style write per redraw: each
 * bar's transform reads its own property (`--b<series>-<class>`), so a T drag changes one
 * attribute per card instead of four per bar, and React renders nothing for it.
 */

/** Bars this low on the log scale are drawn at zero height. */
export const LOG_FLOOR = 1e-8;

/** A probability's bar height, 0 to 1: itself, or its place on a log axis from 1e-8 to 1. */
export function barHeight(p: number, logScale: boolean): number {
  if (!logScale) return p;
  if (p <= LOG_FLOOR) return 0;
  return (Math.log10(p) - Math.log10(LOG_FLOOR)) / -Math.log10(LOG_FLOOR);
}

/** The custom property a bar reads its height from. */
export const barVariable = (series: number, cls: number) => `--b${series}-${cls}`;

/** The declarations that set every bar's height, series by series, class by class. */
export function barHeightsCss(
  probabilities: readonly ArrayLike<number>[],
  logScale: boolean,
): string {
  const parts: string[] = [];
  probabilities.forEach((p, s) => {
    for (let c = 0; c < p.length; c++)
      parts.push(`${barVariable(s, c)}: ${barHeight(p[c], logScale).toFixed(4)};`);
  });
  return parts.join(' ');
}

const written = new WeakMap<HTMLElement, string>();

/** Writes the heights onto a bars container, unless it already shows exactly these. */
export function writeBarHeights(
  element: HTMLElement | null,
  probabilities: readonly ArrayLike<number>[],
  logScale: boolean,
): void {
  if (!element) return;
  const css = barHeightsCss(probabilities, logScale);
  if (written.get(element) === css) return;
  written.set(element, css);
  element.style.cssText = css;
}
