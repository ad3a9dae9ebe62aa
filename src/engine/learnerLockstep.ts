/**
 * One stage of learners in lockstep: every learner sees the same batch, in the same order, one
 * step each per tick; only their objectives (and the teachers they listen to) differ. Batch
 * shapes are fixed (the partial last batch is dropped), batch buffers are allocated once.
 */
import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import { fillBatch, seededPermutation } from '../data/batches.ts';
import { IMAGE_SIZE, NUM_CLASSES } from '../data/mnistAssets.ts';
import type { DistillHyper } from '../kd/objective.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import { LOSS_WINDOW } from './history.ts';
import type { LearnerMember } from './members.ts';
import type { LiveHyper } from './protocol.ts';
import type { Recipe } from './recipe.ts';
import type { TeacherOutputCache } from './teacherCache.ts';
import { objectiveStep } from './steps.ts';
import { targetSource, type TargetSource } from './targets.ts';

/** Where a step's loss terms go (RunHistory; the partner worker collects them to send back). */
export interface StepRecorder {
  recordTerms(
    member: string,
    names: readonly string[],
    values: readonly number[],
    gradNorms?: readonly number[],
  ): void;
  endStep(epoch: number): void;
}

/** Where a step's time goes (ThroughputMeter). */
export interface StepMeter {
  record(member: string, samples: number, milliseconds: number): void;
}

export class LearnerLockstep {
  step = 0;
  readonly stepsPerEpoch: number;
  readonly batchSize: number;
  /** Labels of the examples trained on so far in this stage, per class. */
  readonly seenClassCounts = new Array<number>(NUM_CLASSES).fill(0);
  private order: Int32Array = new Int32Array(0);
  private orderEpoch = -1;
  private readonly pixels: Float32Array;
  private readonly labels: Int32Array;
  private readonly indices: Int32Array;
  private readonly targets: Float32Array[];
  private readonly hintBuffers: Float32Array[] = [];
  private readonly sources: TargetSource[];

  constructor(
    private readonly train: MnistSplit,
    private readonly transfer: Int32Array,
    private readonly recipe: Recipe,
    private readonly learners: readonly LearnerMember[],
    private readonly cache: TeacherOutputCache,
    private readonly stageIndex: number,
  ) {
    this.batchSize = Math.min(recipe.schedule.batchSize, transfer.length);
    this.stepsPerEpoch = Math.floor(transfer.length / this.batchSize);
    this.pixels = new Float32Array(this.batchSize * IMAGE_SIZE);
    this.labels = new Int32Array(this.batchSize);
    this.indices = new Int32Array(this.batchSize);
    this.targets = learners.map(() => new Float32Array(this.batchSize * NUM_CLASSES));
    this.sources = learners.map((l) => targetSource(recipe, l.spec.teachers, l.spec.combine));
  }

  get members(): string[] {
    return this.learners.map((l) => l.spec.id);
  }

  /** In one worker a step never waits (stageLockstep.ts: in two, it may). */
  readonly busy = false;

  waiting(): Promise<void> {
    return Promise.resolve();
  }

  syncWeights(): Promise<boolean> {
    return Promise.resolve(false);
  }

  dispose(): void {}

  get epoch(): number {
    return this.step / this.stepsPerEpoch;
  }

  get finished(): boolean {
    return this.step >= this.recipe.schedule.epochs * this.stepsPerEpoch;
  }

  /** The models a test-set evaluation of this stage covers. */
  evaluated(): { id: string; model: Mlp }[] {
    return this.learners.map((l) => ({ id: l.spec.id, model: l.model }));
  }

  /** Positions in the transfer set, shuffled per epoch (seeded: the same for every learner). */
  private positions(): { positions: Int32Array; start: number } {
    const epoch = Math.floor(this.step / this.stepsPerEpoch);
    if (this.orderEpoch !== epoch) {
      const stageOffset = this.stageIndex * 10_007;
      this.order = seededPermutation(
        this.transfer.length,
        this.recipe.seed * 1000 + 500 + epoch + stageOffset,
      );
      this.orderEpoch = epoch;
    }
    return { positions: this.order, start: (this.step % this.stepsPerEpoch) * this.batchSize };
  }

  /** Each learner's T and α for this batch: its own if the recipe fixes them, else the sliders'. */
  private hyperOf(learner: LearnerMember, live: LiveHyper): DistillHyper {
    const { temperature, alpha } = learner.spec.objective;
    // Without labels only the soft term can teach: α is 0 whatever the slider says.
    return {
      temperature: temperature ?? live.temperature,
      alpha: this.recipe.transfer.labels ? (alpha ?? live.alpha) : 0,
    };
  }

  /** One step of every learner on the same batch; returns why it diverged, or null. */
  trainStep(
    live: LiveHyper,
    matMul: MatMul,
    history: StepRecorder,
    meter: StepMeter,
  ): string | null {
    const size = this.batchSize;
    const { positions, start } = this.positions();
    // Teacher outputs are cached by transfer-set position; images and labels by training index.
    for (let b = 0; b < size; b++) this.indices[b] = this.transfer[positions[start + b]];
    fillBatch(this.train, this.indices, 0, size, this.pixels, this.labels);
    for (let b = 0; b < size; b++) this.seenClassCounts[this.labels[b]]++;
    const x = tf.tensor2d(this.pixels, [size, IMAGE_SIZE]);
    const labels = tf.tensor1d(this.labels, 'int32');
    const measureGradients = this.step % LOSS_WINDOW === 0;
    let failure: string | null = null;
    try {
      this.learners.forEach((learner, k) => {
        if (failure) return;
        const hyper = this.hyperOf(learner, live);
        let teacherLogits: tf.Tensor2D | undefined;
        let teacherHint: tf.Tensor2D | undefined;
        if (learner.hint) {
          const units = this.cache.hiddenUnits(learner.hint.teacher);
          const out = (this.hintBuffers[k] ??= new Float32Array(size * units));
          this.cache.hintTargets(learner.hint.teacher, positions, start, size, out);
          teacherHint = tf.tensor2d(out, [size, units]);
        }
        if (learner.spec.teachers.length > 0) {
          const out = this.targets[k];
          this.cache.targets(this.sources[k], hyper.temperature, positions, start, size, out);
          teacherLogits = tf.tensor2d(out, [size, NUM_CLASSES]);
        }
        const t0 = performance.now();
        try {
          const result = objectiveStep(
            learner.model,
            learner.optimizer,
            { x, labels, teacherLogits, teacherHint },
            learner.objective,
            hyper,
            learner.spec.objective.params ?? {},
            { matMul, measureGradients, hint: learner.hint },
          );
          meter.record(learner.spec.id, size, performance.now() - t0);
          history.recordTerms(learner.spec.id, learner.termNames, result.values, result.gradNorms);
          const bad = result.values.find((v) => !Number.isFinite(v));
          if (bad !== undefined)
            failure = `the loss of the ${learner.spec.label} became ${bad} at step ${this.step + 1}`;
        } finally {
          teacherLogits?.dispose();
          teacherHint?.dispose();
        }
      });
    } finally {
      tf.dispose([x, labels]);
    }
    this.step++;
    if (!failure) history.endStep(this.epoch);
    return failure;
  }
}
