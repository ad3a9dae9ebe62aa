/**
 * The state machine of one run of a recipe: teachers trained here (if any) → each stage's
 * teachers' outputs cached on the transfer set → that stage's learners in lockstep on the same
 * batches → … → done, with test-set evaluations in between. Each `tick()` does one small unit of
 * work (a step, a cache chunk or an evaluation chunk) so a loop can yield between ticks. No DOM,
 * no messaging, no loop: session.ts drives it, the same in a worker, in Node and in the tests.
 */
import { buildTransferSet } from '../data/transferSet.ts';
import { NUM_CLASSES } from '../data/mnistAssets.ts';
import type { Mlp } from '../models/mlp.ts';
import { EvaluationJob } from './evaluation.ts';
import { RunHistory } from './history.ts';
import {
  buildLearners,
  buildTeachers,
  disposeMembers,
  rosterEntries,
  type LearnerMember,
  type TeacherMember,
} from './members.ts';
import type { LiveHyper, Phase, Progress, RosterEntry } from './protocol.ts';
import type { RunData, RunOptions, TickResult } from './runTypes.ts';
import { validateRecipe, type Recipe } from './recipe.ts';
import { recordFinishedEvaluation } from './references.ts';
import { describeProgress } from './runProgress.ts';
import { adoptLearnerTeachers, copyEarlierLearners, uncachedTeachers } from './stageStart.ts';
import { sampleLogitsOf } from './sampleLogits.ts';
import { TeacherOutputCache } from './teacherCache.ts';
import { say, WordedError } from './messageWords.ts';
import { TeacherTrainer } from './teacherTraining.ts';
import { ThroughputMeter } from './throughput.ts';
import { WAITING } from './partner/parallelLockstep.ts';
import { stageLockstep, type StageLockstep } from './stageLockstep.ts';

export type { RunData, RunOptions, TickResult } from './runTypes.ts';

export class Run {
  phase: Phase = 'ready';
  hyper: LiveHyper;
  divergence = '';
  readonly roster: RosterEntry[];
  /** Indices into the training split of the examples the learners may train on. */
  readonly transfer: Int32Array;
  readonly history = new RunHistory();
  readonly meter = new ThroughputMeter();
  /** Each member's latest test-set logits (teachers once, learners at each evaluation). */
  readonly testLogits = new Map<string, Float32Array>();
  lastEvaluation: { id: number; epoch: number; logits: Map<string, Float32Array> } | null = null;
  readonly teachers: TeacherMember[];
  readonly learners: LearnerMember[];
  private readonly cache: TeacherOutputCache;
  private readonly stages: number[];
  private stageIndex = 0;
  private readonly toTrain: TeacherTrainer[];
  private lockstep: StageLockstep | null = null;

  /** The current stage's learners in lockstep (a step may wait for the partner: session.ts). */
  get stageLockstep(): StageLockstep | null {
    return this.lockstep;
  }
  private evaluation: EvaluationJob | null = null;
  private evaluationCount = 0;
  private teachersEvaluated = false;
  /** Teachers trained here that finished since the last evaluation of teachers. */
  private readonly finishedTeachers = new Set<string>();

  constructor(
    private readonly data: RunData,
    readonly recipe: Recipe,
    hyper: LiveHyper,
    private readonly options: RunOptions,
  ) {
    validateRecipe(recipe);
    this.hyper = { ...hyper };
    const { schedule } = recipe;
    this.teachers = buildTeachers(recipe, options.pretrained ?? new Map(), schedule.learningRate);
    this.learners = buildLearners(recipe);
    this.roster = rosterEntries(this.teachers, this.learners);
    this.transfer = buildTransferSet(data.train, { ...recipe.transfer, seed: recipe.seed });
    if (this.transfer.length === 0) throw new WordedError(say('engine.emptyTransfer'));
    this.cache = new TeacherOutputCache(data.train, this.transfer);
    this.stages = [...new Set(this.learners.map((l) => l.stage))].sort((a, b) => a - b);
    this.toTrain = this.teachers
      .filter((t) => t.spec.source.kind === 'train')
      .map((t) => new TeacherTrainer(t, data.train, schedule.batchSize, schedule.learningRate));
  }

