/**
 * Hint training (Romero, Ballas, Kahou, Chassang, Gatta & Bengio 2015, "FitNets: Hints for Thin
 * Deep Nets"): a learned linear map (the regressor W_r, b_r) of a student hidden layer h_s is
 * pulled toward the teacher's hidden layer h_t, the hint:
 *
 *   L = β · (1/(N·U)) Σ_{n,u} (W_r h_s + b_r − h_t)²_{n,u}
 *
 * the mean over rows n AND units u; β = params.hintWeight ?? 1. studentHint is already
 * W_r h_s + b_r (the engine applies the regressor); the teacher's hint gets no gradient.
 */
import * as tf from '@tensorflow/tfjs';
import type { Objective } from '../objective.ts';
import { OBJECTIVE_CATALOG } from '../objectiveCatalog.ts';
import { stopGradient } from '../stopGradient.ts';

export const hintObjective: Objective = {
  ...OBJECTIVE_CATALOG.hint,
  terms: ({ studentHint, teacherHint }, _hyper, params) => {
    const beta = params.hintWeight ?? 1;
    if (!(beta >= 0) || !Number.isFinite(beta)) {
      throw new RangeError(`hintWeight must be a finite number ≥ 0, got ${beta}`);
    }
    if (!studentHint || !teacherHint) {
      throw new Error('The hint objective needs studentHint and teacherHint.');
    }
    const [s, t] = [studentHint.shape, teacherHint.shape];
    if (s[0] !== t[0] || s[1] !== t[1]) {
      throw new RangeError(`student hint [${s.join(', ')}] ≠ teacher hint [${t.join(', ')}]`);
    }
    return tf.tidy(() => [
      tf.mul<tf.Scalar>(tf.mean(tf.square(tf.sub(studentHint, stopGradient(teacherHint)))), beta),
    ]);
  },
};
