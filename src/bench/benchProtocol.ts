import type { BackendName, BackendRequest } from '../engine/protocol.ts';
import type { StudentSize } from '../models/architectures.ts';
import type { MicrokernelPeak } from './microkernelPeak.ts';
import type { ProductTiming } from './productCeiling.ts';

export interface BenchRequest {
  backend: BackendRequest;
  batchSizes: number[];
  studentSizes: StudentSize[];
  /** Timed steps per measurement, after `warmup` untimed ones. */
  steps: number;
  warmup: number;
  /** Also time the naive peer (teacher forward each step, stock kernels, tf.layers). */
  naive: boolean;
  /** Steps of the memory soak (distilled + control 30-30 students, on the page's main thread,
   * instead of the throughput run); 0 skips it. */
  memorySteps: number;
  /** WASM threads to ask for (only under cross-origin isolation); absent: tfjs's own choice. */
  threads?: number;
  /** After the steps, also time each distinct matrix product of those steps (the ceiling). */
  ceiling?: boolean;
  /** With `ceiling`: also time the SIMD matmul microkernels (the machine limit). */
  microkernel?: boolean;
}

export interface StepTiming {
  model: 'teacher' | 'distilled' | 'control' | 'naive-distilled';
  studentSize: StudentSize | null;
  batchSize: number;
  samplesPerSec: number;
  msPerStep: number;
  /** Achieved GFLOP/s: 3 × forward FLOPs per sample (forward + two backward matmuls). */
  gflops: number;
}

/** One plain matMul's throughput (batch × 784 · 784 × 800): a reference, not a ceiling. */
export interface MatMulTiming {
  m: number;
  k: number;
  n: number;
  gflops: number;
}

export interface MemorySample {
  step: number;
  numTensors: number;
  numBytes: number;
  /** JS heap of the page running the soak, after a GC (performance.memory), else null. */
  heapBytes: number | null;
  /** The WASM backend's linear memory, else null. */
  wasmBytes: number | null;
}

export interface BenchResult {
  /** WASM threads in use (null on other backends), and whether the page was cross-origin isolated. */
  threads: number | null;
  crossOriginIsolated: boolean;
  matMul: MatMulTiming[];
  memory: MemorySample[];
  requested: BackendRequest;
  backend: BackendName;
  reason: string;
  timings: StepTiming[];
  numTensorsBefore: number;
  numTensorsAfter: number;
  /** With `ceiling`: the best time of each distinct product of the requested steps. */
  products?: ProductTiming[];
  microkernel?: MicrokernelPeak[];
}
