import { describe, expect, it } from 'vitest';
import { byteDecades, formatBytes, logPosition, roundTicks } from './sizeScale.ts';

describe('the size axis', () => {
  it('covers a 30-30 student (99,160 B) to the teacher (2,395,210 parameters, 9,580,840 B) with 10 kB … 10 MB', () => {
    const decades = byteDecades(24_720 + 560, 9_580_840);
    expect(decades).toEqual([1e4, 1e5, 1e6, 1e7]);
    // log10(99,160) = 4.9963…; (4.9963 − 4) / 3 = 0.3321.
    expect(logPosition(99_160, decades)).toBeCloseTo(0.3321, 3);
    expect(logPosition(1e7, decades)).toBe(1);
  });

  it('writes bytes a learner can read', () => {
    expect(formatBytes(99_160)).toBe('99 kB');
    expect(formatBytes(9_580_840)).toBe('9.6 MB');
    expect(formatBytes(2_500)).toBe('2.5 kB');
    expect(formatBytes(800)).toBe('800 B');
  });

  it('puts round ticks on the errors axis', () => {
    // 8,890 / 4 = 2,222 → step 5,000 (1 × 10^3 and 2 × 10^3 are too small).
    expect(roundTicks(8890)).toEqual([0, 5000, 10000]);
    // 330 / 4 = 82.5 → step 100.
    expect(roundTicks(330)).toEqual([0, 100, 200, 300, 400]);
    expect(roundTicks(70)).toEqual([0, 20, 40, 60, 80]);
  });
});
