/**
 * A stage's learners in two workers: this one trains some (a LearnerLockstep of its own), the
 * partner trains the others on the same batch at the same time (partnerHost.ts), and a step ends
 * when both have taken it. The partner's terms are recorded here as if trained here, so the run's
 * history, evaluations and results are the same as with one worker (partner.test.ts checks that).
 *
 * The partner's learners also live here, as copies that evaluations, the soft-target panel,
 * drawing, export and the size panel read. Their weights come back with the step before each
 * evaluation and at the stage's end, every `syncMs` while training (so what the page shows of
 * them is at most that old), and whenever training stops (`syncWeights`).
 */
import type { MatMul } from '../../kernels/denseMatMul.ts';
import type { Mlp } from '../../models/mlp.ts';
import type { LearnerLockstep, StepMeter, StepRecorder } from '../learnerLockstep.ts';
import type { LearnerMember } from '../members.ts';
import type { LiveHyper } from '../protocol.ts';
import type { PartnerLink } from './partnerLink.ts';
import type { PartnerReply, PartnerStage } from './partnerProtocol.ts';
import { readLearnerWeights, writeLearnerWeights } from './learnerWeights.ts';

export const WAITING = 'waiting';

/** The partner failed or went silent: the run pauses with this sentence (session.ts). */
export class PartnerLost extends Error {
  constructor(why: string) {
    super(
      `Training paused: the second training worker stopped (${why}). What was trained and measured so far is kept; press Reset to train again in one worker.`,
    );
  }
}

type Stepped = Extract<PartnerReply, { type: 'stepped' }>;

export interface ParallelOptions {
  evalEvery: number;
  /** Longest time between two weight updates from the partner while training; default 500 ms. */
  syncMs?: number;
}

export class ParallelLockstep {
  private pending: { step: number; localFailure: string | null; reply: Stepped | null } | null =
    null;
  private wake: (() => void)[] = [];
  private lastSync = 0;
  private syncedStep = 0;
  private weightsReply: Record<string, Float32Array[]> | null = null;
  private readonly byId: Map<string, LearnerMember>;
  private readonly totalSteps: number;
  private readonly stageId: number;

  constructor(
    private readonly local: LearnerLockstep,
    /** Every learner of the stage, in the recipe's order. */
    private readonly learners: readonly LearnerMember[],
    remote: readonly LearnerMember[],
    private readonly link: PartnerLink,
    stage: Omit<PartnerStage, 'learners' | 'id'>,
    private readonly options: ParallelOptions,
  ) {
    this.byId = new Map(remote.map((l) => [l.spec.id, l]));
    this.stageId = link.nextStageId();
    this.totalSteps = stage.recipe.schedule.epochs * local.stepsPerEpoch;
    link.listen((reply) => this.receive(reply));
    const weights = remote.map((l) => readLearnerWeights(l));
    link.post(
      {
        type: 'stage',
        stage: {
          ...stage,
          id: this.stageId,
          learners: remote.map((l, i) => ({ spec: l.spec, weights: weights[i] })),
        },
      },
      weights.flat().map((a) => a.buffer as ArrayBuffer),
    );
    this.lastSync = performance.now();
  }

  /** Steps both workers have completed. */
  get step(): number {
    return this.pending ? this.local.step - 1 : this.local.step;
  }

  get stepsPerEpoch(): number {
    return this.local.stepsPerEpoch;
  }

  get epoch(): number {
    return this.step / this.local.stepsPerEpoch;
  }

  get finished(): boolean {
    return !this.pending && this.local.finished;
  }

  /** A step is under way: this worker's half is done, the partner's not yet recorded. */
  get busy(): boolean {
    return this.pending !== null;
  }

  get members(): string[] {
    return this.learners.map((l) => l.spec.id);
  }

  get seenClassCounts(): number[] {
    return this.local.seenClassCounts;
  }

  evaluated(): { id: string; model: Mlp }[] {
    return this.learners.map((l) => ({ id: l.spec.id, model: l.model }));
  }

