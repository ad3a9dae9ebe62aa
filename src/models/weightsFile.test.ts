import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toFloat16Bits } from './float16.ts';
import { createMlp, disposeMlp } from './mlp.ts';
import { assignMlpWeights, encodeMlpWeights } from './weightsFile.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('float16 encoding', () => {
  it('gives the IEEE half-precision bit patterns worked out by hand', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(0.5)).toBe(0x3800);
    expect(toFloat16Bits(65504)).toBe(0x7bff); // largest half
    expect(toFloat16Bits(1e6)).toBe(0x7c00); // overflow → +Inf
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(toFloat16Bits(2 ** -26)).toBe(0x0000); // rounds to zero
    // 1 + 2^-11 is exactly halfway between 1 and 1 + 2^-10: ties go to even (1).
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });
});

describe('the weights file', () => {
  it('round-trips an MLP through float16 within half precision', () => {
    const source = createMlp('a', [6, 5, 3], 11);
    const target = createMlp('b', [6, 5, 3], 99);
    const { json, bin } = encodeMlpWeights(source, 'a.bin');
    expect(bin.byteLength).toBe((6 * 5 + 5 + 5 * 3 + 3) * 2);
    assignMlpWeights(target, json, bin.slice().buffer);
    source.kernels.forEach((k, l) => {
      const a = k.dataSync();
      const b = target.kernels[l].dataSync();
      a.forEach((v, i) =>
        expect(Math.abs(v - b[i])).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 1e-7),
      );
    });
    disposeMlp(source);
    disposeMlp(target);
  });

  it('round-trips through 8-bit affine quantization within half a step', () => {
    const source = createMlp('a', [6, 5, 3], 11);
    const target = createMlp('b', [6, 5, 3], 99);
    const { json, bin } = encodeMlpWeights(source, 'a.bin', 'uint8');
    expect(bin.byteLength).toBe(6 * 5 + 5 + 5 * 3 + 3);
    assignMlpWeights(target, json, bin.slice().buffer);
    source.kernels.forEach((k, l) => {
      const a = k.dataSync();
      const b = target.kernels[l].dataSync();
      const step = (Math.max(...a) - Math.min(...a)) / 255;
      a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(step / 2 + 1e-6));
    });
    disposeMlp(source);
    disposeMlp(target);
  });

  it('refuses a truncated file, a file for another architecture and NaN weights', () => {
    const source = createMlp('a', [6, 5, 3], 11);
    const { json, bin } = encodeMlpWeights(source, 'a.bin');
    expect(() => assignMlpWeights(source, json, bin.slice(0, 20).buffer)).toThrow(
      /truncated or corrupt/,
    );
    const other = createMlp('c', [6, 4, 3], 1);
    expect(() => assignMlpWeights(other, json, bin.slice().buffer)).toThrow(
      /6-5-3 network, not 6-4-3/,
    );
    const nan = bin.slice();
    nan[0] = 0x00;
    nan[1] = 0x7e; // a float16 NaN
    expect(() => assignMlpWeights(source, json, nan.buffer)).toThrow(/NaN or Infinity/);
    disposeMlp(source);
    disposeMlp(other);
  });
});
