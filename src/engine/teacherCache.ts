/**
 * Each teacher's logits on the transfer set, computed once per teacher and transfer set, a chunk
 * per tick. A distillation step then costs no teacher forward pass, and changing T costs nothing:
 * soft targets are softmax(z_t/T) of cached logits. Several teachers' targets (an ensemble) are
 * combined from this cache, batch by batch, never by running the teachers again.
 */
import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import { fillBatch, gatherRows } from '../data/batches.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { combineTargets } from '../kd/combineRule.ts';
import type { Mlp } from '../models/mlp.ts';
import type { TargetSource } from './targets.ts';
import { mlpForward, mlpForwardWithHidden } from '../models/mlp.ts';
import { predictLogits } from './steps.ts';

/** Images per cache chunk, one chunk per tick. */
const CACHE_CHUNK = 1000;

/**
 * A teacher hidden layer on the whole transfer set, 8 bits per activation with one scale per row
 * (ReLU outputs are ≥ 0: value ≈ byte · rowMax / 255): 60,000 × 1,200 units take 72 MB instead of
 * 288 MB as float32. The rounding error, ≤ rowMax / 510, is far below what a hint regresses.
 */
export interface HiddenCache {
  layer: number;
  units: number;
  bytes: Uint8Array;
  scales: Float32Array;
}

/** Teachers' cached outputs by teacher id, as plain arrays (exportTeachers, importTeachers). */
export interface CachedOutputs {
  logits: Record<string, Float32Array>;
  hidden: Record<string, HiddenCache>;
}

export class TeacherOutputCache {
  private readonly logits = new Map<string, Float32Array>();
  private readonly hidden = new Map<string, HiddenCache>();
  private readonly filled = new Map<string, number>();
  // Reused by every chunk.
  private readonly pixels = new Float32Array(CACHE_CHUNK * IMAGE_SIZE);
  private readonly labels = new Int32Array(CACHE_CHUNK);
  private scratch: Float32Array[] = [];

  constructor(
    private readonly train: MnistSplit,
    /** Indices into the training split, in transfer-set order. */
    private readonly transfer: Int32Array,
  ) {}

  has(teacher: string): boolean {
    return this.filled.get(teacher) === this.transfer.length;
  }

  /** Digits cached so far for this teacher. */
  done(teacher: string): number {
    return this.filled.get(teacher) ?? 0;
  }

  /**
   * Caches the next chunk of `model`'s logits (and of its hidden layer `hiddenLayer`, when a
   * learner takes a hint from it); true once the whole transfer set is cached. With `dropout`, the
   * logits are made in training mode with those rates (a teacher left in training mode).
   */
  fillChunk(
    teacher: string,
    model: Mlp,
    hiddenLayer?: number,
    dropout?: { input: number; hidden: number },
  ): boolean {
    const total = this.transfer.length;
    let out = this.logits.get(teacher);
    if (!out) {
      out = new Float32Array(total * NUM_CLASSES);
      this.logits.set(teacher, out);
      this.filled.set(teacher, 0);
    }
    const start = this.filled.get(teacher)!;
    const size = Math.min(CACHE_CHUNK, total - start);
    fillBatch(this.train, this.transfer, start, size, this.pixels, this.labels);
    const x = tf.tensor2d(this.pixels.subarray(0, size * IMAGE_SIZE), [size, IMAGE_SIZE]);
    try {
      if (dropout) {
        const logits = tf.tidy(() =>
          mlpForward({ ...model, dropout }, x, { training: true, dropoutSeed: 104729 + start }),
        );
        out.set(logits.dataSync(), start * NUM_CLASSES);
        logits.dispose();
      } else if (hiddenLayer === undefined) {
        out.set(predictLogits(model, x), start * NUM_CLASSES);
      } else {
        const { logits, hidden } = mlpForwardWithHidden(model, x, {}, hiddenLayer);
        out.set(logits.dataSync(), start * NUM_CLASSES);
        this.storeHidden(teacher, hiddenLayer, model.sizes[hiddenLayer + 1], start, hidden!);
        tf.dispose([logits, hidden!]);
      }
    } finally {
      x.dispose();
    }
    this.filled.set(teacher, start + size);
    return start + size >= total;
  }

