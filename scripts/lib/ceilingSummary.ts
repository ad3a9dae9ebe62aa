/**
 * The ceiling columns of the throughput table: a step's time against the sum of the best times
 * of the matrix products it does (≤ 100% up to noise: the step does those products and more),
 * and its product GFLOP/s against the SIMD microkernel's peak on this machine.
 */
import type { StepTiming } from '../../src/bench/benchProtocol.ts';
import type { MicrokernelPeak } from '../../src/bench/microkernelPeak.ts';
import type { ProductTiming } from '../../src/bench/productCeiling.ts';
import { benchStepProducts, productFlops, shapeKey } from '../../src/bench/stepProducts.ts';
import type { StudentSize } from '../../src/models/architectures.ts';

/** One bench label's products, each at its best (bench.html?mode=ceiling). */
export interface CeilingEntry {
  label: string;
  backend: string;
  threads: number | null;
  products: ProductTiming[];
  /** The same page's step times, measured just before the products. */
  timings: StepTiming[];
  failure?: string;
}

export interface CeilingData {
  entries: CeilingEntry[];
  microkernel: MicrokernelPeak[];
}

export interface CeilingColumns {
  /** Sum of the best product times of the step, ms (null: no ceiling for the label). */
  ceilingMs: number | null;
  /** The step's time on the ceiling page, just before its products, ms. */
  ceilingPageStepMs: number | null;
  /** ceilingMs / the step's time on the ceiling page (the same run). */
  ofCeiling: number;
  /** The step's product FLOPs per second there / (microkernel peak × WASM threads). */
  ofMicrokernel: number;
}

export function microkernelPeak(data: CeilingData | null): number {
  const peaks = (data?.microkernel ?? []).map((p) => p.gflops);
  return peaks.length ? Math.max(...peaks) : NaN;
}

/**
 * GPU backends get no ceiling: each product timed alone pays a readback round trip to the GPU
 * that a step, whose kernels queue behind each other, pays once (SwiftShader here: sums above
 * the step time). WASM and the CPU backend compute synchronously.
 */
export const CEILING_BACKENDS = ['wasm', 'cpu'];

/**
 * The ratios come from the ceiling page alone: it times the step and then its products, so
 * both see the same machine; a throughput table measured another day may not.
 */
export function ceilingColumns(
  data: CeilingData | null,
  label: string,
  model: StepTiming['model'],
  studentSize: string | null,
  batch: number,
): CeilingColumns {
  const none = { ceilingMs: null, ceilingPageStepMs: null, ofCeiling: NaN, ofMicrokernel: NaN };
  const entry = data?.entries.find((e) => e.label === label && e.products.length > 0);
  const step = entry?.timings.find(
    (t) => t.model === model && t.studentSize === studentSize && t.batchSize === batch,
  );
  if (!entry || !step || !CEILING_BACKENDS.includes(entry.backend)) return none;
  const products = benchStepProducts(model, studentSize as StudentSize | null, batch);
  const best = new Map(entry.products.map((p) => [p.key, p.bestMs]));
  const ceilingMs = products.reduce((sum, p) => sum + (best.get(shapeKey(p)) ?? NaN), 0);
  const flops = products.reduce((sum, p) => sum + productFlops(p), 0);
  const peak = microkernelPeak(data) * (entry.threads ?? 1);
  return {
    ceilingMs,
    ceilingPageStepMs: step.msPerStep,
    ofCeiling: ceilingMs / step.msPerStep,
    ofMicrokernel: flops / (step.msPerStep * 1e6) / peak,
  };
}

/** The ceiling page's own steps against its products: one run, the same worker, minutes apart. */
export interface SameRunCeilingRow {
  label: string;
  model: StepTiming['model'];
  studentSize: string;
  batchSize: number;
  stepMs: number;
  ceilingMs: number;
  /** ceilingMs / stepMs. */
  ofCeiling: number;
  /** The step's product GFLOP/s. */
  productGflops: number;
  ofMicrokernel: number;
}

export function sameRunCeilingRows(data: CeilingData): SameRunCeilingRow[] {
  const peak = microkernelPeak(data);
  return data.entries.flatMap((entry) => {
    const best = new Map(entry.products.map((p) => [p.key, p.bestMs]));
    return entry.timings.map((t) => {
      const products = benchStepProducts(t.model, t.studentSize, t.batchSize);
      const ceilingMs = products.reduce((sum, p) => sum + (best.get(shapeKey(p)) ?? NaN), 0);
      const productGflops =
        products.reduce((sum, p) => sum + productFlops(p), 0) / (t.msPerStep * 1e6);
      return {
        label: entry.label,
        model: t.model,
        studentSize: t.studentSize ?? 'teacher 1200-1200',
        batchSize: t.batchSize,
        stepMs: t.msPerStep,
        ceilingMs,
        ofCeiling: ceilingMs / t.msPerStep,
        productGflops,
        ofMicrokernel: productGflops / (peak * (entry.threads ?? 1)),
      };
    });
  });
}
