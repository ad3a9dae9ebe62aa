/**
 * The one run loop. A session owns a Run (run.ts) and drives it: play, pause, step, run to the
 * end, with a snapshot callback at most every `snapshotIntervalMs` and at every phase change.
 * No messaging: the worker forwards its callbacks as events, `npm run reproduce` and
 * `npm run train:teacher` call `runToEnd`, the tests call whatever they check.
 */
import * as tf from '@tensorflow/tfjs';
import type { LiveHyper, Roster, Snapshot, TestEvaluation } from './protocol.ts';
import type { Recipe } from './recipe.ts';
import { Run, type RunData, type RunOptions } from './run.ts';
import type { TickResult } from './runTypes.ts';
import { PartnerLost } from './partner/parallelLockstep.ts';

export interface SessionOptions extends RunOptions {
  /** Increases with every run, so the page can drop an older run's messages. */
  runId?: number;
  /** Test digits whose logits each snapshot carries (the soft-target panel). */
  sampleIndices?: readonly number[];
  onSnapshot?: (snapshot: Snapshot) => void;
  /** A finished test-set evaluation, once each (logits are the run's own: copy before transferring). */
  onEvaluation?: (evaluation: TestEvaluation) => void;
  /** Training paused by itself (diverged, or a step failed in the backend), with the reason. */
  onPaused?: (reason: string) => void;
  /** How the loop lets other work run between ticks (the worker: a MessageChannel yield). */
  yieldToLoop?: () => Promise<void>;
  /** Snapshots go out at most this often while playing; default 200 ms (5 per second). */
  snapshotIntervalMs?: number;
}

