import * as tf from '@tensorflow/tfjs';
import { hardLabelLoss, kdLoss } from '../kd/index.ts';
import type { MatMul } from '../kernels/denseMatMul.ts';
import type { Mlp } from '../models/mlp.ts';
import { mlpForward, mlpVariables } from '../models/mlp.ts';
import type { LiveHyper } from './protocol.ts';

/** The loss terms of one distillation step, read back as numbers. */
export interface DistillLoss {
  hard: number;
  soft: number;
  total: number;
}

/**
 * One optimizer step on `model` for the scalar loss `lossOf(logits)`; returns the loss terms the
 * closure chose to report. The variable list is explicit: `minimize` without it would update
 * every trainable variable, the other models' too.
 */
function minimizeAndRead(
  model: Mlp,
  optimizer: tf.Optimizer,
  x: tf.Tensor2D,
  forward: { training: boolean; dropoutSeed?: number; matMul: MatMul },
  lossOf: (logits: tf.Tensor2D) => { loss: tf.Scalar; report: tf.Tensor },
): Float32Array {
  let report: tf.Tensor | undefined;
  const loss = optimizer.minimize(
    () => {
      const { loss, report: r } = lossOf(mlpForward(model, x, forward));
      report = tf.keep(r);
      return loss;
    },
    true,
    mlpVariables(model),
  );
  try {
    return report!.dataSync() as Float32Array;
  } finally {
    report?.dispose();
    loss?.dispose();
  }
}

/** A hard-label step: the teacher (with dropout) or the control student. Returns the mean CE. */
export function hardLabelStep(
  model: Mlp,
  optimizer: tf.Optimizer,
  x: tf.Tensor2D,
  labels: tf.Tensor1D,
  matMul: MatMul,
  dropoutSeed = 0,
): number {
  const [ce] = minimizeAndRead(
    model,
    optimizer,
    x,
    { training: true, dropoutSeed, matMul },
    (logits) => {
      const loss = hardLabelLoss(logits, labels);
      return { loss, report: loss };
    },
  );
  return ce;
}

/** A distillation step against cached teacher logits, at this batch's T and α. */
export function distillStep(
  student: Mlp,
  optimizer: tf.Optimizer,
  x: tf.Tensor2D,
  labels: tf.Tensor1D,
  teacherLogits: tf.Tensor2D,
  hyper: LiveHyper,
  matMul: MatMul,
): DistillLoss {
  const [hard, soft] = minimizeAndRead(
    student,
    optimizer,
    x,
    { training: true, matMul },
    (logits) => {
      const terms = kdLoss(logits, teacherLogits, labels, hyper.temperature, hyper.alpha);
      return { loss: terms.total, report: tf.stack([terms.hard, terms.soft]) };
    },
  );
  return { hard, soft, total: hard + soft };
}

/** Logits of `model` (inference mode, stock matMul) for a batch of images. */
export function predictLogits(model: Mlp, x: tf.Tensor2D): Float32Array {
  return tf.tidy(() => mlpForward(model, x).dataSync() as Float32Array);
}
