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
import { stat, type Stat } from './stat.ts';

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
  /** Sum of the best product times of the step, ms (null: no ceiling measured for the label). */
  ceilingMs: number | null;
  /** ceilingMs / step ms, run by run. */
  ofCeiling: Stat;
  /** The step's product FLOPs per second / (microkernel peak × WASM threads), run by run. */
  ofMicrokernel: Stat;
}

export function microkernelPeak(data: CeilingData | null): number {
  const peaks = (data?.microkernel ?? []).map((p) => p.gflops);
  return peaks.length ? Math.max(...peaks) : NaN;
}

export function ceilingColumns(
  data: CeilingData | null,
  label: string,
  threads: number | null,
  model: StepTiming['model'],
  studentSize: string | null,
  batch: number,
  timings: StepTiming[],
): CeilingColumns {
  const products = benchStepProducts(model, studentSize as StudentSize | null, batch);
  const entry = data?.entries.find((e) => e.label === label && e.products.length > 0);
  const best = new Map(entry?.products.map((p) => [p.key, p.bestMs]));
  const ceilingMs = entry
    ? products.reduce((sum, p) => sum + (best.get(shapeKey(p)) ?? NaN), 0)
    : null;
  const flops = products.reduce((sum, p) => sum + productFlops(p), 0);
  const peak = microkernelPeak(data) * (threads ?? 1);
  return {
    ceilingMs,
    ofCeiling: stat(timings.map((t) => (ceilingMs ?? NaN) / t.msPerStep)),
    ofMicrokernel: stat(timings.map((t) => flops / (t.msPerStep * 1e6) / peak)),
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
  return data.entries.flatMap((entry) =>
    entry.timings.map((t) => {
      const c = ceilingColumns(
        data,
        entry.label,
        entry.threads,
        t.model,
        t.studentSize,
        t.batchSize,
        [t],
      );
      const products = benchStepProducts(t.model, t.studentSize, t.batchSize);
      const flops = products.reduce((sum, p) => sum + productFlops(p), 0);
      return {
        label: entry.label,
        model: t.model,
        studentSize: t.studentSize ?? 'teacher 1200-1200',
        batchSize: t.batchSize,
        stepMs: t.msPerStep,
        ceilingMs: c.ceilingMs ?? NaN,
        ofCeiling: c.ofCeiling.median,
        productGflops: flops / (t.msPerStep * 1e6),
        ofMicrokernel: c.ofMicrokernel.median,
      };
    }),
  );
}
