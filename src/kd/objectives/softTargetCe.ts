/**
 * Soft-target cross-entropy (Hinton, Vinyals & Dean 2015, "Distilling the Knowledge in a Neural
 * Network", §2: "the cross entropy with the soft targets"):
 *
 *   L = α · CE(y, softmax(z_s)) + (1 − α) · T² · mean_n Σ_i −p_i log q_i,
 *   p = softmax(z_t/T) (no gradient into the teacher), q = softmax(z_s/T).
 *
 * Σ −p log q = KL(p ‖ q) + H(p), and the teacher's entropy H(p) does not depend on the student: the
 * value is Hinton KD's plus T²(1 − α)·mean H(p), the gradient is the same, (1 − α)·T·(q − p)/N.
 * At α = 0 the hard term is exactly 0 and the labels are never read; at α = 1 the soft term is 0.
 */
import * as tf from '@tensorflow/tfjs';
import type { Objective } from '../objective.ts';
import { OBJECTIVE_CATALOG } from '../objectiveCatalog.ts';
import { hardLabelLoss } from '../kdLoss.ts';
import { stopGradient } from '../stopGradient.ts';
import { assertAlpha, assertTemperature } from '../validation.ts';

export const softTargetCeObjective: Objective = {
  ...OBJECTIVE_CATALOG['soft-ce'],
  terms: ({ studentLogits, teacherLogits, labels }, { temperature, alpha }) => {
    assertTemperature(temperature);
    assertAlpha(alpha);
    if (!teacherLogits) throw new Error('The soft-ce objective needs teacherLogits.');
    const [s, t] = [studentLogits.shape, teacherLogits.shape];
    if (s[0] !== t[0] || s[1] !== t[1]) {
      throw new RangeError(`student logits [${s.join(', ')}] ≠ teacher logits [${t.join(', ')}]`);
    }
    return tf.tidy(() => {
      const hard =
        alpha === 0 ? tf.scalar(0) : tf.mul<tf.Scalar>(hardLabelLoss(studentLogits, labels), alpha);
      if (alpha === 1) return [hard, tf.scalar(0)];
      const p = tf.softmax(tf.div<tf.Tensor2D>(stopGradient(teacherLogits), temperature));
      const logQ = tf.logSoftmax(tf.div<tf.Tensor2D>(studentLogits, temperature));
      const crossEntropy = tf.neg(tf.mean<tf.Scalar>(tf.sum(tf.mul(p, logQ), 1)));
      return [hard, tf.mul<tf.Scalar>(crossEntropy, (1 - alpha) * temperature * temperature)];
    });
  },
};
