import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import { fillBatch, gatherRows, seededPermutation } from '../data/batches.ts';
import { buildTransferSet } from '../data/transferSet.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import { createStudent, createTeacher } from '../models/architectures.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import { cloneMlp, disposeMlp } from '../models/mlp.ts';
import { assignMlpWeights, type MlpWeightsJson } from '../models/weightsFile.ts';
import { EvaluationJob, type ModelRole } from './evaluation.ts';
import type {
  TestEvaluation,
  AccuracyPoint,
  EngineConfig,
  LiveHyper,
  LossPoint,
  Phase,
  Throughput,
} from './protocol.ts';
import { distillStep, hardLabelStep, predictLogits, type DistillLoss } from './steps.ts';
import { ThroughputMeter } from './throughput.ts';
import { OnePassAdam } from '../kernels/onePassAdam.ts';

/** Loss points are averaged over this many steps, so long runs keep short histories. */
const LOSS_WINDOW = 10;
/** Teacher logits are cached in chunks of this many images, one chunk per tick. */
const CACHE_CHUNK = 1000;

export interface TrainerData {
  train: MnistSplit;
  test: MnistSplit;
}

/** A trained teacher's weights (public/models/teacher.json + .bin). */
export interface TeacherWeights {
  json: MlpWeightsJson;
  bin: ArrayBuffer;
}

const LOSS_TERMS = ['hard', 'soft', 'total', 'control', 'teacher'] as const;

/** What one tick did, so the loop knows whether to post a snapshot at once. */
export type TickResult = 'trained' | 'phase-changed' | 'diverged' | 'idle';

/**
 * The training state machine: teacher → teacher-logit cache → two students in lockstep → done.
 * Each `tick()` does one small unit of work (a step, a cache chunk or an evaluation chunk), so the
 * worker loop can yield between ticks and stay responsive to pause, step and slider changes.
 * No DOM and no messaging here: it runs the same in a worker and in Node.
 */
export class Trainer {
  phase: Phase = 'ready';
  hyper: LiveHyper;
  readonly accuracy: AccuracyPoint[] = [];
  readonly loss: LossPoint[] = [];
  latest: { teacher?: number; distilled?: number; control?: number } = {};
  divergence = '';
  progress = '';
  /** True when the teacher came pretrained (no teacher phase). */
  readonly teacherPretrained: boolean;
  /** Indices into the training split of the examples the students may train on. */
  readonly transfer: Int32Array;
  /** Labels of the examples the students have trained on so far, per class. */
  readonly seenClassCounts = new Array<number>(NUM_CLASSES).fill(0);
  lastEvaluation: TestEvaluation | null = null;

  private readonly teacher: Mlp;
  private readonly distilled: Mlp;
  private readonly control: Mlp;
  private readonly teacherOptimizer: tf.Optimizer;
  private readonly distilledOptimizer: tf.Optimizer;
  private readonly controlOptimizer: tf.Optimizer;
  private readonly teacherStepsPerEpoch: number;
  private readonly studentStepsPerEpoch: number;
  private readonly studentBatch: number;
  private evaluations = 0;
  private readonly meter = new ThroughputMeter();
  private teacherStep = 0;
  private studentStep = 0;
  private order: Int32Array = new Int32Array(0);
  private orderKey = '';
  private teacherLogits: Float32Array | null = null;
  private cached = 0;
  private frozenTeacherSamples: { key: string; logits: Float32Array } | null = null;
  // Reused by every chunk of the teacher-logit cache.
  private readonly cachePixels = new Float32Array(CACHE_CHUNK * IMAGE_SIZE);
  private readonly cacheLabels = new Int32Array(CACHE_CHUNK);
  private evaluation: EvaluationJob | null = null;
  private lossWindow: LossPoint[] = [];
  // Reused batch buffers: one allocation per run, not per step.
  private readonly batchPixels: Float32Array;
  private readonly batchLabels: Int32Array;
  private readonly batchTeacherLogits: Float32Array;

