import { expect } from 'vitest';

/**
 * |actual − expected| ≤ rel · |expected| + abs. The relative part covers float32 kernels on
 * large values, the absolute part values that should be (near) zero.
 */
export function expectClose(actual: number, expected: number, rel = 1e-5, abs = 1e-7): void {
  const bound = rel * Math.abs(expected) + abs;
  expect(Math.abs(actual - expected), `${actual} vs expected ${expected}`).toBeLessThanOrEqual(
    bound,
  );
}

export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel = 1e-5,
  abs = 1e-7,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i], expected[i], rel, abs);
}
