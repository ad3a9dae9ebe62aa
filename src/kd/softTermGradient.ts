/**
 * The high-temperature limit of distillation (Hinton, Vinyals & Dean 2015, §2.1), on plain
 * arrays for the page. For one example of a batch of N, with student logits z, teacher logits v,
 * K classes, q = softmax(z/T) and p = softmax(v/T), the weighted soft term
 * (1 − α)·T²·KL(p ‖ q)/N has the exact gradient
 *   ∂/∂z_i = (1 − α)·T·(q_i − p_i)/N
 * (the T² makes its size independent of T). Expanding exp(x/T) ≈ 1 + x/T for T large compared
 * with the logits, and with logits zero-meaned (Σ z_j = Σ v_j = 0):
 *   ∂/∂z_i ≈ (1 − α)·(z_i − v_i)/(K·N),
 * the gradient of (1 − α)·½·Σ(z_i − v_i)²/(K·N): matching logits. Without zero-meaning, the same
 * formula misses by (1 − α)·(z̄ − v̄)/(K·N) in every class, at any T: softmax ignores a shift
 * of all logits, the squared difference does not.
 */
import { softmaxAt } from './softmax.ts';

export interface SoftGradientPair {
  /** (1 − α)·T·(q_i − p_i)/N per class. */
  exact: Float64Array;
  /** (1 − α)·(z_i − v_i)/(K·N) per class, zero-meaned logits unless `zeroMean` is false. */
  approximation: Float64Array;
  /** ‖exact − approximation‖₂ / ‖approximation‖₂ (0 when both vanish). */
  relativeDistance: number;
}

const mean = (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};

export function softTermGradient(
  studentLogits: ArrayLike<number>,
  teacherLogits: ArrayLike<number>,
  temperature: number,
  alpha: number,
  batchSize = 1,
  zeroMean = true,
): SoftGradientPair {
  const K = studentLogits.length;
  if (teacherLogits.length !== K) {
    throw new RangeError(`${K} student logits but ${teacherLogits.length} teacher logits`);
  }
  const q = softmaxAt(studentLogits, temperature);
  const p = softmaxAt(teacherLogits, temperature);
  const zMean = zeroMean ? mean(studentLogits) : 0;
  const vMean = zeroMean ? mean(teacherLogits) : 0;
  const exact = new Float64Array(K);
  const approximation = new Float64Array(K);
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < K; i++) {
    exact[i] = ((1 - alpha) * temperature * (q[i] - p[i])) / batchSize;
    approximation[i] =
      ((1 - alpha) * (studentLogits[i] - zMean - (teacherLogits[i] - vMean))) / (K * batchSize);
    diff += (exact[i] - approximation[i]) ** 2;
    norm += approximation[i] ** 2;
  }
  const relativeDistance = norm > 0 ? Math.sqrt(diff / norm) : diff > 0 ? Infinity : 0;
  return { exact, approximation, relativeDistance };
}
