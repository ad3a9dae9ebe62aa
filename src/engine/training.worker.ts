/// <reference lib="webworker" />
/**
 * The training worker: owns the data, the models and the loop. It speaks only the protocol in
 * protocol.ts; the page never reaches in.
 */
import * as tf from '@tensorflow/tfjs';
import type { MnistSplit } from '../data/batches.ts';
import { loadSplit } from '../data/loadMnist.ts';
import { matMulForBackend } from '../kernels/denseMatMul.ts';
import { chooseBackend } from './backend.ts';
import type {
  Command,
  EngineConfig,
  EngineEvent,
  LiveHyper,
  SampleDigits,
  Snapshot,
} from './protocol.ts';
import { pickSampleDigits } from './sampleDigits.ts';
import { Trainer, type TeacherWeights } from './trainer.ts';
import { earlyTeacherLogits, loadTeacherWeights } from './teacherWeights.ts';
import { yieldToEventLoop } from './yieldToEventLoop.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** Snapshots go out at most this often (5 per second): each one costs the page a render. */
const SNAPSHOT_INTERVAL_MS = 200;

let matMul = matMulForBackend('cpu');
let test: MnistSplit | null = null;
let train: Promise<MnistSplit> | null = null;
let trainer: Trainer | null = null;
let samples: SampleDigits | null = null;
let config: EngineConfig | null = null;
let hyper: LiveHyper = { temperature: 1, alpha: 0.5 };
let running = false;
let looping = false;
let stepping = false;
let lastSnapshot = 0;
let loading = 'starting';
let backendReady = false;
let baseUrl = '';
let pretrained: Promise<TeacherWeights | null> | null = null;
let postedEvaluation = 0;

function post(event: EngineEvent, transfer: Transferable[] = []): void {
  scope.postMessage(event, transfer);
}

function fail(e: unknown, fatal: boolean): void {
  running = false;
  post({ type: 'error', message: e instanceof Error ? e.message : String(e), fatal });
  postSnapshot();
}

function postSnapshot(): void {
  lastSnapshot = performance.now();
  const empty = new Float32Array(0);
  const logits =
    trainer && samples
      ? trainer.sampleLogits(samples.indices)
      : { teacher: empty, distilled: empty, control: empty };
  const snapshot: Snapshot = trainer
    ? {
        phase: trainer.phase,
        running,
        epoch: trainer.epoch,
        step: trainer.step,
        samplesPerSec: trainer.samplesPerSec,
        accuracy: trainer.accuracy,
        loss: trainer.loss,
        latest: { ...trainer.latest, testSize: test?.count ?? 0 },
        sampleLogits: logits,
        progress: trainer.progress,
        hyper: trainer.hyper,
        tensors: tf.memory().numTensors,
        teacherPretrained: trainer.teacherPretrained,
        controlTrains: trainer.controlTrains,
        transferSize: trainer.transfer.length,
        seenClassCounts: [...trainer.seenClassCounts],
      }
    : {
        phase: test ? 'loading' : 'starting',
        running,
        epoch: 0,
        step: 0,
        samplesPerSec: {},
        accuracy: [],
        loss: [],
        latest: { testSize: test?.count ?? 0 },
        sampleLogits: logits,
        progress: loading,
        hyper,
        // tf.memory() before a backend is set would start the highest-priority one (webgpu).
        tensors: backendReady ? tf.memory().numTensors : 0,
        teacherPretrained: false,
        controlTrains: config?.useLabels ?? true,
        transferSize: 0,
        seenClassCounts: new Array<number>(10).fill(0),
      };
  postEvaluation();
  post(
    { type: 'snapshot', snapshot },
    [logits.teacher.buffer, logits.distilled.buffer, logits.control.buffer].filter(
      (b) => b.byteLength > 0,
    ),
  );
}

/** Sends a finished evaluation's test logits once (copies: the trainer keeps its own). */
function postEvaluation(): void {
  const evaluation = trainer?.lastEvaluation;
  if (!evaluation || evaluation.id === postedEvaluation) return;
  postedEvaluation = evaluation.id;
  const logits = Object.fromEntries(
    Object.entries(evaluation.logits).map(([role, l]) => [role, (l as Float32Array).slice()]),
  );
  post(
    { type: 'evaluation', evaluation: { ...evaluation, logits } },
    Object.values(logits).map((l) => (l as Float32Array).buffer),
  );
}

/** The pretrained teacher, fetched once; null (with a notice) when it is missing or corrupt. */
function pretrainedTeacher(): Promise<TeacherWeights | null> {
  pretrained ??= loadTeacherWeights(baseUrl).catch((e: unknown) => {
    post({
      type: 'notice',
      message: `${e instanceof Error ? e.message : String(e)} Training a teacher instead.`,
    });
    return null;
  });
  return pretrained;
}

