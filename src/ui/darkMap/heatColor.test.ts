import { describe, expect, it } from 'vitest';
import { divergingColor, logFraction, sequentialColor } from './heatColor.ts';

describe('heatmap colours', () => {
  it('puts probabilities on a log scale from 10⁻⁴ (0) to 1 (1)', () => {
    expect(logFraction(1)).toBe(1);
    expect(logFraction(0.01)).toBeCloseTo(0.5, 12);
    expect(logFraction(1e-3)).toBeCloseTo(0.25, 12);
    expect(logFraction(1e-6)).toBe(0);
    expect(logFraction(0)).toBe(0);
  });

  it('darkens with the fraction and splits hues by sign', () => {
    expect(sequentialColor(0)).toBe('hsl(240 60% 97.0%)');
    expect(sequentialColor(1)).toBe('hsl(240 60% 35.0%)');
    expect(divergingColor(-0.1, 0.2)).toBe('hsl(215 80% 74.0%)');
    expect(divergingColor(0.2, 0.2)).toBe('hsl(28 80% 50.0%)');
    expect(divergingColor(0, 0)).toBe('hsl(28 80% 98.0%)');
  });
});
