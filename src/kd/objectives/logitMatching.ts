/**
 * Logit matching (Ba & Caruana 2014, "Do Deep Nets Really Need to be Deep?"; the T → ∞ limit in
 * Hinton, Vinyals & Dean 2015, "Distilling the Knowledge in a Neural Network", §2.1):
 *
 *   L = α · CE(y, softmax(z_s)) + (1 − α) · (1/(N·K)) Σ_{n,i} ((z_s − z̄_s) − (z_t − z̄_t))²_{n,i}
 *
 * the mean over rows n AND classes i (logitMatchingMse), independent of T. With u = z_s − z̄_s,
 * v = z_t − z̄_t: softmax(z/T)_i = (1 + u_i/T + O(T⁻²))/K, so KL(p ‖ q) = ½ Σ_i (p_i − q_i)²/p_i
 * + O(T⁻³) = (1/(2·K·T²)) Σ_i (u_i − v_i)² + O(T⁻³), and therefore
 *
 *   T² · mean_n KL(softmax(z_t/T) ‖ softmax(z_s/T)) → ½ · logitMatchingMse(z_s, z_t)  as T → ∞,
 *
 * with relative error O(1/T) (checked in float64 at T = 10, 100, 1000 in logitMatching.test.ts).
 * The teacher gets no gradient (logitMatchingLoss); at α = 0 the labels are never read.
 */
import * as tf from '@tensorflow/tfjs';
import type { Objective } from '../objective.ts';
import { OBJECTIVE_CATALOG } from '../objectiveCatalog.ts';
import { hardLabelLoss } from '../kdLoss.ts';
import { logitMatchingLoss } from '../logitMatchingLoss.ts';
import { assertAlpha } from '../validation.ts';

export const logitMatchingObjective: Objective = {
  ...OBJECTIVE_CATALOG['logit-mse'],
  terms: ({ studentLogits, teacherLogits, labels }, { alpha }) => {
    assertAlpha(alpha);
    if (!teacherLogits) throw new Error('The logit-mse objective needs teacherLogits.');
    return tf.tidy(() => {
      const hard =
        alpha === 0 ? tf.scalar(0) : tf.mul<tf.Scalar>(hardLabelLoss(studentLogits, labels), alpha);
      const soft =
        alpha === 1
          ? tf.scalar(0)
          : tf.mul<tf.Scalar>(logitMatchingLoss(studentLogits, teacherLogits), 1 - alpha);
      return [hard, soft];
    });
  },
};
