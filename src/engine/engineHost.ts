/**
 * Everything the training worker holds, in one object: the data, the pretrained weights it has
 * fetched and the current session. The worker file only wires messages to it. Each init or reset
 * starts a new run id; a run whose setup is overtaken by a newer command is disposed unseen.
 */
import type { MnistSplit } from '../data/batches.ts';
import { loadSplit } from '../data/loadMnist.ts';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import { chooseBackend } from './backend.ts';
import type { TeacherWeights } from './members.ts';
import type { Command, LiveHyper, SampleDigits, SizeRow, Snapshot } from './protocol.ts';
import type { Recipe, TeacherSpec } from './recipe.ts';
import { pickSampleDigits, sampleDigitsAt } from './sampleDigits.ts';
import { MeasureCancelled, measureSizes } from './sizeReport.ts';
import { NUM_CLASSES } from '../data/mnistAssets.ts';
import {
  answerInference,
  answerLearnerExport,
  answerTestDigits,
  type Post,
} from './hostRequests.ts';
import { Session } from './session.ts';
import {
  earlyTeacherLogits,
  loadTeacherWeights,
  MIN_TEACHER_ACCURACY,
  TEACHER_FILES,
  teacherAccuracy,
} from './teacherWeights.ts';
import { yieldToEventLoop } from './yieldToEventLoop.ts';
import { say, worded, WordedError, wordsOf } from './messageWords.ts';
import type { BackendName } from './protocol.ts';
import { PartnerSlot } from './partner/partnerSlot.ts';

/** Test digits a learner may pin to the soft-target panel at once (after the ten samples). */
const MAX_PINNED = 4;

export class EngineHost {
  private session: Session | null = null;
  private runId = 0;
  private hyper: LiveHyper = { temperature: 1, alpha: 0.5 };
  private baseUrl = '';
  private matMul = matMulForBackend('cpu');
  private test: MnistSplit | null = null;
  private train: Promise<MnistSplit> | null = null;
  private samples: SampleDigits | null = null;
  private readonly weights = new Map<string, Promise<TeacherWeights | null>>();
  private ready: Promise<void> = Promise.resolve();
  private backend: BackendName = 'cpu';
  private readonly partner = new PartnerSlot((message) => this.post(message));
  /** Play and pause commands so far: a size measurement resumes training only if none came meanwhile. */
  private controlled = 0;

  constructor(private readonly post: Post) {}

  async handle(command: Command): Promise<void> {
    switch (command.type) {
      case 'init':
        this.ready = this.init(command);
        return this.ready;
      case 'setHyper':
        this.hyper = { ...command.hyper };
        this.session?.setHyper(command.hyper);
        return;
      case 'play':
        this.controlled++;
        await this.ready;
        return this.session?.play();
      case 'pause':
        this.controlled++;
        this.session?.pause();
        return;
      case 'step':
        await this.ready;
        return this.session?.step();
      case 'finishTeacher':
        this.session?.finishTeachers();
        return;
      case 'reset':
        await this.ready;
        return this.startRun(command.recipe);
      case 'infer':
        return answerInference(this.post, this.session?.run, command);
      case 'testDigits':
        await this.ready;
        return answerTestDigits(this.post, this.test!, command);
      case 'pinSample':
        await this.ready;
        return this.pinSample(command.index);
      case 'measureSize':
        await this.ready;
        return this.measureSize(command.requestId);
      case 'ping':
        this.post({ type: 'pong', requestId: command.requestId });
        return;
      case 'exportLearners':
        await this.ready;
        return answerLearnerExport(this.post, this.session, this.runId, command.requestId);
    }
  }

  /** The first ten samples stay; pinned digits after them, the latest few kept. */
  private pinSample(index: number): void {
    const test = this.test!;
    const current = this.samples ?? pickSampleDigits(test);
    if (!Number.isInteger(index) || index < 0 || index >= test.count) return;
    if (current.indices.includes(index)) return;
    const base = current.indices.slice(0, NUM_CLASSES);
    const pinned = [...current.indices.slice(NUM_CLASSES), index].slice(-MAX_PINNED);
    this.samples = sampleDigitsAt(test, [...base, ...pinned]);
    this.post({ type: 'samples', samples: this.samples });
    this.session?.setSampleIndices(this.samples.indices);
  }

  /** Times inference with training paused (so the two do not share the cores), then resumes. */
  private async measureSize(requestId: number): Promise<void> {
    const session = this.session;
    if (!session) {
      this.post({ type: 'sizeReport', requestId, runId: this.runId, rows: null });
      return;
    }
    const wasRunning = session.running;
    const controlled = this.controlled;
    if (wasRunning) {
      session.pause();
      await session.stopped();
    }
    // The worker answers pings and commands while it measures; a reset or restart cancels it.
    let rows: SizeRow[] | null = null;
    try {
      rows = await measureSizes(session.run, this.test!, () => this.session === session);
    } catch (e) {
      if (!(e instanceof MeasureCancelled)) throw e;
    }
    this.post({ type: 'sizeReport', requestId, runId: session.runId, rows });
    if (wasRunning && this.session === session && this.controlled === controlled)
      void session.play();
  }

  fail(e: unknown, fatal: boolean): void {
    if (this.session) this.session.running = false;
    const message = e instanceof Error ? e.message : String(e);
    this.post({ type: 'error', message, fatal, words: wordsOf(e) });
  }

