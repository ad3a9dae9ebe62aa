import { describe, expect, it } from 'vitest';
import { divergingColor, logFraction, logRange, sequentialColor } from './heatColor.ts';

describe('heatmap colours', () => {
  it('puts probabilities on a log scale between the ends of the range', () => {
    const range = [1e-4, 1] as const;
    expect(logFraction(1, range)).toBe(1);
    expect(logFraction(0.01, range)).toBeCloseTo(0.5, 12);
    expect(logFraction(1e-3, range)).toBeCloseTo(0.25, 12);
    expect(logFraction(1e-6, range)).toBe(0);
    expect(logFraction(0, range)).toBe(0);
  });

  it('takes the range from the maps shown, floored at 10⁻⁶', () => {
    expect(logRange(Float64Array.from([0.02, 0.5]), Float64Array.from([0.9, 0.01]))).toEqual([
      0.01, 0.9,
    ]);
    expect(logRange(Float64Array.from([1e-9, 0, 0.99]))).toEqual([1e-6, 0.99]);
  });

  it('darkens with the fraction and splits hues by sign', () => {
    expect(sequentialColor(0)).toBe('hsl(240 60% 97.0%)');
    expect(sequentialColor(1)).toBe('hsl(240 60% 35.0%)');
    expect(divergingColor(-0.1, 0.2)).toBe('hsl(215 80% 74.0%)');
    expect(divergingColor(0.2, 0.2)).toBe('hsl(28 80% 50.0%)');
    expect(divergingColor(0, 0)).toBe('hsl(28 80% 98.0%)');
  });
});