const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Session {
  readonly run: Run;
  running = false;
  private looping = false;
  private stepping = false;
  private lastSnapshot = 0;
  private postedEvaluation = 0;
  private readonly yieldToLoop: () => Promise<void>;
  private sampleIndices: readonly number[] | undefined;

  constructor(
    private readonly data: RunData,
    recipe: Recipe,
    hyper: LiveHyper,
    private readonly options: SessionOptions,
  ) {
    this.run = new Run(data, recipe, hyper, options);
    this.yieldToLoop = options.yieldToLoop ?? nextMacrotask;
    this.sampleIndices = options.sampleIndices;
  }

  /** Other test digits for the soft-target panel (a mistake the learner pinned); snapshots follow. */
  setSampleIndices(indices: readonly number[]): void {
    this.sampleIndices = [...indices];
    this.emit();
  }

  get runId(): number {
    return this.options.runId ?? 0;
  }

  get roster(): Roster {
    return {
      runId: this.runId,
      members: this.run.roster,
      transferSize: this.run.transfer.length,
      transferDigits: [...this.run.recipe.transfer.digits],
      transferLabels: this.run.recipe.transfer.labels,
      workers: this.options.partner && !this.options.partner.failure ? 2 : 1,
    };
  }

  get finished(): boolean {
    return this.run.phase === 'done' && !this.run.evaluating;
  }

  /**
   * T and α from the next batch. No snapshot for it: the page shows its own T and α, and a
   * snapshot at every step of a slider drag made the page render every view again while paused.
   */
  setHyper(hyper: LiveHyper): void {
    this.run.hyper = { ...hyper };
  }

  /** Evaluates the loaded teachers before training starts, yielding, until play is pressed. */
  async evaluateReadyTeachers(): Promise<void> {
    this.run.evaluateReadyTeachers();
    this.emit();
    while (this.run.evaluating && !this.running) {
      this.run.tick();
      await this.yieldToLoop();
    }
    this.emit();
  }

  /** Trains until paused, diverged or done; resolves when the loop stops. */
  async play(): Promise<void> {
    if (this.finished) return;
    this.running = true;
    this.emit();
    if (this.looping) return;
    this.looping = true;
    try {
      // A play during the settling below goes on in this loop.
      for (;;) {
        while (this.running) {
          const result = this.tickOrPause();
          if (result === 'diverged' || result === 'failed') {
            this.running = false;
            this.emit();
            break;
          }
          if (result === 'waiting') {
            await this.run.stageLockstep?.waiting();
            continue;
          }
          if (result === 'idle' || this.finished) this.running = false;
          if (result === 'phase-changed' || !this.running || this.due()) this.emit();
          await this.yieldToLoop();
        }
        if (await this.settle()) this.emit();
        if (!this.running) break;
      }
    } finally {
      this.looping = false;
    }
  }

  pause(): void {
    this.running = false;
    this.emit();
  }

  /** One training step: through a pending evaluation or a cache first if need be, yielding between ticks. */
  async step(): Promise<void> {
    if (this.running || this.stepping) return;
    this.stepping = true;
    const before = this.run.totalSteps;
    try {
      while (!this.running && !this.finished) {
        const result = this.tickOrPause();
        if (result === 'diverged' || result === 'failed') break;
        if (result === 'waiting') {
          await this.run.stageLockstep?.waiting();
          continue;
        }
        if (this.run.totalSteps !== before && !this.run.evaluating) break;
        if (this.due()) this.emit();
        await this.yieldToLoop();
      }
      await this.settle();
    } finally {
      this.stepping = false;
    }
    this.emit();
  }

  /** Stops training teachers; distillation goes on with them as they are. */
  finishTeachers(): void {
    this.run.finishTeachers();
    if (!this.running) void this.play();
  }

  /** Waits until a running loop has stopped (before a reset replaces the session). */
  async stopped(): Promise<void> {
    this.running = false;
    while (this.looping || this.stepping) await this.yieldToLoop();
  }

  /** Runs to the end without yielding (scripts, tests); `onTick` sees the run after each tick. */
  runToEnd(onTick?: (run: Run) => void): void {
    while (!this.finished) {
      const result = this.run.tick();
      if (result === 'diverged') throw new Error(this.run.divergence);
      if (result === 'waiting') throw new Error('runToEnd cannot wait for a partner worker.');
      this.forwardEvaluation();
      onTick?.(this.run);
    }
  }

  snapshot(): Snapshot {
    const run = this.run;
    return {
      runId: this.runId,
      phase: run.phase,
      running: this.running,
      epoch: run.epoch,
      step: run.step,
      progress: run.progress,
      samplesPerSec: run.meter.rates(),
      evaluations: run.history.evaluations,
      loss: run.history.loss,
      latest: run.history.latest,
      testSize: this.data.test.count,
      terms: run.history.terms,
      sampleLogits: this.sampleIndices ? run.sampleLogits(this.sampleIndices) : {},
      hyper: run.hyper,
      tensors: tf.memory().numTensors,
      seenClassCounts: [...run.seenClassCounts],
    };
  }

  dispose(): void {
    this.running = false;
    this.run.dispose();
  }

  /**
   * One tick; a divergence or an error thrown by the backend (a kernel, a lost GPU context) pauses
   * the run with its reason instead of ending the loop: what the run has learnt and recorded stays.
   */
  private tickOrPause(): TickResult | 'failed' {
    try {
      const result = this.run.tick();
      if (result === 'diverged') this.options.onPaused?.(this.run.divergence);
      return result;
    } catch (e) {
      if (e instanceof PartnerLost) {
        this.options.onPaused?.(e.message);
        return 'failed';
      }
      const message = e instanceof Error ? e.message : String(e);
      this.options.onPaused?.(
        `Training paused: a training step failed on the ${tf.getBackend()} backend (${message}). What was trained and measured so far is kept; press Resume to try again, or choose another backend in Run settings.`,
      );
      return 'failed';
    }
  }

  /**
   * Training stopped: a step the partner worker still owes is recorded, and its learners' weights
   * are brought here, so what the page shows next is current. True if there was anything to do.
   */
  private async settle(): Promise<boolean> {
    let settled = false;
    while (this.run.stageLockstep?.busy && !this.running) {
      settled = true;
      await this.run.stageLockstep?.waiting();
      // Play was pressed meanwhile: its loop records the step.
      if (this.running) return settled;
      const result = this.tickOrPause();
      if (result === 'diverged' || result === 'failed') return true;
    }
    if (this.running) return settled;
    return (await this.run.stageLockstep?.syncWeights()) || settled;
  }

  private due(): boolean {
    return performance.now() - this.lastSnapshot >= (this.options.snapshotIntervalMs ?? 200);
  }

  private emit(): void {
    this.forwardEvaluation();
    if (!this.options.onSnapshot) return;
    this.lastSnapshot = performance.now();
    this.options.onSnapshot(this.snapshot());
  }

  private forwardEvaluation(): void {
    const evaluation = this.run.lastEvaluation;
    if (!evaluation || evaluation.id === this.postedEvaluation || !this.options.onEvaluation)
      return;
    this.postedEvaluation = evaluation.id;
    this.options.onEvaluation({
      runId: this.runId,
      id: evaluation.id,
      epoch: evaluation.epoch,
      logits: Object.fromEntries(evaluation.logits),
    });
  }
}
