/** The practical machine limit: GFLOP/s of the SIMD microkernels with their data in cache. */
import {
  BLOCK_COLUMNS,
  BLOCK_ROWS,
  createMicrokernel,
  MICROKERNEL_BLOCKS,
  packA,
  type MicrokernelBlock,
} from '../kernels/matmulMicrokernel.ts';

export interface MicrokernelPeak {
  block: MicrokernelBlock;
  /** Depth of each pass: A (rows × k) and B (k × 8) stay in L1/L2 across passes. */
  k: number;
  /** Best and median of the timed calls, GFLOP/s (2 FLOPs per multiply-add). */
  gflops: number;
  medianGflops: number;
  calls: number;
}

/** Each block: calls of ~`msPerCall` after one warm-up; none where WebAssembly SIMD is missing. */
export function measureMicrokernelPeaks(calls = 15, msPerCall = 20, k = 256): MicrokernelPeak[] {
  const kernel = createMicrokernel();
  if (!kernel) return [];
  return MICROKERNEL_BLOCKS.map((block) => {
    const rows = BLOCK_ROWS[block];
    const a = packA(
      Float32Array.from({ length: rows * k }, (_, i) => (i % 7) / 7),
      rows,
      k,
    );
    const b = Float32Array.from({ length: k * BLOCK_COLUMNS }, (_, i) => (i % 5) / 5);
    const flopsPerPass = 2 * rows * BLOCK_COLUMNS * k;
    // Calibrate the passes per call on a warm-up call.
    let reps = 1000;
    let t0 = performance.now();
    kernel.run(block, a, b, k, reps);
    reps = Math.max(1, Math.round((reps * msPerCall) / Math.max(0.1, performance.now() - t0)));
    const rates: number[] = [];
    for (let c = 0; c < calls; c++) {
      t0 = performance.now();
      kernel.run(block, a, b, k, reps);
      rates.push((flopsPerPass * reps) / ((performance.now() - t0) * 1e6));
    }
    rates.sort((x, y) => x - y);
    return {
      block,
      k,
      gflops: rates[rates.length - 1],
      medianGflops: rates[Math.floor(rates.length / 2)],
      calls,
    };
  });
}
