import { describe, expect, it } from 'vitest';
import { forwardFlops } from '../models/mlp.ts';
import { studentSizes, TEACHER_SIZES } from '../models/architectures.ts';
import { benchStepProducts, productFlops, shapeKey, trainingStepProducts } from './stepProducts.ts';

const flops = (products: ReturnType<typeof trainingStepProducts>) =>
  products.reduce((sum, p) => sum + productFlops(p), 0);

describe('the products of a training step', () => {
  it('are a forward, a weight gradient per layer and an input gradient past the first', () => {
    expect(trainingStepProducts([784, 800, 800, 10], 128)).toEqual([
      { m: 128, k: 784, n: 800 },
      { m: 128, k: 800, n: 800 },
      { m: 128, k: 800, n: 10 },
      { m: 784, k: 128, n: 800 },
      { m: 800, k: 128, n: 800 },
      { m: 128, k: 800, n: 800 },
      { m: 800, k: 128, n: 10 },
      { m: 128, k: 10, n: 800 },
    ]);
  });

  it('cost three forward passes less the skipped first-layer input gradient', () => {
    const sizes = studentSizes('800-800');
    expect(flops(trainingStepProducts(sizes, 64))).toBe(
      3 * forwardFlops(sizes) * 64 - 2 * 64 * 800 * 784,
    );
  });

  it('add the teacher forward to the naive peer only, never to the cached distilled step', () => {
    const distilled = benchStepProducts('distilled', '30-30', 128);
    expect(distilled).toEqual(benchStepProducts('control', '30-30', 128));
    expect(flops(benchStepProducts('naive-distilled', '30-30', 128)) - flops(distilled)).toBe(
      forwardFlops(TEACHER_SIZES) * 128,
    );
    expect(benchStepProducts('teacher', null, 32)).toEqual(trainingStepProducts(TEACHER_SIZES, 32));
  });

  it('name a product and its transpose alike', () => {
    expect(shapeKey({ m: 800, k: 128, n: 10 })).toBe(shapeKey({ m: 10, k: 128, n: 800 }));
    expect(shapeKey({ m: 800, k: 128, n: 10 })).not.toBe(shapeKey({ m: 800, k: 10, n: 128 }));
  });
});
