/**
 * The one message protocol between the page and the training worker. Both sides import this file.
 * Commands go in (page → worker), events come out (worker → page). Nothing else crosses.
 * Everything about models is keyed by the roster's member ids: the page iterates the roster and
 * never names a role.
 */
import type { DistillHyper, ObjectiveId, ObjectiveParams } from '../kd/objective.ts';
import type { Recipe } from './recipe.ts';
import type { LayersModelFiles } from '../models/layersModelExport.ts';
import type { Words } from './messageWords.ts';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendRequest = 'auto' | BackendName;

/** T and α, applied from the next batch without a reset. */
export type LiveHyper = DistillHyper;

export type Command =
  | {
      type: 'init';
      recipe: Recipe;
      hyper: LiveHyper;
      backend: BackendRequest;
      /** Absolute URL of the app's static files: MNIST in data/, pretrained teachers in models/. */
      baseUrl: string;
      /**
       * Training workers: 2 splits each stage's learners with a second worker (the page decides,
       * from `?workers=` and the cores it has: ui/trainingWorkers.ts); default 1.
       */
      workers?: 1 | 2;
    }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset'; recipe: Recipe }
  | { type: 'setHyper'; hyper: LiveHyper }
  /** Stop training the teacher(s) now and move on to distillation with them as they are. */
  | { type: 'finishTeacher' }
  /** Each member's logits on `count` images (count × 784, 0–1): a digit the learner drew. */
  | { type: 'infer'; requestId: number; pixels: Float32Array; count: number }
  /** The pixels of these test digits (a confusion cell's mistakes). */
  | { type: 'testDigits'; requestId: number; indices: number[] }
  /** Adds a test digit to the soft-target panel's samples (a mistake the learner opened). */
  | { type: 'pinSample'; index: number }
  /** Size, speed and 8-bit errors of every member (pauses training while it measures). */
  | { type: 'measureSize'; requestId: number }
  /** Are you there? Answered between two ticks; the page's watchdog (engineClient.ts) asks. */
  | { type: 'ping'; requestId: number }
  /** Every learner as a TensorFlow.js Layers model (a download, a saved run). */
  | { type: 'exportLearners'; requestId: number };

export type Phase =
  | 'starting' // choosing a backend
  | 'loading' // fetching the data
  | 'ready' // data and models ready, not started
  | 'teachers' // training a teacher
  | 'caching' // computing teachers' outputs on the transfer set
  | 'learners' // learners train in lockstep
  | 'done';

/** What the engine is doing now, as data; the page words it. */
export interface Progress {
  activity:
    | 'starting'
    | 'loading-test'
    | 'loading-train'
    | 'ready'
    | 'training'
    | 'caching'
    | 'evaluating'
    | 'done';
  /** Units done and in all: epochs while training, digits while caching or evaluating. */
  done: number;
  total: number;
  /** Roster ids of what is being trained, cached or evaluated. */
  members: string[];
}

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
  /** What was asked for (`?backend=`); the page words the reason from it and the attempts. */
  request?: BackendRequest;
}

/** Test digits whose soft targets the page shows. Pixels are uint8, count × 784. */
export interface SampleDigits {
  indices: number[];
  labels: number[];
  pixels: Uint8Array;
}

/** One member of the run: a teacher or a learner, announced once per run. */
export interface RosterEntry {
  id: string;
  role: 'teacher' | 'learner';
  label: string;
  color: string;
  parameters: number;
  /** Layer widths, e.g. "784-800-800-10". */
  architecture: string;
  /** Teachers: where the weights come from. Learners: 'distilled' or 'hard labels'. */
  origin:
    'pretrained' | 'trained here' | 'earlier learner' | 'combined' | 'distilled' | 'hard labels';
  /** Learners: the objective they minimize. */
  objective?: ObjectiveId;
  /** Learners: fixed T / α, when they do not follow the sliders. */
  temperature?: number;
  alpha?: number;
  /** Learners: the objective's own weights (DKD's A and B, a hint's β), when the recipe sets them. */
  params?: ObjectiveParams;
  /** Learners: the names of their loss terms, in display order (the loss is their sum). */
  lossTerms: string[];
  /** Learners: the teachers they learn from; fidelity is measured against their combination. */
  teachers: string[];
  /** Teachers: the learner they come from. */
  fromLearner?: string;
  /** Combined teachers: the teachers they combine, and how. */
  combines?: string[];
  rule?: 'mean-logits' | 'mean-probabilities' | 'specialists';
  /**
   * Whether it trains in this run: a teacher trained here, or a learner that can learn from the
   * transfer set (false for a hard-label learner on an unlabeled one, and for loaded teachers).
   */
  trains: boolean;
  /** Learners: the stage they train in (0 first). */
  stage: number;
  /** Whether the bias control acts on it. */
  biasAdjustable: boolean;
}

export interface Roster {
  /** Increases with every run (init or reset): snapshots of an older run are ignored. */
  runId: number;
  members: RosterEntry[];
  /** Examples in the transfer set. */
  transferSize: number;
  transferDigits: number[];
  transferLabels: boolean;
  /** Workers the learners train in: 2 when a second worker takes half of each stage's learners. */
  workers?: 1 | 2;
}

