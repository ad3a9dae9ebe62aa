import * as tf from '@tensorflow/tfjs';
import { termGradientNorms } from '../kd/gradientNorms.ts';
import type { DistillHyper, Objective, ObjectiveParams } from '../kd/objective.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import { mlpForward, mlpVariables } from '../models/mlp.ts';

/** One batch as tensors: images, labels and (for a distilled learner) its teachers' targets. */
export interface BatchTensors {
  x: tf.Tensor2D;
  labels: tf.Tensor1D;
  teacherLogits?: tf.Tensor2D;
}

export interface StepOptions {
  matMul: MatMul;
  /** Seed of this step's dropout masks (teachers train with dropout). */
  dropoutSeed?: number;
  /** Also measure each term's gradient norm with respect to the logits (a few small ops). */
  measureGradients?: boolean;
}

/** The loss terms of one step, as numbers, and (when measured) their gradient norms. */
export interface StepResult {
  values: number[];
  gradNorms?: number[];
}

/**
 * One optimizer step of `model` on `objective`'s loss, the sum of its terms. The variable list is
 * explicit: `minimize` without it would update every trainable variable, the teachers' too.
 */
export function objectiveStep(
  model: Mlp,
  optimizer: tf.Optimizer,
  batch: BatchTensors,
  objective: Objective,
  hyper: DistillHyper,
  params: ObjectiveParams,
  options: StepOptions,
): StepResult {
  let report: tf.Tensor | undefined;
  let logits: tf.Tensor2D | undefined;
  const forward = { training: true, dropoutSeed: options.dropoutSeed ?? 0, matMul: options.matMul };
  const loss = optimizer.minimize(
    () => {
      const z = mlpForward(model, batch.x, forward);
      if (options.measureGradients) logits = tf.keep(z);
      const terms = objective.terms(
        { studentLogits: z, teacherLogits: batch.teacherLogits, labels: batch.labels },
        hyper,
        params,
      );
      if (terms.length === 1) {
        report = tf.keep(terms[0]);
        return terms[0];
      }
      report = tf.keep(tf.stack(terms));
      return terms.length === 2 ? tf.add<tf.Scalar>(terms[0], terms[1]) : tf.addN(terms);
    },
    true,
    mlpVariables(model),
  );
  try {
    const values = Array.from(report!.dataSync());
    if (!logits) return { values };
    const gradNorms = termGradientNorms(
      objective,
      { studentLogits: logits, teacherLogits: batch.teacherLogits, labels: batch.labels },
      hyper,
      params,
    );
    return { values, gradNorms };
  } finally {
    report?.dispose();
    loss?.dispose();
    logits?.dispose();
  }
}

/** Logits of `model` (inference mode, stock matMul) for a batch of images. */
export function predictLogits(model: Mlp, x: tf.Tensor2D): Float32Array {
  return tf.tidy(() => mlpForward(model, x).dataSync() as Float32Array);
}
