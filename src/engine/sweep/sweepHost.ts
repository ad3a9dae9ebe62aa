/**
 * What the sweep worker holds: the data and teacher (loaded once, kept for the next sweep) and
 * the sweep in progress, with its pause gate and cancel flag. The worker file only wires messages.
 */
import type { MnistSplit } from '../../data/batches.ts';
import { loadSplit } from '../../data/loadMnist.ts';
import { matMulForBackend } from '../../kernels/denseMatMul.ts';
import { chooseBackend } from '../backend.ts';
import type { TeacherWeights } from '../members.ts';
import { loadTeacherWeights } from '../teacherWeights.ts';
import { yieldToEventLoop } from '../yieldToEventLoop.ts';
import type { SweepCommand, SweepEvent } from './sweepProtocol.ts';
import { runGrid, SweepCancelled } from './sweepRunner.ts';

type Post = (event: SweepEvent) => void;

interface Loaded {
  train: MnistSplit;
  test: MnistSplit;
  teacher: TeacherWeights;
  backend: string;
}

export class SweepHost {
  private loaded: Promise<Loaded> | null = null;
  private paused = false;
  private cancelled = false;
  private resume: (() => void) | null = null;

  constructor(private readonly post: Post) {}

  async handle(command: SweepCommand): Promise<void> {
    switch (command.type) {
      case 'start':
        return this.start(command);
      case 'pause':
        this.paused = true;
        this.post({ type: 'state', state: 'paused' });
        return;
      case 'resume':
        this.paused = false;
        this.resume?.();
        this.post({ type: 'state', state: 'running' });
        return;
      case 'cancel':
        this.cancelled = true;
        this.paused = false;
        this.resume?.();
        return;
    }
  }

  private load(command: Extract<SweepCommand, { type: 'start' }>): Promise<Loaded> {
    this.loaded ??= (async () => {
      const report = await chooseBackend(command.backend);
      const dataUrl = new URL('data/', command.baseUrl).href;
      const [test, train, teacher] = await Promise.all([
        loadSplit(dataUrl, 'test'),
        loadSplit(dataUrl, 'train'),
        loadTeacherWeights(command.baseUrl, 'teacher'),
      ]);
      return { train, test, teacher, backend: report.backend };
    })();
    return this.loaded;
  }

  private async start(command: Extract<SweepCommand, { type: 'start' }>): Promise<void> {
    this.cancelled = false;
    this.paused = false;
    this.post({ type: 'state', state: 'loading' });
    let loaded: Loaded;
    try {
      loaded = await this.load(command);
    } catch (e) {
      this.loaded = null;
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      this.post({ type: 'state', state: 'failed' });
      return;
    }
    this.post({
      type: 'state',
      state: this.paused ? 'paused' : 'running',
      backend: loaded.backend,
    });
    let seed = command.config.seeds[0];
    try {
      await runGrid({ train: loaded.train, test: loaded.test }, command.config, {
        matMul: matMulForBackend(loaded.backend),
        teacher: loaded.teacher,
        cancelled: () => this.cancelled,
        gate: () => this.gate(),
        onProgress: (fraction, activity) =>
          this.post({ type: 'progress', seed, fraction, activity }),
        onSeed: (done, scores) => {
          this.post({ type: 'seed', seed: done, scores: Object.fromEntries(scores) });
          seed = command.config.seeds[command.config.seeds.indexOf(done) + 1] ?? done;
        },
      });
      this.post({ type: 'state', state: 'done' });
    } catch (e) {
      if (e instanceof SweepCancelled) {
        this.post({ type: 'state', state: 'cancelled' });
        return;
      }
      this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      this.post({ type: 'state', state: 'failed' });
    }
  }

  /** Lets messages in between ticks; while paused, waits for resume or cancel. */
  private async gate(): Promise<void> {
    await yieldToEventLoop();
    while (this.paused && !this.cancelled) {
      await new Promise<void>((resolve) => (this.resume = resolve));
      this.resume = null;
    }
  }
}
