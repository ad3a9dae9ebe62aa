/** Messages of the learners-in-parallel bench: the page (pairPage.ts) and its pair workers. */

export type PairLearner = 'distilled' | 'control';

export type PairCommand =
  | { type: 'init'; learners: PairLearner[]; batchSize: number; examples: number; warmup: number }
  | { type: 'go' }
  | { type: 'stop' };

export type PairEvent =
  | { type: 'ready'; backend: string; threads: number | null }
  | { type: 'done'; learners: PairLearner[]; stepEnds: number[] }
  | { type: 'error'; message: string };

/** One window of the run: throughput of the pair and what the page felt meanwhile. */
export interface PairWindow {
  seconds: number;
  /** Steps both learners completed in the window, per second (each learner's slowest count). */
  pairStepsPerSec: number;
  /** pairStepsPerSec × batch: examples each learner of the pair trains on per second. */
  samplesPerSec: number;
  /** Main-thread long tasks (> 50 ms) that started in the window. */
  longTasks: number;
}

export interface PairResult {
  /** 1: one worker steps both learners in lockstep; 2: a worker per learner; 0: none (baseline). */
  workers: number;
  hardwareConcurrency: number;
  backend: string;
  threads: number | null;
  batchSize: number;
  /** Training while nobody touches the page. */
  idle: PairWindow;
  /** Training while the slider is dragged, with input → next paint latencies, ms. */
  drag: PairWindow & { inputs: number; p50: number; p95: number; max: number };
}