  constructor(
    private readonly data: TrainerData,
    readonly config: EngineConfig,
    hyper: LiveHyper,
    private readonly matMul: MatMul,
    pretrainedTeacher: TeacherWeights | null = null,
  ) {
    this.hyper = { ...hyper };
    this.teacher = createTeacher(config.seed);
    if (pretrainedTeacher)
      assignMlpWeights(this.teacher, pretrainedTeacher.json, pretrainedTeacher.bin);
    this.teacherPretrained = pretrainedTeacher !== null;
    this.transfer = buildTransferSet(data.train, {
      digits: config.transferDigits,
      fraction: config.transferFraction,
      seed: config.seed,
    });
    if (this.transfer.length === 0)
      throw new Error('The transfer set is empty: allow at least one digit.');
    this.distilled = createStudent(config.studentSize, config.seed);
    this.control = cloneMlp(this.distilled, 'control');
    this.teacherOptimizer = new OnePassAdam(config.learningRate);
    this.distilledOptimizer = new OnePassAdam(config.learningRate);
    this.controlOptimizer = new OnePassAdam(config.learningRate);
    // The partial last batch is dropped: fixed shapes avoid shader recompiles on GPU backends.
    this.teacherStepsPerEpoch = Math.floor(data.train.count / config.batchSize);
    this.studentBatch = Math.min(config.batchSize, this.transfer.length);
    this.studentStepsPerEpoch = Math.floor(this.transfer.length / this.studentBatch);
    this.batchPixels = new Float32Array(config.batchSize * IMAGE_SIZE);
    this.batchLabels = new Int32Array(config.batchSize);
    this.batchTeacherLogits = new Float32Array(config.batchSize * NUM_CLASSES);
  }

  get step(): number {
    return this.phase === 'teacher' || this.phase === 'ready' ? this.teacherStep : this.studentStep;
  }

  /** Training steps taken by any model so far (teacher and student steps). */
  get totalSteps(): number {
    return this.teacherStep + this.studentStep;
  }

  get epoch(): number {
    return this.phase === 'teacher' || this.phase === 'ready'
      ? this.teacherStep / this.teacherStepsPerEpoch
      : this.studentStep / this.studentStepsPerEpoch;
  }

  /** The hard-label student trains only when the transfer set has labels. */
  get controlTrains(): boolean {
    return this.config.useLabels;
  }

  private studentRoles(): ModelRole[] {
    return this.controlTrains ? ['distilled', 'control'] : ['distilled'];
  }

  /** The teacher model, e.g. to save its weights. */
  get teacherModel(): Mlp {
    return this.teacher;
  }

  get samplesPerSec(): Throughput {
    return this.meter.rates();
  }

  get evaluating(): boolean {
    return this.evaluation !== null;
  }

  /** Stop training the teacher and go on with the teacher as it is now. */
  finishTeacher(): void {
    if (this.phase !== 'teacher' && this.phase !== 'ready') return;
    const pretrainedDone = this.teacherPretrained && this.latest.teacher !== undefined;
    if (!pretrainedDone) {
      this.evaluation = null;
      this.startEvaluation(['teacher']);
    }
    this.phase = 'caching';
  }

  /** Evaluates a pretrained teacher before training starts, so its test errors show at once. */
  evaluatePretrainedTeacher(): void {
    if (this.teacherPretrained && this.phase === 'ready' && !this.evaluation)
      this.startEvaluation(['teacher']);
  }

  tick(): TickResult {
    if (this.evaluation) return this.evaluationTick();
    switch (this.phase) {
      case 'ready':
        if (this.teacherPretrained) {
          this.finishTeacher();
        } else {
          this.phase = 'teacher';
          this.startEvaluation(['teacher']);
        }
        return 'phase-changed';
      case 'teacher':
        return this.teacherTick();
      case 'caching':
        return this.cacheTick();
      case 'students':
        return this.studentsTick();
      default:
        return 'idle';
    }
  }

  /** Logits (count × 10) of each model for these test images, for the soft-target panel. */
  sampleLogits(indices: readonly number[]): Record<ModelRole, Float32Array> {
    const pixels = new Float32Array(indices.length * IMAGE_SIZE);
    const labels = new Int32Array(indices.length);
    fillBatch(this.data.test, indices, 0, indices.length, pixels, labels);
    const x = tf.tensor2d(pixels, [indices.length, IMAGE_SIZE]);
    // Once the teacher stops training its logits cannot change: compute them once, not per snapshot.
    const frozen = this.phase !== 'ready' && this.phase !== 'teacher';
    const key = indices.join();
    let teacherLogits: Float32Array;
    if (frozen && this.frozenTeacherSamples?.key === key) {
      teacherLogits = this.frozenTeacherSamples.logits;
    } else {
      teacherLogits = predictLogits(this.teacher, x);
      this.frozenTeacherSamples = frozen ? { key, logits: teacherLogits } : null;
    }
    try {
      return {
        // A copy: the worker transfers (detaches) the arrays it posts.
        teacher: teacherLogits.slice(),
        distilled: predictLogits(this.distilled, x),
        control: predictLogits(this.control, x),
      };
    } finally {
      x.dispose();
    }
  }

