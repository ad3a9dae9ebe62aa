import { describe, expect, it } from 'vitest';
import type { StepTiming } from '../../src/bench/benchProtocol.ts';
import { benchStepProducts, productFlops, shapeKey } from '../../src/bench/stepProducts.ts';
import { ceilingColumns, sameRunCeilingRows, type CeilingData } from './ceilingSummary.ts';

const timing = (msPerStep: number): StepTiming => ({
  model: 'control',
  studentSize: '30-30',
  batchSize: 8,
  msPerStep,
  samplesPerSec: 8000 / msPerStep,
  gflops: 0,
});

/** Every product of the 30-30 step at batch 8 takes 0.5 ms; the microkernel peaks at 10 GFLOP/s. */
function data(): CeilingData {
  const products = benchStepProducts('control', '30-30', 8).map((p) => ({
    ...p,
    key: shapeKey(p),
    bestMs: 0.5,
    best: 'plain' as const,
    screenMs: {},
    medianMs: {},
  }));
  const unique = [...new Map(products.map((p) => [p.key, p])).values()];
  return {
    entries: [
      { label: 'wasm', backend: 'wasm', threads: 1, products: unique, timings: [timing(8)] },
    ],
    microkernel: [
      { block: '4x8', k: 256, gflops: 10, medianGflops: 9, calls: 3 },
      { block: '6x8', k: 256, gflops: 8, medianGflops: 7, calls: 3 },
    ],
  };
}

describe('the ceiling columns', () => {
  it("sum the best time of each product the step does, over the ceiling page's own step time", () => {
    const products = benchStepProducts('control', '30-30', 8);
    const columns = ceilingColumns(data(), 'wasm', 'control', '30-30', 8);
    expect(columns.ceilingMs).toBe(0.5 * products.length);
    expect(columns.ceilingPageStepMs).toBe(8);
    expect(columns.ofCeiling).toBeCloseTo((0.5 * products.length) / 8);
  });

  it('compare product FLOPs per second with the best microkernel times the threads', () => {
    const flops = benchStepProducts('control', '30-30', 8).reduce((s, p) => s + productFlops(p), 0);
    const one = ceilingColumns(data(), 'wasm', 'control', '30-30', 8);
    const two = data();
    two.entries[0].threads = 2;
    expect(one.ofMicrokernel).toBeCloseTo(flops / 8e6 / 10);
    expect(ceilingColumns(two, 'wasm', 'control', '30-30', 8).ofMicrokernel).toBeCloseTo(
      one.ofMicrokernel / 2,
    );
  });

  it('leave a label without a ceiling, or on a GPU backend, empty', () => {
    expect(ceilingColumns(data(), 'webgl', 'control', '30-30', 8).ceilingMs).toBeNull();
    expect(ceilingColumns(null, 'wasm', 'control', '30-30', 8).ceilingMs).toBeNull();
    const gpu = data();
    gpu.entries[0].backend = 'webgl';
    expect(ceilingColumns(gpu, 'wasm', 'control', '30-30', 8).ceilingMs).toBeNull();
    expect(ceilingColumns(data(), 'wasm', 'distilled', '30-30', 8).ceilingMs).toBeNull();
  });

  it('list every ceiling page step with its own ratio', () => {
    const [row] = sameRunCeilingRows(data());
    expect(row.stepMs).toBe(8);
    expect(row.ofCeiling).toBeCloseTo(row.ceilingMs / 8);
  });
});
