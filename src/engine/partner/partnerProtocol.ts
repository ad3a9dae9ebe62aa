/**
 * The messages between the training worker and its partner: a second worker that trains some of
 * a stage's learners on the same batches, in the same order, from the same cached teacher
 * outputs, while the training worker trains the others (parallelLockstep.ts). Only the training
 * worker speaks to the partner; the page never does.
 */
import type { MnistSplit } from '../../data/batches.ts';
import type { BackendName, LiveHyper } from '../protocol.ts';
import type { LearnerSpec, Recipe } from '../recipe.ts';
import type { CachedOutputs } from '../teacherCache.ts';

/** A stage's learners for the partner: their specs and current weights (learnerWeights.ts order). */
export interface PartnerStage {
  /** Numbers the stages a link has sent; every reply about a stage names it. */
  id: number;
  recipe: Recipe;
  /** The stage's index among the recipe's stages (it seeds the batch order). */
  stageIndex: number;
  /** Indices into the training split, in transfer-set order. */
  transfer: Int32Array;
  learners: { spec: LearnerSpec; weights: Float32Array[] }[];
  /** The cached outputs of the teachers these learners listen to. */
  outputs: CachedOutputs;
}

export type PartnerCommand =
  /** Once: the backend the training worker uses, and a copy of the training split. */
  | { type: 'start'; backend: BackendName; train: MnistSplit }
  | { type: 'stage'; stage: PartnerStage }
  /** Step `step` of the stage (from 0); the reply carries the weights when asked. */
  | { type: 'step'; stageId: number; step: number; hyper: LiveHyper; sendWeights: boolean }
  | { type: 'weights'; stageId: number }
  /** The stage is over: its models are disposed. */
  | { type: 'end'; stageId: number };

/** One learner's step on the partner: its loss terms, gradient norms and time. */
export interface PartnerStepResult {
  id: string;
  values: number[];
  gradNorms?: number[];
  ms: number;
}

export type PartnerReply =
  | { type: 'ready'; backend: string }
  | {
      type: 'stepped';
      stageId: number;
      step: number;
      results: PartnerStepResult[];
      weights?: Record<string, Float32Array[]>;
    }
  | { type: 'weights'; stageId: number; weights: Record<string, Float32Array[]> }
  | { type: 'error'; message: string };
