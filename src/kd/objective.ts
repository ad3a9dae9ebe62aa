/**
 * What a distillation objective is, for the engine: a small object with one job (as the Keras 3
 * distillation API's loss objects), registered by id (as torchdistill registers losses by name).
 * It turns one batch's tensors into named, already-weighted loss terms; the learner minimizes
 * their sum. Adding a method = one objective file here (formula and source in its header, unit
 * tests beside it) + its entry in objectives.ts + a recipe in state/presets.ts.
 */
import type * as tf from '@tensorflow/tfjs';

/** The distillation hyper-parameters every objective reads; T and α may change every batch. */
export interface DistillHyper {
  temperature: number;
  /** Weight of the hard-label term: L = α · CE + (1 − α) · (soft term). */
  alpha: number;
}

/** Extra weights some objectives take, fixed for a run (from the recipe). */
export interface ObjectiveParams {
  /** Decoupled KD (Zhao et al. 2022): weight of the target-class term (TCKD). Default 1. */
  dkdTarget?: number;
  /** Decoupled KD: weight of the non-target-class term (NCKD). Default 8, as mdistiller's CIFAR setting. */
  dkdNonTarget?: number;
  /** FitNets hint term weight β, when a hint is used beside the main loss. */
  hintWeight?: number;
}

/** What a learner's loss may read for one batch. */
export interface ObjectiveBatch {
  /** The learner's logits, batch × classes. */
  studentLogits: tf.Tensor2D;
  /**
   * Its teachers' targets, combined (one teacher's logits, or an ensemble's combination, see
   * combineTeachers.ts), batch × classes. Absent for a hard-label learner.
   */
  teacherLogits?: tf.Tensor2D;
  /** int32 class labels, batch. Unread when α = 0 (unlabeled transfer set). */
  labels: tf.Tensor1D;
  /** FitNets: the learner's hinted hidden layer after its learned linear map, batch × teacher units. */
  studentHint?: tf.Tensor2D;
  /** FitNets: the teacher's hidden layer (the hint), batch × teacher units. */
  teacherHint?: tf.Tensor2D;
}

export type ObjectiveId = 'hard' | 'hinton' | 'soft-ce' | 'logit-mse' | 'dkd' | 'hint';

/** What the page shows of an objective; tensor-free (objectiveCatalog.ts holds them all). */
export interface ObjectiveInfo {
  id: ObjectiveId;
  /** Short name for the page, e.g. "Hinton KD". */
  label: string;
  /** The loss in TeX, with α, T and the objective's own weights as symbols. */
  formula: string;
  /** Where it comes from (authors, year, title). */
  source: string;
  /** Names of its terms, in display order; the loss is their sum. */
  termNames: readonly string[];
  /** Whether it reads teacherLogits. */
  needsTeacher: boolean;
  /** Whether it reads studentHint / teacherHint. */
  needsHint: boolean;
  /** TeX for each term, by name, for the formula with live numbers. */
  termFormulas: Readonly<Record<string, string>>;
}

export interface Objective extends ObjectiveInfo {
  /** Each term, already multiplied by its weight (α, 1 − α, T², …). Call inside tf.tidy. */
  terms(batch: ObjectiveBatch, hyper: DistillHyper, params: ObjectiveParams): tf.Scalar[];
}