async function createTrainer(): Promise<void> {
  trainer?.dispose();
  trainer = null;
  postedEvaluation = 0;
  const weights = config!.teacherSource === 'pretrained' ? await pretrainedTeacher() : null;
  const trainSplit = await train!;
  trainer = new Trainer({ train: trainSplit, test: test! }, config!, hyper, matMul, weights);
  postSnapshot();
  trainer.evaluatePretrainedTeacher();
  // Chunk by chunk, yielding, so Train or a slider is never kept waiting.
  while (trainer?.evaluating && !running) {
    trainer.tick();
    await yieldToEventLoop();
  }
  postSnapshot();
}

/** Runs ticks while playing; yields after each so commands (pause, T, α) apply between batches. */
async function loop(): Promise<void> {
  if (looping) return;
  looping = true;
  try {
    while (running && trainer) {
      const result = trainer.tick();
      if (result === 'diverged') {
        running = false;
        post({ type: 'paused', reason: trainer.divergence });
        postSnapshot();
        break;
      }
      if (result === 'idle' || (trainer.phase === 'done' && !trainer.evaluating)) running = false;
      if (
        result === 'phase-changed' ||
        !running ||
        performance.now() - lastSnapshot >= SNAPSHOT_INTERVAL_MS
      )
        postSnapshot();
      await yieldToEventLoop();
    }
  } catch (e) {
    fail(e, false);
  } finally {
    looping = false;
  }
}

async function init(command: Extract<Command, { type: 'init' }>): Promise<void> {
  config = command.config;
  hyper = command.hyper;
  baseUrl = command.baseUrl;
  const dataUrl = new URL('data/', baseUrl).href;
  const report = await chooseBackend(command.backend);
  matMul = matMulForBackend(report.backend);
  backendReady = true;
  post({ type: 'backend', report });
  loading = 'loading the test digits';
  postSnapshot();
  // Test set first: the page can show digits while the 60k training images arrive.
  test = await loadSplit(dataUrl, 'test');
  samples = pickSampleDigits(test);
  post({ type: 'samples', samples });
  post({ type: 'testLabels', labels: test.labels.slice() });
  loading = 'loading the 60,000 training digits';
  postSnapshot();
  train = loadSplit(dataUrl, 'train');
  // The pretrained teacher's soft targets can show before the 60k training digits arrive.
  if (config.teacherSource === 'pretrained') void showPretrainedTeacherEarly();
  await createTrainer();
}

/**
 * Soft targets within seconds of opening the page: the pretrained teacher's logits on the sample
 * digits, posted before the training set (and so the trainer) is ready.
 */
async function showPretrainedTeacherEarly(): Promise<void> {
  const weights = await pretrainedTeacher();
  if (!weights || trainer || !samples) return;
  const early = earlyTeacherLogits(weights, samples);
  post({ type: 'earlyLogits', teacher: early }, [early.buffer]);
}

let ready: Promise<void> = Promise.resolve();

async function handle(command: Command): Promise<void> {
  switch (command.type) {
    case 'init':
      ready = init(command);
      await ready;
      return;
    case 'setHyper':
      hyper = { ...command.hyper };
      if (!trainer) return;
      trainer.hyper = { ...command.hyper };
      if (!running) postSnapshot();
      return;
    case 'play':
      await ready;
      if (!trainer || trainer.phase === 'done') return;
      running = true;
      postSnapshot();
      void loop();
      return;
    case 'pause':
      running = false;
      postSnapshot();
      return;
    case 'step': {
      await ready;
      if (!trainer || running || stepping) return;
      // One training step: through a pending evaluation or the logit cache first if need be,
      // yielding between ticks so pause and the sliders stay live meanwhile.
      stepping = true;
      const before = trainer.totalSteps;
      try {
        while (trainer && !running && trainer.phase !== 'done') {
          trainer.tick();
          const trained = trainer.totalSteps !== before;
          if (trained && !trainer.evaluating) break;
          if (performance.now() - lastSnapshot >= SNAPSHOT_INTERVAL_MS) postSnapshot();
          await yieldToEventLoop();
        }
      } finally {
        stepping = false;
      }
      postSnapshot();
      return;
    }
    case 'finishTeacher':
      trainer?.finishTeacher();
      if (!running) {
        running = true;
        void loop();
      }
      return;
    case 'reset':
      await ready;
      running = false;
      while (looping) await yieldToEventLoop();
      config = command.config;
      await createTrainer();
      return;
  }
}

scope.onmessage = (event: MessageEvent<Command>) => {
  handle(event.data).catch((e) => fail(e, true));
};