  private storeHidden(
    teacher: string,
    layer: number,
    units: number,
    start: number,
    hidden: tf.Tensor2D,
  ): void {
    let cache = this.hidden.get(teacher);
    if (!cache) {
      const total = this.transfer.length;
      cache = {
        layer,
        units,
        bytes: new Uint8Array(total * units),
        scales: new Float32Array(total),
      };
      this.hidden.set(teacher, cache);
    }
    const values = hidden.dataSync();
    const rows = values.length / units;
    for (let r = 0; r < rows; r++) {
      let max = 0;
      for (let u = 0; u < units; u++) max = Math.max(max, values[r * units + u]);
      const scale = max / 255;
      cache.scales[start + r] = scale;
      const base = (start + r) * units;
      for (let u = 0; u < units; u++)
        cache.bytes[base + u] = scale > 0 ? Math.round(values[r * units + u] / scale) : 0;
    }
  }

  /**
   * Copies of these teachers' cached outputs (logits, and a hidden layer where cached), for a
   * second worker that trains some of the learners from the same targets.
   */
  exportTeachers(teachers: Iterable<string>): CachedOutputs {
    const out: CachedOutputs = { logits: {}, hidden: {} };
    for (const id of teachers) {
      const logits = this.logits.get(id);
      if (logits) out.logits[id] = logits.slice();
      const hidden = this.hidden.get(id);
      if (hidden)
        out.hidden[id] = { ...hidden, bytes: hidden.bytes.slice(), scales: hidden.scales.slice() };
    }
    return out;
  }

  /** Outputs exported by another worker's cache, as if computed here. */
  importTeachers(outputs: CachedOutputs): void {
    for (const [id, logits] of Object.entries(outputs.logits)) {
      this.logits.set(id, logits);
      this.filled.set(id, this.transfer.length);
    }
    for (const [id, hidden] of Object.entries(outputs.hidden)) this.hidden.set(id, hidden);
  }

  /** Units of a teacher's cached hidden layer (0 when none is cached). */
  hiddenUnits(teacher: string): number {
    return this.hidden.get(teacher)?.units ?? 0;
  }

  /** A teacher's cached hidden layer for transfer-set positions `positions[start .. start+size)`. */
  hintTargets(
    teacher: string,
    positions: Int32Array,
    start: number,
    size: number,
    out: Float32Array,
  ): void {
    const { units, bytes, scales } = this.hidden.get(teacher)!;
    for (let b = 0; b < size; b++) {
      const p = positions[start + b];
      const scale = scales[p];
      for (let u = 0; u < units; u++) out[b * units + u] = bytes[p * units + u] * scale;
    }
  }

  /**
   * The targets of a learner for transfer-set positions `positions[start .. start+size)`: one
   * teacher's cached logits, or several teachers' combined by `source.rule` at this batch's T.
   */
  targets(
    source: TargetSource,
    temperature: number,
    positions: Int32Array,
    start: number,
    size: number,
    out: Float32Array,
  ): void {
    const { members, rule } = source;
    if (members.length === 1) {
      gatherRows(this.logits.get(members[0])!, NUM_CLASSES, positions, start, size, out);
      return;
    }
    while (this.scratch.length < members.length) this.scratch.push(new Float32Array(out.length));
    const rows = members.map((t, k) => {
      gatherRows(this.logits.get(t)!, NUM_CLASSES, positions, start, size, this.scratch[k]);
      return this.scratch[k].subarray(0, size * NUM_CLASSES);
    });
    combineTargets(rows, size, NUM_CLASSES, rule, temperature, out.subarray(0, size * NUM_CLASSES));
  }
}
