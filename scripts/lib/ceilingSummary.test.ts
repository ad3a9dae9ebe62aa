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
  it('sum the best time of each product the step does, shared shapes counted each time', () => {
    const products = benchStepProducts('control', '30-30', 8);
    const columns = ceilingColumns(data(), 'wasm', 1, 'control', '30-30', 8, [
      timing(8),
      timing(4),
    ]);
    expect(columns.ceilingMs).toBe(0.5 * products.length);
    expect(columns.ofCeiling.min).toBeCloseTo((0.5 * products.length) / 8);
    expect(columns.ofCeiling.max).toBeCloseTo((0.5 * products.length) / 4);
  });

  it('compare product FLOPs per second with the best microkernel times the threads', () => {
    const flops = benchStepProducts('control', '30-30', 8).reduce((s, p) => s + productFlops(p), 0);
    const one = ceilingColumns(data(), 'wasm', 1, 'control', '30-30', 8, [timing(2)]);
    const two = ceilingColumns(data(), 'wasm', 2, 'control', '30-30', 8, [timing(2)]);
    expect(one.ofMicrokernel.median).toBeCloseTo(flops / 2e6 / 10);
    expect(two.ofMicrokernel.median).toBeCloseTo(one.ofMicrokernel.median / 2);
  });

  it('leave a label without a ceiling empty', () => {
    const columns = ceilingColumns(data(), 'webgl', null, 'control', '30-30', 8, [timing(8)]);
    expect(columns.ceilingMs).toBeNull();
    expect(Number.isNaN(columns.ofCeiling.median)).toBe(true);
    expect(
      ceilingColumns(null, 'wasm', 1, 'control', '30-30', 8, [timing(8)]).ceilingMs,
    ).toBeNull();
  });

  it('give the ceiling page its own ratio from its own step times', () => {
    const [row] = sameRunCeilingRows(data());
    expect(row.stepMs).toBe(8);
    expect(row.ofCeiling).toBeCloseTo(row.ceilingMs / 8);
  });
});