/** One test-set evaluation: each member evaluated at this point, by id. */
export interface EvaluationPoint {
  /** Epochs of training the evaluated member(s) had had (fractional). */
  epoch: number;
  /** Test accuracy 0–1. */
  accuracy: Record<string, number>;
  /** Learners: top-1 agreement with their teacher(s) on the test set, 0–1 (Stanton et al. 2021). */
  agreement: Record<string, number>;
  /** Learners: mean KL(teacher ‖ learner) at T = 1 on the test set, nats. */
  kl: Record<string, number>;
}

/** Training loss terms averaged over a few steps, per learner (or teacher while it trains), by term name. */
export interface LossPoint {
  epoch: number;
  terms: Record<string, Record<string, number>>;
}

/** One loss term as last measured: its (weighted) value and the L2 norm of its gradient. */
export interface TermReading {
  name: string;
  value: number;
  /**
   * ‖∂term/∂z_s‖ over the batch: the gradient with respect to the learner's logits (for a hint
   * term, with respect to its mapped hidden layer). Which term drives training. Measured every
   * tenth step; NaN until the first measurement.
   */
  gradNorm: number;
}

export interface MemberLatest {
  /** Errors on the test set at the latest evaluation. */
  errors?: number;
  agreement?: number;
  kl?: number;
}

export interface Snapshot {
  runId: number;
  phase: Phase;
  running: boolean;
  /** Epoch (fractional) of the member(s) currently training. */
  epoch: number;
  step: number;
  progress: Progress;
  /** Samples per second of each member's training step, over the last few seconds. */
  samplesPerSec: Record<string, number>;
  evaluations: EvaluationPoint[];
  loss: LossPoint[];
  /** Latest full-test-set results by member id. */
  latest: Record<string, MemberLatest>;
  testSize: number;
  /** Each learner's loss terms and their gradient norms, as last measured. */
  terms: Record<string, TermReading[]>;
  /** Logits (count × 10) of each member on the sample digits; softmax at T happens on the page. */
  sampleLogits: Record<string, Float32Array>;
  hyper: LiveHyper;
  tensors: number;
  /** Labels of the examples the learners have trained on so far, per class (0–9). */
  seenClassCounts: number[];
}

/** A completed evaluation on the whole test set: each evaluated member's logits (count × 10). */
export interface TestEvaluation {
  runId: number;
  id: number;
  epoch: number;
  logits: Record<string, Float32Array>;
}

/** One member's size trade-off (engine/sizeReport.ts). */
export interface SizeRow {
  id: string;
  parameters: number;
  bytesFloat32: number;
  /** 8-bit weights with a float32 scale per output unit, float32 biases. */
  bytesInt8: number;
  /** Wall time to classify the whole test set on the current backend (after a warm-up pass). */
  inferenceMs: number;
  testCount: number;
  errors: number;
  errorsInt8: number;
}

export type EngineEvent =
  | { type: 'backend'; report: BackendReport }
  | { type: 'samples'; samples: SampleDigits }
  /** The test labels, once, so the page can compute per-class results from evaluation logits. */
  | { type: 'testLabels'; labels: Uint8Array }
  | { type: 'roster'; roster: Roster }
  | { type: 'evaluation'; evaluation: TestEvaluation }
  /** A pretrained teacher's logits on the sample digits, before the session exists. */
  | { type: 'earlyLogits'; member: string; logits: Float32Array }
  /**
   * Something went wrong but training goes on another way (e.g. no pretrained teacher). Messages
   * and errors say it in English, and as words where the engine knows them (messageWords.ts).
   */
  | { type: 'notice'; message: string; words?: Words }
  | { type: 'snapshot'; snapshot: Snapshot }
  /** Training paused by itself, e.g. the loss diverged. */
  | { type: 'paused'; reason: string }
  | { type: 'error'; message: string; fatal: boolean; words?: Words };

/** One learner as a TensorFlow.js Layers model: model.json's contents and its weights file. */
export interface LearnerExport extends LayersModelFiles {
  id: string;
  label: string;
}

/** Answers to infer, testDigits and measureSize, by request id (null: no run to ask). */
export type EngineReply =
  | { type: 'learnerExport'; requestId: number; runId: number; learners: LearnerExport[] | null }
  | { type: 'inference'; requestId: number; logits: Record<string, Float32Array> | null }
  | { type: 'testDigits'; requestId: number; pixels: Uint8Array }
  | { type: 'sizeReport'; requestId: number; runId: number; rows: SizeRow[] | null }
  | { type: 'pong'; requestId: number };

/** What the worker posts: a stream event, or the reply to one request. */
export type WorkerMessage = EngineEvent | EngineReply;

/** The commands that expect a reply, and the reply each gets. */
export type RequestCommand = Extract<Command, { requestId: number }>;
export type InferCommand = Extract<Command, { type: 'infer' }>;
export type TestDigitsCommand = Extract<Command, { type: 'testDigits' }>;
export type MeasureSizeCommand = Extract<Command, { type: 'measureSize' }>;
export type ExportLearnersCommand = Extract<Command, { type: 'exportLearners' }>;
export type ReplyTo<C extends RequestCommand> = C extends { type: 'infer' }
  ? Extract<EngineReply, { type: 'inference' }>
  : C extends { type: 'testDigits' }
    ? Extract<EngineReply, { type: 'testDigits' }>
    : C extends { type: 'ping' }
      ? Extract<EngineReply, { type: 'pong' }>
      : C extends { type: 'exportLearners' }
        ? Extract<EngineReply, { type: 'learnerExport' }>
        : Extract<EngineReply, { type: 'sizeReport' }>;
