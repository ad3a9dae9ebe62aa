/**
 * Decoupled KD (Zhao, Cui, Song, Qiu & Liang 2022, "Decoupled Knowledge Distillation", CVPR;
 * reference code: mdistiller's dkd.py). With y the label, p = softmax(z_t/T), q = softmax(z_s/T),
 * b = [p_y, 1 − p_y] (target vs. the rest) and p̂ = p over the non-target classes, renormalized:
 *
 *   KL(p ‖ q) = KL(b_t ‖ b_s) + (1 − p_y) · KL(p̂_t ‖ p̂_s)      (KD = TCKD + (1 − p_y)·NCKD)
 *
 * DKD drops the (1 − p_y) factor and weights the two parts apart:
 *
 *   L = α · CE(y, softmax(z_s)) + (1 − α) · T² · (A · mean_n TCKD + B · mean_n NCKD)
 *
 * terms [hard, tckd, nckd]; A = params.dkdTarget ?? 1, B = params.dkdNonTarget ?? 8. The teacher
 * gets no gradient. Unlike the other soft terms, TCKD and NCKD read the labels even at α = 0.
 *
 * Stability: log b = [log q_y, log Σ_{i≠y} q_i], both as differences of log-sum-exps, so neither
 * is log(0) when the target takes all the mass. p̂ is the softmax of z/T − 1000 · onehot(y), as in
 * mdistiller: the masked class gets probability 0 in float32 whenever the logits/T span < ~900.
 */
import * as tf from '@tensorflow/tfjs';
import type { Objective } from '../objective.ts';
import { OBJECTIVE_CATALOG } from '../objectiveCatalog.ts';
import { hardLabelLoss } from '../kdLoss.ts';
import { stopGradient } from '../stopGradient.ts';
import { assertAlpha, assertTemperature } from '../validation.ts';

/** What mdistiller subtracts from the target's scaled logit to leave it out of p̂. */
const TARGET_MASK = 1000;

function assertWeight(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
}

/** Σ_i exp(logP)_i · (logP − logQ)_i per row: KL row by row from log-probabilities. */
function klRows(logP: tf.Tensor2D, logQ: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.mul(tf.exp(logP), tf.sub(logP, logQ)), 1);
}

interface DecoupledLogProbs {
  /** [log p_y, log(1 − p_y)] per row, batch × 2. */
  binary: tf.Tensor2D;
  /** log p̂: log-softmax with the target masked out, batch × classes. */
  nonTarget: tf.Tensor2D;
}

function decoupledLogProbs(scaled: tf.Tensor2D, targetMask: tf.Tensor2D): DecoupledLogProbs {
  const logSum = tf.logSumExp(scaled, 1, true);
  const masked = tf.sub<tf.Tensor2D>(scaled, tf.mul(targetMask, TARGET_MASK));
  const logTarget = tf.sub(tf.sum(tf.mul(targetMask, scaled), 1, true), logSum);
  const logRest = tf.sub(tf.logSumExp(masked, 1, true), logSum);
  return {
    binary: tf.concat2d([logTarget as tf.Tensor2D, logRest as tf.Tensor2D], 1),
    nonTarget: tf.logSoftmax(masked),
  };
}

export const decoupledKdObjective: Objective = {
  ...OBJECTIVE_CATALOG.dkd,
  terms: ({ studentLogits, teacherLogits, labels }, { temperature, alpha }, params) => {
    assertTemperature(temperature);
    assertAlpha(alpha);
    const targetWeight = params.dkdTarget ?? 1;
    const nonTargetWeight = params.dkdNonTarget ?? 8;
    assertWeight('dkdTarget', targetWeight);
    assertWeight('dkdNonTarget', nonTargetWeight);
    if (!teacherLogits) throw new Error('The dkd objective needs teacherLogits.');
    const [s, t] = [studentLogits.shape, teacherLogits.shape];
    if (s[0] !== t[0] || s[1] !== t[1]) {
      throw new RangeError(`student logits [${s.join(', ')}] ≠ teacher logits [${t.join(', ')}]`);
    }
    if (labels.shape[0] !== s[0]) {
      throw new RangeError(`${labels.shape[0]} labels for a batch of ${s[0]}`);
    }
    return tf.tidy(() => {
      const hard =
        alpha === 0 ? tf.scalar(0) : tf.mul<tf.Scalar>(hardLabelLoss(studentLogits, labels), alpha);
      if (alpha === 1) return [hard, tf.scalar(0), tf.scalar(0)];
      // int32 one-hot, then cast: the WASM OneHot kernel ignores a float dtype (see kdLoss.ts).
      const targetMask = tf.cast(tf.oneHot(labels, s[1]), 'float32') as tf.Tensor2D;
      const student = decoupledLogProbs(
        tf.div<tf.Tensor2D>(studentLogits, temperature),
        targetMask,
      );
      const teacher = decoupledLogProbs(
        tf.div<tf.Tensor2D>(stopGradient(teacherLogits), temperature),
        targetMask,
      );
      const scale = (1 - alpha) * temperature * temperature;
      const tckd = tf.mean<tf.Scalar>(klRows(teacher.binary, student.binary));
      const nckd = tf.mean<tf.Scalar>(klRows(teacher.nonTarget, student.nonTarget));
      return [
        hard,
        tf.mul<tf.Scalar>(tckd, scale * targetWeight),
        tf.mul<tf.Scalar>(nckd, scale * nonTargetWeight),
      ];
    });
  },
};
