import { describe, expect, it } from 'vitest';
import { fromSliderPosition, SLIDER_STEPS, toSliderPosition } from './logScale.ts';

describe('log-scale slider for the temperature (1 to 50)', () => {
  it('maps position 0 to exactly 1 and position 1000 to exactly 50', () => {
    expect(fromSliderPosition(0, 1, 50)).toBe(1);
    expect(fromSliderPosition(1000, 1, 50)).toBe(50);
  });

  it('maps the middle position 500 to sqrt(50), about 7.071', () => {
    expect(fromSliderPosition(500, 1, 50)).toBeCloseTo(Math.sqrt(50), 10);
    expect(fromSliderPosition(500, 1, 50)).toBeCloseTo(7.071, 3);
  });

  it('maps position 250 to 50 to the power 1/4, about 2.659', () => {
    expect(fromSliderPosition(250, 1, 50)).toBeCloseTo(2.659, 3);
  });

  it('maps 1, sqrt(50) and 50 back to positions 0, 500 and 1000', () => {
    expect(toSliderPosition(1, 1, 50)).toBe(0);
    expect(toSliderPosition(Math.sqrt(50), 1, 50)).toBe(500);
    expect(toSliderPosition(50, 1, 50)).toBe(1000);
  });

  it('maps the default temperature 8 to position 532', () => {
    // ln 8 / ln 50 = 0.5316
    expect(toSliderPosition(8, 1, 50)).toBe(532);
  });

  it('pins values outside the range, and NaN, to an end of the slider', () => {
    expect(toSliderPosition(0.5, 1, 50)).toBe(0);
    expect(toSliderPosition(-3, 1, 50)).toBe(0);
    expect(toSliderPosition(Number.NaN, 1, 50)).toBe(0);
    expect(toSliderPosition(500, 1, 50)).toBe(SLIDER_STEPS);
    expect(fromSliderPosition(-10, 1, 50)).toBe(1);
    expect(fromSliderPosition(2000, 1, 50)).toBe(50);
  });

  it('gives back every position after a trip through the value, even at 4 significant digits', () => {
    for (const [min, max] of [
      [1, 50],
      [1e-5, 0.1],
    ]) {
      for (let pos = 0; pos <= SLIDER_STEPS; pos++) {
        const value = fromSliderPosition(pos, min, max);
        expect(toSliderPosition(value, min, max)).toBe(pos);
        expect(toSliderPosition(Number(value.toPrecision(4)), min, max)).toBe(pos);
      }
    }
  });

  it('moves monotonically: a higher position never gives a smaller value', () => {
    let previous = 0;
    for (let pos = 0; pos <= SLIDER_STEPS; pos++) {
      const value = fromSliderPosition(pos, 1, 50);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });
});
