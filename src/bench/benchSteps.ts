/** The engine's training steps as the session takes them, for the bench's timings and soak. */
import type * as tf from '@tensorflow/tfjs';
import { LOSS_WINDOW } from '../engine/history.ts';
import { objectiveStep, type StepResult } from '../engine/steps.ts';
import type { DistillHyper } from '../kd/objective.ts';
import { objectiveById } from '../kd/objectives.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';

const HARD = objectiveById('hard');
const HINTON = objectiveById('hinton');

/** A hard-label step: the teacher (with its dropout seed) or the control student. */
export function hardStep(
  model: Mlp,
  optimizer: tf.Optimizer,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  matMul: MatMul,
  dropoutSeed = 0,
): StepResult {
  const hyper = { temperature: 1, alpha: 1 };
  return objectiveStep(
    model,
    optimizer,
    { x, labels: y },
    HARD,
    hyper,
    {},
    { matMul, dropoutSeed },
  );
}

/**
 * A Hinton-KD step against fixed teacher logits; as in the session, step numbers that are a
 * multiple of LOSS_WINDOW also measure the terms' gradient norms.
 */
export function distillStep(
  model: Mlp,
  optimizer: tf.Optimizer,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  teacherLogits: tf.Tensor2D,
  hyper: DistillHyper,
  matMul: MatMul,
  step: number,
): StepResult {
  return objectiveStep(
    model,
    optimizer,
    { x, labels: y, teacherLogits },
    HINTON,
    hyper,
    {},
    {
      matMul,
      measureGradients: step % LOSS_WINDOW === 0,
    },
  );
}
