/**
 * Training one teacher here, with hard labels (label-smoothed if asked): the recipe's
 * TeacherTraining (epochs, digits, dropout, ±shift-pixel jitter, learning-rate decay, weight averaging). The same code trains the
 * page's "my own teacher" and `npm run train:teacher`'s pretrained one.
 */
import * as tf from '@tensorflow/tfjs';
import seedrandom from 'seedrandom';
import type { MnistSplit } from '../data/batches.ts';
import { fillBatch, seededPermutation } from '../data/batches.ts';
import { fillBatchJittered } from '../data/jitter.ts';
import { IMAGE_SIZE } from '../data/mnistAssets.ts';
import { labelSmoothedLoss } from '../kd/kdLoss.ts';
import type { Objective } from '../kd/objective.ts';
import { objectiveById } from '../kd/objectives.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import { disposeMlp } from '../models/mlp.ts';
import type { TeacherMember } from './members.ts';
import type { TeacherTraining } from './recipe.ts';
import type { RunHistory } from './history.ts';
import type { RunOptions } from './runTypes.ts';
import { objectiveStep } from './steps.ts';
import type { ThroughputMeter } from './throughput.ts';

const HARD = objectiveById('hard');

/** The teacher's loss: CE with the labels, smoothed by ε when its training says so. */
function teacherObjective(epsilon: number | undefined): Objective {
  if (!epsilon) return HARD;
  return {
    ...HARD,
    terms: ({ studentLogits, labels }) => [labelSmoothedLoss(studentLogits, labels, epsilon)],
  };
}
const NO_HYPER = { temperature: 1, alpha: 1 };

export class TeacherTrainer {
  readonly training: TeacherTraining;
  readonly stepsPerEpoch: number;
  /** Steps taken in this session (not counting a resumed teacher's earlier epochs). */
  step = 0;
  /** Mean training CE of the last completed epoch. */
  lastEpochLoss = NaN;
  private epochLossSum = 0;
  private readonly indices: Int32Array;
  private order: Int32Array = new Int32Array(0);
  private orderEpoch = -1;
  private readonly random: () => number;
  private readonly pixels: Float32Array;
  private readonly labels: Int32Array;
  private readonly objective: Objective;

  constructor(
    readonly member: TeacherMember,
    private readonly train: MnistSplit,
    private readonly batchSize: number,
    private readonly learningRate: number,
  ) {
    if (member.spec.source.kind !== 'train') throw new Error('Only a "train" teacher trains here.');
    this.training = member.spec.source.training;
    this.objective = teacherObjective(this.training.labelSmoothing);
    const digits = this.training.digits;
    this.indices = digits
      ? Int32Array.from(train.labels.keys()).filter((i) => digits.includes(train.labels[i]))
      : Int32Array.from(train.labels.keys());
    this.stepsPerEpoch = Math.floor(this.indices.length / batchSize);
    const start = this.training.startEpoch ?? 0;
    this.random = seedrandom(
      `teacher-jitter:${this.training.seed}${start > 0 ? `:from${start}` : ''}`,
    );
    this.pixels = new Float32Array(batchSize * IMAGE_SIZE);
    this.labels = new Int32Array(batchSize);
  }

  get totalSteps(): number {
    return this.training.epochs * this.stepsPerEpoch;
  }

  /** Epochs done in this session, fractional. */
  get epoch(): number {
    return this.step / this.stepsPerEpoch;
  }

  get finished(): boolean {
    return this.step >= this.totalSteps;
  }

  /** One step; returns the batch's CE (the caller checks it is finite). */
  trainStep(matMul: MatMul): number {
    const { seed, shift = 0, learningRateDecay = 1, startEpoch = 0 } = this.training;
    const e = Math.floor(this.step / this.stepsPerEpoch);
    const epoch = startEpoch + e;
    const withinEpoch = this.step % this.stepsPerEpoch;
    if (this.orderEpoch !== epoch) {
      // Batch order per epoch; over the whole split the positions are the training indices.
      const permutation = seededPermutation(this.indices.length, seed * 1000 + epoch);
      this.order = permutation.map((p) => this.indices[p]);
      this.orderEpoch = epoch;
      this.member.optimizer!.learningRate = this.learningRate * learningRateDecay ** e;
    }
    const start = withinEpoch * this.batchSize;
    if (shift > 0) {
      fillBatchJittered(
        this.train,
        this.order,
        start,
        this.batchSize,
        this.pixels,
        this.labels,
        this.random,
        shift,
      );
    } else {
      fillBatch(this.train, this.order, start, this.batchSize, this.pixels, this.labels);
    }
    const { labelMap } = this.training;
    if (labelMap)
      for (let b = 0; b < this.batchSize; b++) this.labels[b] = labelMap[this.labels[b]];
    const x = tf.tensor2d(this.pixels, [this.batchSize, IMAGE_SIZE]);
    const labels = tf.tensor1d(this.labels, 'int32');
    let ce: number;
    try {
      [ce] = objectiveStep(
        this.member.model!,
        this.member.optimizer!,
        { x, labels },
        this.objective,
        NO_HYPER,
        {},
        { matMul, dropoutSeed: seed * 1e7 + epoch * this.stepsPerEpoch + withinEpoch },
      ).values;
    } finally {
      tf.dispose([x, labels]);
    }
    this.epochLossSum += ce;
    if ((this.step + 1) % this.stepsPerEpoch === 0) {
      this.lastEpochLoss = this.epochLossSum / this.stepsPerEpoch;
      this.epochLossSum = 0;
    }
    if (this.member.average)
      updateAverage(this.member.average, this.member.model!, this.training.weightAverage!);
    this.step++;
    return ce;
  }

  /**
   * One step as a run takes it: timed, its CE in the history (unless not finite: the run pauses),
   * and `onTeacherEpoch` told when an epoch ends.
   */
  recordedStep(
    matMul: MatMul,
    meter: ThroughputMeter,
    history: RunHistory,
    options: RunOptions,
  ): number {
    const id = this.member.spec.id;
    const t0 = performance.now();
    const ce = this.trainStep(matMul);
    meter.record(id, this.batchSize, performance.now() - t0);
    if (!Number.isFinite(ce)) return ce;
    history.recordTerms(id, ['hard'], [ce]);
    history.endStep(this.epoch);
    if (this.step % this.stepsPerEpoch === 0)
      options.onTeacherEpoch?.(this.member, this.step / this.stepsPerEpoch, this.lastEpochLoss);
    return ce;
  }

  /** Ends training: the weight average, if kept, becomes the teacher. */
  finish(): void {
    const { member } = this;
    if (member.average) {
      disposeMlp(member.model!);
      member.model = member.average;
      member.average = null;
    }
    member.optimizer?.dispose();
    member.optimizer = null;
  }
}

/** shadow ← d·shadow + (1 − d)·weights, for every variable (Polyak averaging). */
export function updateAverage(shadow: Mlp, model: Mlp, d: number): void {
  tf.tidy(() => {
    const pairs = [
      ...shadow.kernels.map((s, l) => [s, model.kernels[l]] as const),
      ...shadow.biases.map((s, l) => [s, model.biases[l]] as const),
    ];
    for (const [s, w] of pairs) s.assign(s.mul(d).add(w.mul(1 - d)));
  });
}
