import type { BackendName, BackendRequest, StudentSize } from '../engine/protocol.ts';

export interface BenchRequest {
  backend: BackendRequest;
  batchSizes: number[];
  studentSizes: StudentSize[];
  /** Timed steps per measurement (after warm-up). */
  steps: number;
}

export interface StepTiming {
  model: 'teacher' | 'distilled' | 'control';
  studentSize: StudentSize | null;
  batchSize: number;
  samplesPerSec: number;
  msPerStep: number;
  /** Achieved GFLOP/s: 3 × forward FLOPs per sample (forward + two backward matmuls). */
  gflops: number;
}

export interface BenchResult {
  requested: BackendRequest;
  backend: BackendName;
  reason: string;
  timings: StepTiming[];
  numTensorsBefore: number;
  numTensorsAfter: number;
}