  dispose(): void {
    for (const m of [this.teacher, this.distilled, this.control]) disposeMlp(m);
    for (const o of [this.teacherOptimizer, this.distilledOptimizer, this.controlOptimizer])
      o.dispose();
  }

  /** The teacher's batch order: a seeded shuffle of the whole training split per epoch. */
  private teacherBatch(step: number): { order: Int32Array; start: number } {
    const epoch = Math.floor(step / this.teacherStepsPerEpoch);
    if (this.orderKey !== `teacher:${epoch}`) {
      this.order = seededPermutation(this.data.train.count, this.config.seed * 1000 + epoch);
      this.orderKey = `teacher:${epoch}`;
    }
    return { order: this.order, start: (step % this.teacherStepsPerEpoch) * this.config.batchSize };
  }

  /** The students' batch order: positions in the transfer set, shuffled per epoch. */
  private studentBatchPositions(step: number): { positions: Int32Array; start: number } {
    const epoch = Math.floor(step / this.studentStepsPerEpoch);
    if (this.orderKey !== `students:${epoch}`) {
      this.order = seededPermutation(this.transfer.length, this.config.seed * 1000 + 500 + epoch);
      this.orderKey = `students:${epoch}`;
    }
    return { positions: this.order, start: (step % this.studentStepsPerEpoch) * this.studentBatch };
  }

  private teacherTick(): TickResult {
    const { batchSize } = this.config;
    const { order, start } = this.teacherBatch(this.teacherStep);
    fillBatch(this.data.train, order, start, batchSize, this.batchPixels, this.batchLabels);
    const t0 = performance.now();
    const x = tf.tensor2d(this.batchPixels, [batchSize, IMAGE_SIZE]);
    const y = tf.tensor1d(this.batchLabels, 'int32');
    let ce: number;
    try {
      const dropoutSeed = this.config.seed * 1e6 + this.teacherStep;
      ce = hardLabelStep(this.teacher, this.teacherOptimizer, x, y, this.matMul, dropoutSeed);
    } finally {
      tf.dispose([x, y]);
    }
    this.meter.record('teacher', batchSize, performance.now() - t0);
    this.teacherStep++;
    if (!Number.isFinite(ce))
      return this.diverged(`the teacher's loss became ${ce} at step ${this.teacherStep}`);
    this.recordLoss({ epoch: this.epoch, teacher: ce });
    this.progress = `training the teacher: epoch ${this.epoch.toFixed(2)} of ${this.config.teacherEpochs}`;
    if (this.teacherStep >= this.config.teacherEpochs * this.teacherStepsPerEpoch) {
      this.finishTeacher();
      return 'phase-changed';
    }
    if (this.teacherStep % this.config.evalEvery === 0) this.startEvaluation(['teacher']);
    return 'trained';
  }

  /** The teacher's logits on the whole transfer set, once: a distillation step then costs no teacher forward. */
  private cacheTick(): TickResult {
    const total = this.transfer.length;
    if (!this.teacherLogits) {
      this.teacherLogits = new Float32Array(total * NUM_CLASSES);
      this.cached = 0;
    }
    const size = Math.min(CACHE_CHUNK, total - this.cached);
    fillBatch(
      this.data.train,
      this.transfer,
      this.cached,
      size,
      this.cachePixels,
      this.cacheLabels,
    );
    const x = tf.tensor2d(this.cachePixels.subarray(0, size * IMAGE_SIZE), [size, IMAGE_SIZE]);
    try {
      this.teacherLogits.set(predictLogits(this.teacher, x), this.cached * NUM_CLASSES);
    } finally {
      x.dispose();
    }
    this.cached += size;
    this.progress = `caching the teacher's logits on the ${total.toLocaleString('en-US')} transfer-set digits: ${Math.round((100 * this.cached) / total)}%`;
    if (this.cached < total) return 'trained';
    this.phase = 'students';
    this.lossWindow = [];
    this.startEvaluation(this.studentRoles());
    return 'phase-changed';
  }

