import { describe, expect, it } from 'vitest';
import { dequantizeKernel, quantizeKernel, storedBytes } from './quantize.ts';

describe('8-bit per-column quantization', () => {
  it('quantizes a hand-made 2 × 2 kernel to the values worked out by hand', () => {
    // Column 0: max |w| = 2.54 → scale 0.02; 1.0 / 0.02 = 50, −2.54 / 0.02 = −127.
    // Column 1: max |w| = 0.127 → scale 0.001; 0.0514 / 0.001 = 51.4 → 51, 0.127 → 127.
    const q = quantizeKernel(Float32Array.from([1.0, 0.0514, -2.54, 0.127]), 2, 2);
    expect(q.scales[0]).toBeCloseTo(0.02, 7);
    expect(q.scales[1]).toBeCloseTo(0.001, 7);
    expect([...q.values]).toEqual([50, 51, -127, 127]);
    const w = dequantizeKernel(q);
    expect(w[0]).toBeCloseTo(1.0, 6);
    expect(w[1]).toBeCloseTo(0.051, 6);
    expect(w[2]).toBeCloseTo(-2.54, 6);
  });

  it('keeps every weight within half a step of its column’s scale, and the column maxima exact', () => {
    let s = 12345;
    const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const rows = 50;
    const cols = 7;
    const kernel = Float32Array.from(
      { length: rows * cols },
      (_, k) => random() * (1 + (k % cols)),
    );
    const q = quantizeKernel(kernel, rows, cols);
    const w = dequantizeKernel(q);
    for (let j = 0; j < cols; j++) {
      let maxAbs = 0;
      for (let i = 0; i < rows; i++) maxAbs = Math.max(maxAbs, Math.abs(kernel[i * cols + j]));
      const step = maxAbs / 127;
      for (let i = 0; i < rows; i++) {
        expect(Math.abs(w[i * cols + j] - kernel[i * cols + j])).toBeLessThanOrEqual(
          step / 2 + 1e-7,
        );
      }
      expect(
        Math.max(...[...Array(rows).keys()].map((i) => Math.abs(q.values[i * cols + j]))),
      ).toBe(127);
    }
  });

  it('leaves an all-zero column at zero without dividing by zero', () => {
    const q = quantizeKernel(Float32Array.from([0, 1, 0, -1]), 2, 2);
    expect([...q.values]).toEqual([0, 127, 0, -127]);
    expect([...dequantizeKernel(q)]).toEqual([0, 1, 0, -1]);
  });

  it('counts stored bytes: 30-30 student is 24,790 parameters, 99,160 B in float32', () => {
    // 784·30 + 30 + 30·30 + 30 + 30·10 + 10 = 24,790 parameters.
    const bytes = storedBytes([784, 30, 30, 10]);
    expect(bytes.float32).toBe(4 * 24_790);
    // int8: 24,720 weights × 1 B + (30 + 30 + 10) columns × 4 B scales + 70 biases × 4 B.
    expect(bytes.int8).toBe(24_720 + 4 * 70 + 4 * 70);
  });

  it('refuses a kernel whose length does not match its shape', () => {
    expect(() => quantizeKernel(new Float32Array(3), 2, 2)).toThrow(/needs 4 values/);
  });
});
