import { barRects } from './barHeights.ts';

export interface CanvasSeries {
  color: string;
  probabilities: ArrayLike<number>;
}

interface Drawn {
  series: readonly CanvasSeries[];
  logScale: boolean;
}

const drawn = new WeakMap<HTMLCanvasElement, Drawn>();
const sized = new WeakMap<HTMLCanvasElement, { width: number; height: number }>();

function paint(canvas: HTMLCanvasElement, { series, logScale }: Drawn): void {
  const size = sized.get(canvas);
  const context = canvas.getContext('2d');
  if (!size || !context) return;
  const ratio = window.devicePixelRatio || 1;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, size.width, size.height);
  const rects = barRects(
    size.width,
    size.height,
    series.map((s) => s.probabilities),
    logScale,
  );
  for (const r of rects) {
    if (r.height <= 0) continue;
    context.fillStyle = series[r.series].color;
    context.fillRect(r.x, r.y, r.width, r.height);
  }
}

/**
 * Draws the bars on their canvas: one canvas write per card at each step of a T drag, where
 * DOM bars cost a style recalculation of every bar (bench/results.md, *Responsiveness*).
 */
export function drawBars(
  canvas: HTMLCanvasElement | null,
  series: readonly CanvasSeries[],
  logScale: boolean,
): void {
  if (!canvas) return;
  // Kept for a redraw when the canvas changes size (watchCanvasSize).
  const next = { series, logScale };
  drawn.set(canvas, next);
  paint(canvas, next);
}

/** Keeps the canvas's pixels matched to its CSS box (and the screen's pixel ratio); redraws. */
export function watchCanvasSize(canvas: HTMLCanvasElement): () => void {
  const observer = new ResizeObserver(([entry]) => {
    const { width, height } = entry.contentRect;
    const ratio = window.devicePixelRatio || 1;
    sized.set(canvas, { width, height });
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const last = drawn.get(canvas);
    if (last) paint(canvas, last);
  });
  observer.observe(canvas);
  return () => observer.disconnect();
}