  /** The learners that train in the current stage. */
  private get stageLearners(): LearnerMember[] {
    return this.learners.filter((l) => l.stage === this.stage && l.trains);
  }

  get stage(): number {
    return this.stages[this.stageIndex] ?? 0;
  }

  get epoch(): number {
    if (this.phase === 'teachers') return this.toTrain[0]?.epoch ?? 0;
    return this.lockstep?.epoch ?? 0;
  }

  get step(): number {
    if (this.phase === 'teachers') return this.toTrain[0]?.step ?? 0;
    return this.lockstep?.step ?? 0;
  }

  /** Training steps taken by any member so far. */
  totalSteps = 0;

  get evaluating(): boolean {
    return this.evaluation !== null;
  }

  get seenClassCounts(): number[] {
    return this.lockstep?.seenClassCounts ?? new Array<number>(NUM_CLASSES).fill(0);
  }

  get progress(): Progress {
    const pending =
      this.phase === 'caching'
        ? uncachedTeachers(this.recipe, this.teachers, this.stageLearners, this.cache)
        : [];
    const cachingId = pending[0]?.spec.id;
    return describeProgress({
      phase: this.phase,
      evaluation: this.evaluation,
      testCount: this.data.test.count,
      teacher: this.toTrain[0],
      caching: {
        members: pending.map((t) => t.spec.id),
        done: cachingId ? this.cache.done(cachingId) : this.transfer.length,
        total: this.transfer.length,
      },
      learners: {
        done: this.epoch,
        total: this.recipe.schedule.epochs,
        members: this.lockstep?.members ?? [],
      },
    });
  }

  /** Evaluates the teachers that are ready (loaded), so their errors show before training. */
  evaluateReadyTeachers(): void {
    if (this.teachersEvaluated || this.evaluation) return;
    const ready = this.teachers.filter((t) => t.spec.source.kind === 'pretrained');
    this.teachersEvaluated = true;
    if (ready.length > 0) this.evaluateTeachers(ready, 0);
  }

  /** Stops training teachers here: they are used as they are now. */
  finishTeachers(): void {
    if (this.phase !== 'ready' && this.phase !== 'teachers') return;
    for (const t of this.toTrain) {
      t.finish();
      this.finishedTeachers.add(t.member.spec.id);
    }
    this.toTrain.length = 0;
    this.evaluation = null;
    // Every teacher is evaluated as it is now: once if loaded, at the end if trained here.
    const pending = this.teachers.filter(
      (t) => t.model && (!this.testLogits.has(t.spec.id) || this.finishedTeachers.has(t.spec.id)),
    );
    this.finishedTeachers.clear();
    if (pending.length > 0) this.evaluateTeachers(pending, this.epoch);
    this.teachersEvaluated = true;
    this.phase = this.stages.length > 0 ? 'caching' : 'done';
  }

  tick(): TickResult {
    if (this.evaluation) return this.evaluationTick();
    switch (this.phase) {
      case 'ready':
        if (this.toTrain.length === 0) {
          this.finishTeachers();
        } else {
          this.phase = 'teachers';
          this.evaluateTeachers([this.toTrain[0].member], 0);
        }
        return 'phase-changed';
      case 'teachers':
        return this.teacherTick();
      case 'caching':
        return this.cacheTick();
      case 'learners':
        return this.learnersTick();
      default:
        return 'idle';
    }
  }

  /** Logits (count × 10) of each member with weights, for the sample digits. */
  sampleLogits(indices: readonly number[]): Record<string, Float32Array> {
    return sampleLogitsOf(this, this.data.test, indices);
  }

