import * as tf from '@tensorflow/tfjs';
import { termGradientNorms } from '../kd/gradientNorms.ts';
import type { DistillHyper, Objective, ObjectiveParams } from '../kd/objective.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import { mlpForward, mlpForwardWithHidden, mlpVariables } from '../models/mlp.ts';
import { objectiveById } from '../kd/objectives.ts';

/** One batch as tensors: images, labels and (for a distilled learner) its teachers' targets. */
export interface BatchTensors {
  x: tf.Tensor2D;
  labels: tf.Tensor1D;
  teacherLogits?: tf.Tensor2D;
  /** The teacher's hidden layer, for a learner with a FitNets hint. */
  teacherHint?: tf.Tensor2D;
}

/** A FitNets regressor and where it reads (members.ts builds it). */
export interface StepHint {
  kernel: tf.Variable;
  bias: tf.Variable;
  studentLayer: number;
  weight: number;
}

const HINT = objectiveById('hint');

export interface StepOptions {
  matMul: MatMul;
  /** Seed of this step's dropout masks (teachers train with dropout). */
  dropoutSeed?: number;
  /** Also measure each term's gradient norm with respect to the logits (a few small ops). */
  measureGradients?: boolean;
  /** The learner's hint regressor: its hint term is the objective (if 'hint') or added to it. */
  hint?: StepHint | null;
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
  let studentHint: tf.Tensor2D | undefined;
  const { hint } = options;
  const forward = { training: true, dropoutSeed: options.dropoutSeed ?? 0, matMul: options.matMul };
  // A hint alone (FitNets' first stage) trains only the layers up to the hinted one, and the map.
  const variables = objective.needsHint
    ? [...model.kernels, ...model.biases].filter(
        (_, i) => i % model.kernels.length <= hint!.studentLayer,
      )
    : mlpVariables(model);
  if (hint) variables.push(hint.kernel, hint.bias);
  const extraHint = hint && !objective.needsHint;
  const loss = optimizer.minimize(
    () => {
      const { logits: z, hidden } = mlpForwardWithHidden(
        model,
        batch.x,
        forward,
        hint?.studentLayer,
      );
      const mapped = hidden
        ? tf.add<tf.Tensor2D>(tf.matMul(hidden, hint!.kernel), hint!.bias)
        : undefined;
      if (options.measureGradients) {
        logits = tf.keep(z);
        if (mapped) studentHint = tf.keep(mapped);
      }
      const inputs = { ...batchInputs(batch), studentLogits: z, studentHint: mapped };
      const terms = objective.terms(inputs, hyper, params);
      if (extraHint) terms.push(...HINT.terms(inputs, hyper, { hintWeight: hint.weight }));
      if (terms.length === 1) {
        report = tf.keep(terms[0]);
        return terms[0];
      }
      report = tf.keep(tf.stack(terms));
      return terms.length === 2 ? tf.add<tf.Scalar>(terms[0], terms[1]) : tf.addN(terms);
    },
    true,
    variables,
  );
  try {
    const values = Array.from(report!.dataSync());
    if (!logits) return { values };
    const inputs = { ...batchInputs(batch), studentLogits: logits, studentHint };
    const gradNorms = termGradientNorms(objective, inputs, hyper, params);
    if (extraHint)
      gradNorms.push(...termGradientNorms(HINT, inputs, hyper, { hintWeight: hint.weight }));
    return { values, gradNorms };
  } finally {
    report?.dispose();
    loss?.dispose();
    logits?.dispose();
    studentHint?.dispose();
  }
}

function batchInputs(batch: BatchTensors) {
  return {
    teacherLogits: batch.teacherLogits,
    labels: batch.labels,
    teacherHint: batch.teacherHint,
  };
}

/** Logits of `model` (inference mode, stock matMul) for a batch of images. */
export function predictLogits(model: Mlp, x: tf.Tensor2D): Float32Array {
  return tf.tidy(() => mlpForward(model, x).dataSync() as Float32Array);
}
