/**
 * How closely a learner matches its teacher, rather than the labels (Stanton, Izmailov, Kirichenko,
 * Alemi & Wilson 2021, "Does Knowledge Distillation Really Work?"):
 *
 *   agreement = (1/N) Σ_n [argmax z_s,n = argmax z_t,n]        (top-1 agreement)
 *   kl        = (1/N) Σ_n KL(softmax(z_t,n) ‖ softmax(z_s,n))   (predictive KL, T = 1, nats)
 *
 * Tensor-free, for the page. Ties in argmax go to the lowest index (argmaxRows, metrics.ts); the KL
 * works from max-shifted log-softmax in float64, so it is finite wherever the logits are.
 */
import { argmaxRows } from './metrics.ts';
import { logSoftmaxAt } from './softmax.ts';
import { assertShape } from './validation.ts';

export interface Fidelity {
  /** Fraction of rows whose top-1 class is the teacher's, in [0, 1]. */
  agreement: number;
  /** Mean over rows of KL(teacher ‖ learner) at T = 1, in nats. */
  kl: number;
}

/** Top-1 agreement and mean KL; both NaN when there are no rows (nothing to compare). */
export function fidelity(
  learnerLogits: Float32Array,
  teacherLogits: Float32Array,
  rows: number,
  classes: number,
): Fidelity {
  assertShape(learnerLogits.length, rows, classes);
  assertShape(teacherLogits.length, rows, classes);
  if (rows === 0) return { agreement: NaN, kl: NaN };
  const learnerTop = argmaxRows(learnerLogits, rows, classes);
  const teacherTop = argmaxRows(teacherLogits, rows, classes);
  let agreeing = 0;
  let klSum = 0;
  for (let r = 0; r < rows; r++) {
    if (learnerTop[r] === teacherTop[r]) agreeing++;
    const span = [r * classes, (r + 1) * classes] as const;
    const logP = logSoftmaxAt(teacherLogits.subarray(...span), 1);
    const logQ = logSoftmaxAt(learnerLogits.subarray(...span), 1);
    for (let i = 0; i < classes; i++) {
      const p = Math.exp(logP[i]);
      if (p > 0) klSum += p * (logP[i] - logQ[i]);
    }
  }
  return { agreement: agreeing / rows, kl: klSum / rows };
}
