import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import { fillBatch } from '../data/batches.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { countErrors } from '../kd/index.ts';
import type { Mlp } from '../models/mlp.ts';
import { predictLogits } from './steps.ts';

/** Test images per evaluation chunk: 10,000 divides evenly, so GPU shapes stay fixed. */
const EVAL_CHUNK = 1000;

/**
 * Errors on the whole test set for a few members, computed a chunk at a time so the loop can
 * yield between chunks (a 10k-image teacher pass is ~2 s on WASM).
 */
export class EvaluationJob {
  private offset = 0;
  private readonly errorCounts = new Map<string, number>();
  /** Each member's logits on the whole test set (count × 10), for per-class results and fidelity. */
  readonly logits = new Map<string, Float32Array>();
  private readonly pixels = new Float32Array(EVAL_CHUNK * IMAGE_SIZE);
  private readonly labels = new Int32Array(EVAL_CHUNK);

  constructor(
    private readonly test: MnistSplit,
    private readonly models: { id: string; model: Mlp }[],
    readonly epoch: number,
  ) {
    for (const { id } of models) {
      this.errorCounts.set(id, 0);
      this.logits.set(id, new Float32Array(test.count * NUM_CLASSES));
    }
  }

  get fraction(): number {
    return this.offset / this.test.count;
  }

  get testCount(): number {
    return this.test.count;
  }

  get members(): string[] {
    return this.models.map((m) => m.id);
  }

  /** Evaluates the next chunk; true when the whole test set is done. */
  runChunk(): boolean {
    const size = Math.min(EVAL_CHUNK, this.test.count - this.offset);
    const order = Int32Array.from({ length: size }, (_, i) => this.offset + i);
    fillBatch(this.test, order, 0, size, this.pixels, this.labels);
    const labels = this.labels.subarray(0, size);
    const x = tf.tensor2d(this.pixels.subarray(0, size * IMAGE_SIZE), [size, IMAGE_SIZE]);
    try {
      for (const { id, model } of this.models) {
        const logits = predictLogits(model, x);
        this.logits.get(id)!.set(logits, this.offset * NUM_CLASSES);
        this.errorCounts.set(
          id,
          this.errorCounts.get(id)! + countErrors(logits, labels, NUM_CLASSES),
        );
      }
    } finally {
      x.dispose();
    }
    this.offset += size;
    return this.offset >= this.test.count;
  }

  /** Runs every remaining chunk (scripts and tests that need not yield). */
  runToEnd(): void {
    while (!this.runChunk());
  }

  errors(): [string, number][] {
    return [...this.errorCounts.entries()];
  }
}