  private async init(command: Extract<Command, { type: 'init' }>): Promise<void> {
    this.hyper = command.hyper;
    this.baseUrl = command.baseUrl;
    this.partner.wanted = (command.workers ?? 1) > 1;
    const dataUrl = new URL('data/', this.baseUrl).href;
    const report = await chooseBackend(command.backend);
    this.matMul = matMulForBackend(report.backend);
    this.backend = report.backend;
    this.post({ type: 'backend', report });
    this.postLoading('loading-test');
    // Test set first: the page can show digits while the 60k training images arrive.
    this.test = await loadSplit(dataUrl, 'test');
    this.samples = pickSampleDigits(this.test);
    this.post({ type: 'samples', samples: this.samples });
    this.post({ type: 'testLabels', labels: this.test.labels.slice() });
    this.postLoading('loading-train');
    this.train = loadSplit(dataUrl, 'train');
    // Pretrained teachers' soft targets can show before the 60k training digits arrive.
    void this.showPretrainedEarly(command.recipe);
    await this.startRun(command.recipe);
  }

  private postLoading(activity: 'loading-test' | 'loading-train'): void {
    const snapshot: Snapshot = {
      runId: this.runId,
      phase: 'loading',
      running: false,
      epoch: 0,
      step: 0,
      progress: { activity, done: 0, total: 1, members: [] },
      samplesPerSec: {},
      evaluations: [],
      loss: [],
      latest: {},
      testSize: this.test?.count ?? 0,
      terms: {},
      sampleLogits: {},
      hyper: this.hyper,
      tensors: 0,
      seenClassCounts: new Array<number>(10).fill(0),
    };
    this.post({ type: 'snapshot', snapshot });
  }

  /** A pretrained file, fetched once; null (with a notice) when it is missing or corrupt. */
  private pretrained(file: string): Promise<TeacherWeights | null> {
    let weights = this.weights.get(file);
    if (!weights) {
      weights = loadTeacherWeights(this.baseUrl, file)
        .then((w) => {
          const accuracy = teacherAccuracy(w, this.test!);
          if (accuracy < MIN_TEACHER_ACCURACY)
            throw new WordedError(
              say('engine.teacher.untrained', {
                file: `models/${file}.bin`,
                percent: (100 * accuracy).toFixed(0),
                command: TEACHER_FILES.rebuild,
              }),
            );
          return w;
        })
        .catch((e: unknown) => {
          const problem = wordsOf(e) ?? (e instanceof Error ? e.message : String(e));
          this.post({ type: 'notice', ...worded(say('engine.teacher.instead', { problem })) });
          return null;
        });
      this.weights.set(file, weights);
    }
    return weights;
  }

  private async showPretrainedEarly(recipe: Recipe): Promise<void> {
    for (const teacher of recipe.teachers) {
      if (teacher.source.kind !== 'pretrained') continue;
      const weights = await this.pretrained(teacher.source.file);
      if (!weights || this.session || !this.samples) return;
      const logits = earlyTeacherLogits(weights, this.samples);
      this.post({ type: 'earlyLogits', member: teacher.id, logits }, [logits.buffer]);
    }
  }

  /** Replaces the session with a new run of `recipe` (the old one is stopped and disposed). */
  private async startRun(recipe: Recipe): Promise<void> {
    const runId = ++this.runId;
    const old = this.session;
    this.session = null;
    if (old) {
      await old.stopped();
      old.dispose();
    }
    const loaded = new Map<string, TeacherWeights>();
    const teachers: TeacherSpec[] = [];
    for (const t of recipe.teachers) {
      if (t.source.kind !== 'pretrained') {
        teachers.push(t);
        continue;
      }
      const weights = await this.pretrained(t.source.file);
      if (weights) {
        loaded.set(t.source.file, weights);
        teachers.push(t);
      } else {
        const training = t.source.fallback ?? { epochs: 2, seed: recipe.seed };
        teachers.push({ ...t, source: { kind: 'train', training } });
      }
    }
    const train = await this.train!;
    const partner = await this.partner.linkFor(this.backend, train);
    // A newer init or reset came while this one waited: it owns the worker now.
    if (runId !== this.runId) return;
    const session = new Session({ train, test: this.test! }, { ...recipe, teachers }, this.hyper, {
      runId,
      matMul: this.matMul,
      partner: partner ?? undefined,
      pretrained: loaded,
      sampleIndices: this.samples?.indices,
      yieldToLoop: yieldToEventLoop,
      onSnapshot: (snapshot) =>
        this.post(
          { type: 'snapshot', snapshot },
          Object.values(snapshot.sampleLogits).map((l) => l.buffer as ArrayBuffer),
        ),
      onEvaluation: (evaluation) => {
        // Copies: the run keeps its own logits for fidelity.
        const logits = Object.fromEntries(
          Object.entries(evaluation.logits).map(([id, l]) => [id, l.slice()]),
        );
        this.post(
          { type: 'evaluation', evaluation: { ...evaluation, logits } },
          Object.values(logits).map((l) => l.buffer),
        );
      },
      onPaused: (reason) => this.post({ type: 'paused', reason }),
    });
    this.session = session;
    this.post({ type: 'roster', roster: session.roster });
    await session.evaluateReadyTeachers();
  }
}