  dispose(): void {
    this.lockstep?.dispose();
    disposeMembers(this.teachers, this.learners);
  }

  private teacherTick(): TickResult {
    const trainer = this.toTrain[0];
    const id = trainer.member.spec.id;
    const ce = trainer.recordedStep(this.options.matMul, this.meter, this.history, this.options);
    this.totalSteps++;
    if (!Number.isFinite(ce))
      return this.diverged(
        `the loss of ${trainer.member.spec.label} became ${ce} at step ${trainer.step}`,
      );
    if (trainer.finished) {
      trainer.finish();
      this.toTrain.shift();
      this.finishedTeachers.add(id);
      // The next teacher starts at once; this one is evaluated as it ends (all of them, at the last).
      if (this.toTrain.length === 0) this.finishTeachers();
      else this.evaluateTeachers([trainer.member], trainer.epoch);
      return 'phase-changed';
    }
    if (trainer.step % this.recipe.schedule.evalEvery === 0)
      this.evaluateTeachers([trainer.member], trainer.epoch);
    return 'trained';
  }

  private cacheTick(): TickResult {
    adoptLearnerTeachers(this.teachers, this.learners, this.stage, this.testLogits, this.history);
    const pending = uncachedTeachers(this.recipe, this.teachers, this.stageLearners, this.cache);
    if (pending.length > 0) {
      // validateRecipe made sure a teacher from a learner comes from an earlier stage.
      const t = pending[0];
      const hinted = this.stageLearners.find((l) => l.hint?.teacher === t.spec.id);
      const { id, dropoutWhileTeaching: dropout } = t.spec;
      this.cache.fillChunk(id, t.model!, hinted?.hint?.teacherLayer, dropout);
      return 'trained';
    }
    copyEarlierLearners(this.learners, this.stage);
    this.lockstep = stageLockstep({
      train: this.data.train,
      transfer: this.transfer,
      recipe: this.recipe,
      learners: this.stageLearners,
      cache: this.cache,
      stageIndex: this.stageIndex,
      partner: this.options.partner,
    });
    this.history.resetWindow();
    this.phase = 'learners';
    this.startEvaluation(this.lockstep.evaluated(), 0);
    return 'phase-changed';
  }

  private learnersTick(): TickResult {
    const lockstep = this.lockstep!;
    const failure = lockstep.trainStep(this.hyper, this.options.matMul, this.history, this.meter);
    if (failure === WAITING) return 'waiting';
    this.totalSteps++;
    if (failure) return this.diverged(failure);
    if (lockstep.finished) {
      lockstep.dispose();
      this.startEvaluation(lockstep.evaluated(), lockstep.epoch);
      this.stageIndex++;
      this.phase = this.stageIndex < this.stages.length ? 'caching' : 'done';
      return 'phase-changed';
    }
    if (lockstep.step % this.recipe.schedule.evalEvery === 0)
      this.startEvaluation(lockstep.evaluated(), lockstep.epoch);
    return 'trained';
  }

  private diverged(what: string): TickResult {
    this.divergence = `Training paused: ${what}. Lower the learning rate and press Reset.`;
    return 'diverged';
  }

  private startEvaluation(models: { id: string; model: Mlp }[], epoch: number): void {
    this.evaluation = new EvaluationJob(this.data.test, models, epoch);
  }

  private evaluateTeachers(teachers: readonly TeacherMember[], epoch: number): void {
    this.startEvaluation(
      teachers.map((t) => ({ id: t.spec.id, model: t.model! })),
      epoch,
    );
  }

  private evaluationTick(): TickResult {
    const job = this.evaluation!;
    if (!job.runChunk()) return 'trained';
    this.evaluation = null;
    const id = ++this.evaluationCount;
    this.lastEvaluation = recordFinishedEvaluation(
      job,
      id,
      this.recipe,
      this.learners,
      this.testLogits,
      this.history,
      this.data.test.labels,
    );
    return 'phase-changed';
  }
}