  private studentsTick(): TickResult {
    const batchSize = this.studentBatch;
    const { positions, start } = this.studentBatchPositions(this.studentStep);
    // Teacher logits are cached by transfer-set position; images and labels by training index.
    const indices = positions.subarray(start, start + batchSize).map((p) => this.transfer[p]);
    fillBatch(this.data.train, indices, 0, batchSize, this.batchPixels, this.batchLabels);
    gatherRows(
      this.teacherLogits!,
      NUM_CLASSES,
      positions,
      start,
      batchSize,
      this.batchTeacherLogits,
    );
    for (let b = 0; b < batchSize; b++) this.seenClassCounts[this.batchLabels[b]]++;
    // Without labels only the soft term can teach: α is 0 whatever the slider says.
    const hyper = this.config.useLabels ? { ...this.hyper } : { ...this.hyper, alpha: 0 };
    const x = tf.tensor2d(this.batchPixels.subarray(0, batchSize * IMAGE_SIZE), [
      batchSize,
      IMAGE_SIZE,
    ]);
    const y = tf.tensor1d(this.batchLabels.subarray(0, batchSize), 'int32');
    const zt = tf.tensor2d(this.batchTeacherLogits.subarray(0, batchSize * NUM_CLASSES), [
      batchSize,
      NUM_CLASSES,
    ]);
    let distilled: DistillLoss;
    let controlCe = NaN;
    try {
      let t0 = performance.now();
      distilled = distillStep(
        this.distilled,
        this.distilledOptimizer,
        x,
        y,
        zt,
        hyper,
        this.matMul,
      );
      this.meter.record('distilled', batchSize, performance.now() - t0);
      if (this.controlTrains) {
        t0 = performance.now();
        controlCe = hardLabelStep(this.control, this.controlOptimizer, x, y, this.matMul);
        this.meter.record('control', batchSize, performance.now() - t0);
      }
    } finally {
      tf.dispose([x, y, zt]);
    }
    this.studentStep++;
    if (!Number.isFinite(distilled.total)) {
      return this.diverged(
        `the distilled student's loss became ${distilled.total} at step ${this.studentStep}`,
      );
    }
    if (this.controlTrains && !Number.isFinite(controlCe)) {
      return this.diverged(
        `the control student's loss became ${controlCe} at step ${this.studentStep}`,
      );
    }
    this.recordLoss(
      this.controlTrains
        ? { epoch: this.epoch, ...distilled, control: controlCe }
        : { epoch: this.epoch, ...distilled },
    );
    this.progress = `training both students: epoch ${this.epoch.toFixed(2)} of ${this.config.studentEpochs}`;
    if (this.studentStep >= this.config.studentEpochs * this.studentStepsPerEpoch) {
      this.phase = 'done';
      this.progress = 'done';
      this.startEvaluation(this.studentRoles());
      return 'phase-changed';
    }
    if (this.studentStep % this.config.evalEvery === 0) this.startEvaluation(this.studentRoles());
    return 'trained';
  }

  private diverged(what: string): TickResult {
    this.divergence = `Training paused: ${what}. Lower the learning rate and press Reset.`;
    return 'diverged';
  }

  private recordLoss(point: LossPoint): void {
    this.lossWindow.push(point);
    if (this.lossWindow.length < LOSS_WINDOW) return;
    const last = this.lossWindow[this.lossWindow.length - 1];
    const averaged: LossPoint = { epoch: last.epoch };
    for (const key of LOSS_TERMS) {
      if (last[key] === undefined) continue;
      averaged[key] =
        this.lossWindow.reduce((s, p) => s + (p[key] ?? 0), 0) / this.lossWindow.length;
    }
    this.loss.push(averaged);
    this.lossWindow = [];
  }

  private startEvaluation(roles: ModelRole[]): void {
    const models = { teacher: this.teacher, distilled: this.distilled, control: this.control };
    this.evaluation = new EvaluationJob(
      this.data.test,
      roles.map((role) => ({ role, model: models[role] })),
      this.epoch,
    );
  }

  private evaluationTick(): TickResult {
    const job = this.evaluation!;
    this.progress = `evaluating on the ${this.data.test.count.toLocaleString('en-US')} test digits: ${Math.round(100 * job.fraction)}%`;
    if (!job.runChunk()) return 'trained';
    this.evaluation = null;
    const point: AccuracyPoint = { epoch: job.epoch };
    for (const [role, errors] of job.errors()) {
      point[role] = 1 - errors / this.data.test.count;
      this.latest[role] = errors;
    }
    this.accuracy.push(point);
    this.lastEvaluation = {
      id: ++this.evaluations,
      epoch: job.epoch,
      logits: Object.fromEntries(job.logits),
    };
    return 'phase-changed';
  }
}
