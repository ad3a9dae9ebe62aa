/**
 * The one message protocol between the page and the training worker. Both sides import this file.
 * Commands go in (page → worker), events come out (worker → page). Nothing else crosses.
 */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendRequest = 'auto' | BackendName;
export type StudentSize = '800-800' | '300-300' | '30-30';

/** Everything the engine needs to (re)start training. Changing these resets the run. */
export interface EngineConfig {
  studentSize: StudentSize;
  seed: number;
  batchSize: number;
  learningRate: number;
  teacherEpochs: number;
  studentEpochs: number;
  /** Evaluate on the test set every this many training steps. */
  evalEvery: number;
  /** Start from the pretrained teacher (public/models) or train one first. */
  teacherSource: 'pretrained' | 'train';
  /** Digit classes the students may train on. */
  transferDigits: number[];
  /** Share of the training set in the transfer set (seeded subset), 0–1. */
  transferFraction: number;
  /** False: the transfer set is unlabeled (α is 0 and the control student cannot train). */
  useLabels: boolean;
}

/** Distillation hyper-parameters that apply from the next batch, without a reset. */
export interface LiveHyper {
  temperature: number;
  /** Weight of the hard-label term. */
  alpha: number;
}

export type Command =
  | {
      type: 'init';
      config: EngineConfig;
      hyper: LiveHyper;
      backend: BackendRequest;
      /** Absolute URL of the app's static files: MNIST in data/, the pretrained teacher in models/. */
      baseUrl: string;
    }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset'; config: EngineConfig }
  | { type: 'setHyper'; hyper: LiveHyper }
  /** Stop training the teacher now and move on to distillation with the teacher as it is. */
  | { type: 'finishTeacher' };

export type Phase =
  | 'starting' // choosing a backend
  | 'loading' // fetching the data
  | 'ready' // data and models ready, not started
  | 'teacher' // training the teacher
  | 'caching' // computing the teacher's logits on the transfer set
  | 'students' // distilled and control students train in lockstep
  | 'done';

export interface BackendAttempt {
  backend: BackendName;
  ok: boolean;
  /** Why it was chosen or skipped, e.g. "software adapter (SwiftShader)". */
  note: string;
}

export interface BackendReport {
  backend: BackendName;
  /** One line a person can read: why this backend is the one in use. */
  reason: string;
  attempts: BackendAttempt[];
  /** True when the requested backend could not start and another one took its place. */
  fellBack: boolean;
}

/** Test digits whose soft targets the page shows. Pixels are uint8, count × 784. */
export interface SampleDigits {
  indices: number[];
  labels: number[];
  pixels: Uint8Array;
}

/** One test-set evaluation; each model that was evaluated at this point has a value (0–1). */
export interface AccuracyPoint {
  /** Epochs of training the evaluated model(s) had had (fractional). */
  epoch: number;
  teacher?: number;
  distilled?: number;
  control?: number;
}

/** Training losses averaged over a few steps; students' terms while they train, else the teacher's. */
export interface LossPoint {
  epoch: number;
  /** α · CE(y, softmax(z_s)) of the distilled student. */
  hard?: number;
  /** (1 − α) · T² · KL(p_teacher^T ‖ p_student^T) of the distilled student. */
  soft?: number;
  /** hard + soft. */
  total?: number;
  /** CE of the control student (hard labels only). */
  control?: number;
  /** Teacher's training CE while it trains. */
  teacher?: number;
}

export interface Throughput {
  teacher?: number;
  distilled?: number;
  control?: number;
}

export interface Snapshot {
  phase: Phase;
  running: boolean;
  /** Epoch (fractional) of the model(s) currently training. */
  epoch: number;
  step: number;
  /** Samples per second of each model's training step, over the last few seconds. */
  samplesPerSec: Throughput;
  accuracy: AccuracyPoint[];
  loss: LossPoint[];
  /** Latest full-test-set results, errors out of the test set size. */
  latest: { teacher?: number; distilled?: number; control?: number; testSize: number };
  /** Logits (count × 10) of each model for the sample digits; softmax at T happens on the page. */
  sampleLogits: { teacher: Float32Array; distilled: Float32Array; control: Float32Array };
  /** Human-readable progress of the current phase, e.g. "caching teacher logits 40%". */
  progress: string;
  hyper: LiveHyper;
  tensors: number;
  /** The teacher was loaded pretrained (no teacher phase). */
  teacherPretrained: boolean;
  /** False when the transfer set has no labels: the control student cannot train. */
  controlTrains: boolean;
  /** Examples in the transfer set. */
  transferSize: number;
  /** Labels of the examples the students have trained on so far, per class (0–9). */
  seenClassCounts: number[];
}

/** A completed evaluation on the whole test set: each evaluated model's logits (count × 10). */
export interface TestEvaluation {
  id: number;
  epoch: number;
  logits: Partial<Record<'teacher' | 'distilled' | 'control', Float32Array>>;
}

export type EngineEvent =
  | { type: 'backend'; report: BackendReport }
  | { type: 'samples'; samples: SampleDigits }
  /** The test labels, once, so the page can compute per-class results from evaluation logits. */
  | { type: 'testLabels'; labels: Uint8Array }
  | { type: 'evaluation'; evaluation: TestEvaluation }
  /** The pretrained teacher's logits on the sample digits, before the trainer exists. */
  | { type: 'earlyLogits'; teacher: Float32Array }
  /** Something went wrong but training goes on another way (e.g. no pretrained teacher). */
  | { type: 'notice'; message: string }
  | { type: 'snapshot'; snapshot: Snapshot }
  /** Training paused by itself, e.g. the loss diverged. */
  | { type: 'paused'; reason: string }
  | { type: 'error'; message: string; fatal: boolean };
