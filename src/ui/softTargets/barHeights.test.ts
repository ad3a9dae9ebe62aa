import { describe, expect, it } from 'vitest';
import { barHeight, barRects } from './barHeights.ts';

describe('bar heights', () => {
  it('is the probability on the linear scale', () => {
    expect(barHeight(0.25, false)).toBe(0.25);
  });
  it('places a probability on a log axis from 1e-8 (0) to 1 (1)', () => {
    // log10(1e-4) = −4: halfway between −8 and 0.
    expect(barHeight(1e-4, true)).toBeCloseTo(0.5, 12);
    expect(barHeight(1, true)).toBeCloseTo(1, 12);
    expect(barHeight(1e-9, true)).toBe(0);
  });
});

describe('bar rectangles', () => {
  // A box 327 px wide: ten columns of 30 px with nine gaps of 3 px. 112 px high: 14 px of labels
  // and a 1 px base line leave 97 px of bars.
  const p = (...v: number[]) => Float64Array.from(v);
  it('puts two series side by side, centred in their class column, by hand', () => {
    const rects = barRects(
      327,
      112,
      [p(1, 0, 0, 0, 0, 0, 0, 0, 0, 0), p(0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0.25)],
      false,
    );
    expect(rects).toHaveLength(20);
    // Each bar: 84% of 30 / 2 = 12.6 px; the pair 12.6·2 + 1 = 26.2 px, starting (30 − 26.2)/2 = 1.9.
    expect(rects[0]).toMatchObject({ series: 0, cls: 0, y: 0, height: 97 });
    expect(rects[0].x).toBeCloseTo(1.9, 12);
    expect(rects[0].width).toBeCloseTo(12.6, 12);
    const second = rects[10];
    expect(second.x).toBeCloseTo(1.9 + 12.6 + 1, 12);
    expect(second.height).toBeCloseTo(48.5, 12);
    expect(second.y).toBeCloseTo(48.5, 12);
    // Class 9 starts at 9 · 33 = 297 px.
    const last = rects[19];
    expect(last.x).toBeCloseTo(297 + 1.9 + 13.6, 12);
    expect(last.height).toBeCloseTo(24.25, 12);
  });
  it('draws the log scale from 1e-8 and nothing below it', () => {
    const rects = barRects(327, 112, [p(1e-4, 1e-9, 1, 0, 0, 0, 0, 0, 0, 0)], true);
    expect(rects[0].height).toBeCloseTo(48.5, 9);
    expect(rects[1].height).toBe(0);
    expect(rects[2].height).toBeCloseTo(97, 9);
  });
  it('has no bars without series', () => {
    expect(barRects(327, 112, [], false)).toEqual([]);
  });
});