  /**
   * Starts a step in both workers and trains this worker's half, or records a started step once
   * the partner has answered; WAITING until it has. Returns why it diverged, or null.
   */
  trainStep(
    live: LiveHyper,
    matMul: MatMul,
    history: StepRecorder,
    meter: StepMeter,
  ): string | null | typeof WAITING {
    this.throwIfLost();
    if (!this.pending) {
      const step = this.local.step;
      const next = step + 1;
      const sendWeights =
        next % this.options.evalEvery === 0 ||
        next >= this.totalSteps ||
        performance.now() - this.lastSync >= (this.options.syncMs ?? 500);
      this.link.post({
        type: 'step',
        stageId: this.stageId,
        step,
        hyper: { ...live },
        sendWeights,
      });
      // The step's end is recorded below, once the partner's terms are in.
      const half: StepRecorder = {
        recordTerms: (...args) => history.recordTerms(...args),
        endStep: () => {},
      };
      const localFailure = this.local.trainStep(live, matMul, half, meter);
      this.pending = { step, localFailure, reply: null };
    }
    const { step, localFailure, reply } = this.pending;
    if (!reply) return WAITING;
    this.pending = null;
    let failure = localFailure;
    for (const r of reply.results) {
      const learner = this.byId.get(r.id);
      if (!learner) continue;
      meter.record(r.id, this.local.batchSize, r.ms);
      history.recordTerms(r.id, learner.termNames, r.values, r.gradNorms);
      const bad = r.values.find((v) => !Number.isFinite(v));
      if (bad !== undefined)
        failure ??= `the loss of the ${learner.spec.label} became ${bad} at step ${step + 1}`;
    }
    if (reply.weights) this.apply(reply.weights, step + 1);
    if (!failure) history.endStep(this.epoch);
    return failure;
  }

  /** Resolves when the partner has answered (or failed). */
  waiting(): Promise<void> {
    if (!this.pending || this.pending.reply || this.link.failure) return Promise.resolve();
    return this.answer();
  }

  /** The partner's learners' current weights here, when training has stopped; true if new. */
  async syncWeights(): Promise<boolean> {
    if (this.link.failure || this.pending || this.syncedStep === this.step) return false;
    const step = this.step;
    this.link.post({ type: 'weights', stageId: this.stageId });
    await this.answer();
    const weights = this.weightsReply;
    this.weightsReply = null;
    if (!weights || this.pending) return false;
    this.apply(weights, step);
    return true;
  }

  /** The stage is over (its last weights are here): the partner frees its copies. */
  dispose(): void {
    this.link.post({ type: 'end', stageId: this.stageId });
    this.link.listen(null);
    this.wakeAll();
  }

  private receive(reply: PartnerReply): void {
    // A reply to an earlier stage or run (a reset while the partner was stepping) is not ours.
    if (reply.type === 'ready') return;
    if (reply.type !== 'error' && reply.stageId !== this.stageId) return;
    if (reply.type === 'stepped' && this.pending?.step === reply.step) this.pending.reply = reply;
    if (reply.type === 'weights') this.weightsReply = reply.weights;
    this.wakeAll();
  }

  /** The partner's next reply (or its failure); a partner silent too long has failed. */
  private answer(): Promise<void> {
    return new Promise((resolve) => {
      const { answerTimeoutMs } = this.link;
      const timer = setTimeout(
        () => this.link.fail(`no answer in ${answerTimeoutMs / 1000} s`),
        answerTimeoutMs,
      );
      this.wake.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private wakeAll(): void {
    const wake = this.wake;
    this.wake = [];
    for (const resolve of wake) resolve();
  }

  private apply(weights: Record<string, Float32Array[]>, step: number): void {
    for (const [id, arrays] of Object.entries(weights)) {
      const learner = this.byId.get(id);
      if (learner) writeLearnerWeights(learner, arrays);
    }
    this.syncedStep = step;
    this.lastSync = performance.now();
  }

  private throwIfLost(): void {
    if (this.link.failure) throw new PartnerLost(this.link.failure);
  }
}

/**
 * Which of a stage's learners the partner trains: the two halves as even in parameters as a
 * greedy split makes them, this worker keeping the first. Null when there is nothing to split.
 */
export function splitLearners(
  learners: readonly LearnerMember[],
  parametersOf: (l: LearnerMember) => number,
): { local: LearnerMember[]; remote: LearnerMember[] } | null {
  if (learners.length < 2) return null;
  const load = [0, 0];
  const side = new Map<LearnerMember, number>();
  const heaviestFirst = [...learners].sort((a, b) => parametersOf(b) - parametersOf(a));
  for (const l of heaviestFirst) {
    const k = load[0] <= load[1] ? 0 : 1;
    side.set(l, k);
    load[k] += parametersOf(l);
  }
  const local = learners.filter((l) => side.get(l) === 0);
  const remote = learners.filter((l) => side.get(l) === 1);
  return remote.length > 0 && local.length > 0 ? { local, remote } : null;
}
