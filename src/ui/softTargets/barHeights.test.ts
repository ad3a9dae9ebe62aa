import { describe, expect, it } from 'vitest';
import { barHeight, barHeightsCss } from './barHeights.ts';

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
  it('writes one property per series and class, series by series', () => {
    const css = barHeightsCss([new Float64Array([0.5, 0.5]), [1e-4, 1]], true);
    expect(css).toBe('--b0-0: 0.9624; --b0-1: 0.9624; --b1-0: 0.5000; --b1-1: 1.0000;');
  });
});
